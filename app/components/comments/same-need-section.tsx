import type { SubmissionResult } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { CocreationData } from "./cocreation-data.server";
import { CommentTextForm } from "./comment-text-form";

/** "Vi har samme behov": the organisations that have said so, and the form to say it for yours. */
export function SameNeedSection({
  data,
  lastResult,
}: {
  data: Pick<CocreationData, "publicId" | "closed" | "sameNeed">;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("cocreation");
  const [search] = useSearchParams();
  const notice = search.get("samme-behov");
  const { sameNeed } = data;
  const action = `/ideer/${encodeURIComponent(data.publicId)}/samme-behov`;
  return (
    <section id="same-need" aria-labelledby="same-need-heading" className="mt-8">
      <h2 id="same-need-heading" className="text-2xl font-bold">
        {t("sameNeed.heading")}
      </h2>
      <div role="status" aria-live="polite">
        {notice === "allerede" && sameNeed.alreadyRecorded ? (
          <p className="mt-2 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3 font-medium" data-testid="same-need-notice">
            {t("sameNeed.already", { organisation: sameNeed.myOrganisationName })}
          </p>
        ) : notice === "registrert" && sameNeed.alreadyRecorded ? (
          <p className="mt-2 rounded-md border-l-4 border-green-800 bg-green-50 p-3 font-medium text-green-900" data-testid="same-need-notice">
            {t("sameNeed.recorded", { organisation: sameNeed.myOrganisationName })}
          </p>
        ) : null}
      </div>
      <h3 className="mt-3 text-lg font-semibold">{t("sameNeed.listHeading")}</h3>
      {sameNeed.rows.length === 0 ? (
        <p className="mt-1">{t("sameNeed.none")}</p>
      ) : (
        <ul className="mt-1 space-y-2" data-testid="same-need-list">
          {sameNeed.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-start gap-3">
              <div>
                <p className="font-semibold">{row.organisationName}</p>
                {row.note ? <p className="whitespace-pre-line break-words text-slate-800">{row.note}</p> : null}
              </div>
              {row.canWithdraw ? (
                <Form method="post" action={action}>
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="sameNeedId" value={row.id} />
                  <button type="submit" className={secondaryButtonClass} aria-label={t("sameNeed.withdrawLabel", { organisation: row.organisationName })}>
                    {t("sameNeed.withdraw")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3">
        {sameNeed.ownOrganisation ? (
          <p>{t("sameNeed.ownOrganisation")}</p>
        ) : data.closed ? (
          <p>{t("sameNeed.closed")}</p>
        ) : sameNeed.alreadyRecorded ? null : (
          <>
            <p className="mb-2">{t("sameNeed.intro")}</p>
            <CommentTextForm
              formId="same-need-form"
              action={action}
              hidden={{ intent: "record" }}
              fieldName="note"
              label={t("sameNeed.noteLabel")}
              hint={t("sameNeed.noteHint")}
              submitLabel={t("sameNeed.button")}
              lastResult={lastResult}
              rows={2}
            />
          </>
        )}
      </div>
    </section>
  );
}
