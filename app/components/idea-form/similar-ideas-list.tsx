import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { SimilarIdea } from "~/modules/ideas/find-similar-ideas.server";

type SimilarIdeasListProps = {
  ideas: SimilarIdea[];
  headingId: string;
  heading: string;
  intro: string;
  /** Where the support action sends the browser back to (a same-site path). */
  redirectTo: string;
  /**
   * With JavaScript: handle the support form without leaving the page. Without it (or when this is
   * not given) the form posts normally and the server redirects back.
   */
  onSupportSubmit?: (event: FormEvent<HTMLFormElement>, idea: SimilarIdea) => void;
};

/** Ideas like the one being written, each with a way to support it instead. */
export function SimilarIdeasList({ ideas, headingId, heading, intro, redirectTo, onSupportSubmit }: SimilarIdeasListProps) {
  const { t } = useTranslation("idea-form");
  if (ideas.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-brand-700 bg-brand-50 p-4" data-testid="similar-ideas">
      <h2 id={headingId} className="text-lg font-bold text-gray-900">
        {heading}
      </h2>
      <p className="mt-1 text-gray-800">{intro}</p>
      <ul className="mt-3 space-y-3">
        {ideas.map((idea) => (
          <li key={idea.id} className="rounded-md border border-gray-300 bg-white p-3">
            <a href={`/ideer/${idea.publicId}`} className="font-semibold">
              {idea.title}
            </a>
            <p className="mt-1 text-sm text-gray-700">
              {idea.publicId} · {t("similar.meta", { status: t(`status.${idea.status}`, { ns: "ideas" }), organisation: idea.organisationName })} ·{" "}
              {t("similar.supportCount", { count: idea.supportCount })}
            </p>
            <form
              method="post"
              action={`/ideer/${idea.publicId}/stott`}
              className="mt-2 flex flex-wrap items-center gap-2"
              onSubmit={onSupportSubmit ? (event) => onSupportSubmit(event, idea) : undefined}
            >
              <input type="hidden" name="intent" value={idea.supportedByMe ? "withdraw-support" : "support"} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              {idea.supportedByMe ? <span className="text-sm font-medium text-gray-900">{t("similar.supported")}</span> : null}
              <button type="submit" className={secondaryButtonClass}>
                {idea.supportedByMe ? t("similar.withdraw") : t("similar.support")}
                <span className="sr-only">: {idea.title}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
