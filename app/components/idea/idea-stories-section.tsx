import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { primaryButtonClass } from "~/modules/auth/form-feedback";
import type { IdeaPageData } from "./idea-page-data.server";

/** "Inspirert av …": the success story this idea was created from with "Vi vil prøve dette". */
export function InspiredByStory({ story }: { story: IdeaPageData["inspiredBy"] }) {
  const { t } = useTranslation("stories");
  if (!story) return null;
  return (
    <p className="mt-2 text-lg" data-testid="inspired-by">
      {t("ideaPage.inspiredBy")}{" "}
      <Link to={`/historier/${encodeURIComponent(story.slug)}`}>{story.title}</Link>
    </p>
  );
}

/** Published success stories about the idea, and the way to write one once it is in Ny praksis. */
export function IdeaStoriesSection({ publicId, stories, canWriteStory }: Pick<IdeaPageData, "publicId" | "stories" | "canWriteStory">) {
  const { t } = useTranslation("stories");
  if (stories.length === 0 && !canWriteStory) return null;
  return (
    <section aria-labelledby="idea-stories-heading" className="mt-8">
      <h2 id="idea-stories-heading" className="text-2xl font-bold">
        {t("ideaPage.heading")}
      </h2>
      {stories.length > 0 ? (
        <ul className="mt-2 space-y-2" data-testid="idea-stories">
          {stories.map((story) => (
            <li key={story.slug}>
              <Link to={`/historier/${encodeURIComponent(story.slug)}`} className="font-semibold">
                {story.title}
              </Link>
              <span className="text-slate-700">
                {" – "}
                {story.organisationName}
                {story.published ? (
                  <>
                    {", "}
                    <time dateTime={story.published.iso}>{t("story.publishedOn", { date: story.published.text })}</time>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t("ideaPage.none")}</p>
      )}
      {canWriteStory ? (
        <>
          <p className="mt-3 max-w-prose">{t("ideaPage.writeHint")}</p>
          <p className="mt-2">
            <Link to={`/historier/ny?ide=${encodeURIComponent(publicId)}`} className={`${primaryButtonClass} no-underline hover:text-white`}>
              {t("gallery.write")}
            </Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
