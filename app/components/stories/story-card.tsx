import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type StoryCardView = {
  slug: string;
  title: string;
  summary: string;
  organisationName: string;
  themeName: string;
  visibility: string;
  published: { iso: string; text: string } | null;
  imageId: string | null;
  imageAlt: string | null;
  benefitCategories: string[];
};

export function StoryCard({ story }: { story: StoryCardView }) {
  const { t } = useTranslation("stories");
  const href = `/historier/${encodeURIComponent(story.slug)}`;
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-300 bg-white">
      {story.imageId ? (
        <img src={`${href}/bilder/${story.imageId}`} alt={story.imageAlt ?? ""} className="aspect-video w-full object-cover" loading="lazy" />
      ) : null}
      <div className="flex flex-1 flex-col p-4">
        <h3 className="text-xl font-bold">
          <Link to={href} className="text-brand-700 underline hover:text-brand-900">
            {story.title}
          </Link>
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {story.organisationName}
          {story.published ? (
            <>
              {" · "}
              <time dateTime={story.published.iso}>{story.published.text}</time>
            </>
          ) : null}
          {" · "}
          {t(`visibility.${story.visibility}`)}
        </p>
        <p className="mt-2 flex-1">{story.summary}</p>
        <p className="mt-2 text-sm text-slate-700">{story.themeName}</p>
        {story.benefitCategories.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("gallery.card.benefits")}>
            {story.benefitCategories.map((c) => (
              <li key={c} className="rounded-full bg-green-50 px-2 py-0.5 text-sm text-green-900">
                {t(`benefits.${c}`, { ns: "ideas" })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
