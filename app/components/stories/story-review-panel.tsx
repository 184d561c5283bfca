import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dangerButtonClass } from "~/components/idea/form-feedback";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { StoryStatus } from "~/db/schema";
import { StoryFieldErrors, StoryFormErrors } from "./story-messages";

export type ReviewPanelStory = { slug: string; status: StoryStatus; isAuthor: boolean; canReview: boolean };
export type ReviewPanelFeedback = {
  formErrors?: string[];
  fieldErrors?: { comment?: string[]; reason?: string[] };
  values?: { comment?: string; reason?: string };
};

/**
 * The workflow buttons for a story: the author sends it for review or withdraws it; a coordinator
 * of the reviewing network publishes or returns it with a comment; either may unpublish with a
 * reason. Plain forms to /historier/:slug/vurder, so they work without JavaScript.
 */
export function StoryReviewPanel({ story, feedback }: { story: ReviewPanelStory; feedback?: ReviewPanelFeedback }) {
  const { t } = useTranslation("stories");
  const action = `/historier/${encodeURIComponent(story.slug)}/vurder`;
  const commentErrors = feedback?.fieldErrors?.comment;
  const reasonErrors = feedback?.fieldErrors?.reason;
  const { status, isAuthor, canReview } = story;
  return (
    <section aria-labelledby="story-workflow" className="mt-8 rounded-lg border-2 border-brand-700 p-4" data-print="hide">
      <h2 id="story-workflow" className="text-2xl font-bold">
        {t("review.title")}
      </h2>
      <p className="mt-1">{t("review.current", { status: t(`status.${status}`) })}</p>
      <StoryFormErrors id="story-workflow-errors" errors={feedback?.formErrors} />

      {isAuthor && (status === "draft" || status === "returned" || status === "unpublished") ? (
        <Form method="post" action={action} className="mt-4">
          <p className="mb-2">{t("review.submitHint")}</p>
          <button type="submit" name="intent" value="submit" className={primaryButtonClass}>
            {t("review.submit")}
          </button>
        </Form>
      ) : null}
      {isAuthor && status === "ready_for_review" ? (
        <Form method="post" action={action} className="mt-4">
          <button type="submit" name="intent" value="withdraw" className={secondaryButtonClass}>
            {t("review.withdraw")}
          </button>
        </Form>
      ) : null}

      {canReview && status === "ready_for_review" ? (
        <div className="mt-4 space-y-6">
          <Form method="post" action={action}>
            <p className="mb-2">{t("review.publishHint")}</p>
            <button type="submit" name="intent" value="publish" className={primaryButtonClass}>
              {t("review.publish")}
            </button>
          </Form>
          <Form method="post" action={action}>
            <label htmlFor="review-comment" className="block font-semibold">
              {t("review.commentLabel")}
            </label>
            <p id="review-comment-hint" className="text-sm text-slate-700">
              {t("review.commentHint")}
            </p>
            <textarea
              id="review-comment"
              name="comment"
              rows={4}
              defaultValue={feedback?.values?.comment ?? ""}
              aria-describedby={["review-comment-hint", commentErrors?.length ? "review-comment-error" : null].filter(Boolean).join(" ")}
              aria-invalid={commentErrors?.length ? true : undefined}
              className={inputClass}
            />
            <StoryFieldErrors id="review-comment-error" errors={commentErrors} />
            <button type="submit" name="intent" value="return" className={`${secondaryButtonClass} mt-2`}>
              {t("review.return")}
            </button>
          </Form>
        </div>
      ) : null}

      {(canReview || isAuthor) && status === "published" ? (
        <Form method="post" action={action} className="mt-4">
          <label htmlFor="unpublish-reason" className="block font-semibold">
            {t("review.reasonLabel")}
          </label>
          <textarea
            id="unpublish-reason"
            name="reason"
            rows={3}
            defaultValue={feedback?.values?.reason ?? ""}
            aria-describedby={reasonErrors?.length ? "unpublish-reason-error" : undefined}
            aria-invalid={reasonErrors?.length ? true : undefined}
            className={inputClass}
          />
          <StoryFieldErrors id="unpublish-reason-error" errors={reasonErrors} />
          <button type="submit" name="intent" value="unpublish" className={`${dangerButtonClass} mt-2`}>
            {t("review.unpublish")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
