import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { DisplayDate } from "./idea-dates";

export type Rating = { clear: boolean; comment: string | null };
/** What the svar action answers with: which form the (refused) submission belongs to. */
export type FeedbackReply = { formId: string; result: SubmissionResult<string[]> };

const forThisForm = (formId: string, reply?: FeedbackReply | null) => (reply?.formId === formId ? reply.result : undefined);

/** "Var svaret tydelig?" for one answer: the submitter's form, or what they already said. */
export function RateAnswerForm({ publicId, answerId, rating, reply }: { publicId: string; answerId: string; rating: Rating | null; reply?: FeedbackReply | null }) {
  const { t } = useTranslation("triage");
  const formId = `rate-${answerId}`;
  const [form, fields] = useForm({ id: formId, lastResult: forThisForm(formId, reply), shouldValidate: "onSubmit" });
  if (rating) {
    return (
      <div className="mt-3 rounded-md bg-slate-50 p-2 text-sm" data-testid="my-rating">
        <p>{rating.clear ? t("feedback.ratedClear") : t("feedback.ratedUnclear")}</p>
        {rating.comment ? (
          <p className="whitespace-pre-line break-words">
            <span className="font-semibold">{t("feedback.yourComment")}</span> {rating.comment}
          </p>
        ) : null}
      </div>
    );
  }
  const hintId = `${fields.comment.id}-hint`;
  return (
    <Form method="post" action={`/ideer/${encodeURIComponent(publicId)}/svar`} className="mt-3 space-y-2" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="rate" />
      <input type="hidden" name="answerId" value={answerId} />
      <fieldset aria-describedby={describedBy(fields.clear.errors && fields.clear.errorId)}>
        <legend className="font-semibold">{t("feedback.legend")}</legend>
        <div className="mt-1 flex gap-6">
          <label className="inline-flex items-center gap-2">
            <input {...getInputProps(fields.clear, { type: "radio", value: "yes" })} />
            {t("feedback.yes")}
          </label>
          <label className="inline-flex items-center gap-2">
            <input {...getInputProps(fields.clear, { type: "radio", value: "no" })} />
            {t("feedback.no")}
          </label>
        </div>
        <FieldErrors id={fields.clear.errorId} errors={fields.clear.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.comment.id} className="block font-semibold">
          {t("feedback.commentLabel")}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {t("feedback.commentHint")}
        </p>
        <textarea
          {...getTextareaProps(fields.comment)}
          rows={2}
          maxLength={2000}
          aria-describedby={describedBy(hintId, fields.comment.errors && fields.comment.errorId)}
          className={inputClass}
        />
        <FieldErrors id={fields.comment.errorId} errors={fields.comment.errors} />
      </div>
      <button type="submit" className={secondaryButtonClass}>
        {t("feedback.submit")}
      </button>
    </Form>
  );
}

/** "Bestrid avgjørelsen": once, while the idea is closed as not prioritised; afterwards what was said. */
export function ContestSection({
  publicId,
  contest,
  canContest,
  reply,
}: {
  publicId: string;
  contest: { body: string; date: DisplayDate } | null;
  canContest: boolean;
  reply?: FeedbackReply | null;
}) {
  const { t } = useTranslation("triage");
  const [form, fields] = useForm({ id: "contest", lastResult: forThisForm("contest", reply), shouldValidate: "onSubmit" });
  if (contest) {
    return (
      <section aria-labelledby="contest-heading" className="mt-6" data-testid="contest">
        <h3 id="contest-heading" className="text-lg font-semibold">
          {t("feedback.contestHeading")}
        </h3>
        <p>{t("feedback.contested", { date: contest.date.text })}</p>
        <p className="whitespace-pre-line break-words">
          <span className="font-semibold">{t("feedback.yourReason")}</span> {contest.body}
        </p>
      </section>
    );
  }
  if (!canContest) return null;
  const hintId = `${fields.body.id}-hint`;
  return (
    <section aria-labelledby="contest-heading" className="mt-6" data-testid="contest">
      <h3 id="contest-heading" className="text-lg font-semibold">
        {t("feedback.contestHeading")}
      </h3>
      <p className="mt-1">{t("feedback.contestIntro")}</p>
      <Form method="post" action={`/ideer/${encodeURIComponent(publicId)}/svar`} className="mt-3 space-y-3" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="contest" />
        <div>
          <label htmlFor={fields.body.id} className="block font-semibold">
            {t("feedback.contestLabel")}
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            {t("feedback.contestHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.body)}
            rows={5}
            maxLength={5000}
            aria-describedby={describedBy(hintId, fields.body.errors && fields.body.errorId)}
            className={inputClass}
          />
          <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("feedback.contestSubmit")}
        </button>
      </Form>
    </section>
  );
}

/** The submitter's rating as the network sees it next to an answer. */
export function NetworkRating({ rating }: { rating: Rating | undefined }) {
  const { t } = useTranslation("triage");
  if (!rating) return null;
  return (
    <p className={`text-sm ${rating.clear ? "text-slate-700" : "font-semibold text-danger-700"}`} data-testid="answer-rating">
      {rating.clear ? t("feedback.networkClear") : t("feedback.networkUnclear")}
      {rating.comment ? <span className="block whitespace-pre-line font-normal break-words">«{rating.comment}»</span> : null}
    </p>
  );
}
