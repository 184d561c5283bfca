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
   * Given inside another form (the idea form, which shows the list only with JavaScript): support by
   * script without leaving the page. Not given: a plain form posts and the server redirects back.
   */
  onSupport?: (idea: SimilarIdea) => void;
};

/** The `intent` the support route (/ideer/:publicId/stott) takes for this idea. */
export function supportIntent(idea: SimilarIdea) {
  return idea.supportedByMe ? "withdraw-support" : "support";
}

/** Ideas like the one being written, each with a way to support it instead. */
export function SimilarIdeasList({ ideas, headingId, heading, intro, redirectTo, onSupport }: SimilarIdeasListProps) {
  const { t } = useTranslation("idea-form");
  if (ideas.length === 0) return null;
  const supported = (idea: SimilarIdea) =>
    idea.supportedByMe ? <span className="text-sm font-medium text-gray-900">{t("similar.supported")}</span> : null;
  const buttonText = (idea: SimilarIdea) => (
    <>
      {idea.supportedByMe ? t("similar.withdraw") : t("similar.support")}
      <span className="sr-only">: {idea.title}</span>
    </>
  );
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
            {onSupport ? (
              // Inside the idea form a nested <form> is invalid HTML, so the button acts by script.
              <div className="mt-2 flex flex-wrap items-center gap-2">
                {supported(idea)}
                <button type="button" className={secondaryButtonClass} onClick={() => onSupport(idea)}>
                  {buttonText(idea)}
                </button>
              </div>
            ) : (
              <form method="post" action={`/ideer/${idea.publicId}/stott`} className="mt-2 flex flex-wrap items-center gap-2">
                <input type="hidden" name="intent" value={supportIntent(idea)} />
                <input type="hidden" name="redirectTo" value={redirectTo} />
                {supported(idea)}
                <button type="submit" className={secondaryButtonClass}>
                  {buttonText(idea)}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
