import type { SubmissionResult } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentTextForm } from "~/components/comments/comment-text-form";
import { describedBy, FieldMessages, FormMessages } from "~/components/comments/form-messages";
import { serverReply } from "~/components/comments/server-reply";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { IdeaPageData } from "./idea-page-data.server";

const actionOf = (publicId: string) => `/ideer/${encodeURIComponent(publicId)}/medskapere`;

export function CocreatorRequestForm({ publicId, lastResult, defaultValue }: { publicId: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: string }) {
  const { t } = useTranslation("cocreation");
  return (
    <CommentTextForm
      formId="cocreator-request-form"
      action={actionOf(publicId)}
      hidden={{ intent: "request" }}
      fieldName="message"
      label={t("cocreators.messageLabel")}
      hint={t("cocreators.messageHint")}
      submitLabel={t("cocreators.request")}
      defaultValue={defaultValue}
      lastResult={lastResult}
      rows={2}
    />
  );
}

export function CocreatorInviteForm({ publicId, lastResult, defaultValue }: { publicId: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: string }) {
  const { t } = useTranslation("cocreation");
  const reply = serverReply("cocreator-invite-form", lastResult, "email");
  const hintId = `${reply.fieldId}-hint`;
  return (
    <Form method="post" action={actionOf(publicId)} id="cocreator-invite-form" noValidate className="space-y-2">
      <FormMessages id={reply.formErrorId} errors={reply.formErrors} />
      <input type="hidden" name="intent" value="invite" />
      <label htmlFor={reply.fieldId} className="block font-semibold">
        {t("cocreators.inviteLabel")}
      </label>
      <p id={hintId} className="text-sm text-slate-700">
        {t("cocreators.inviteHint")}
      </p>
      <input
        id={reply.fieldId}
        name="email"
        type="email"
        defaultValue={reply.value ?? defaultValue ?? ""}
        aria-invalid={reply.fieldErrors ? true : undefined}
        aria-describedby={describedBy(hintId, reply.fieldErrors && reply.fieldErrorId, Boolean(reply.formErrors?.length) && reply.formErrorId)}
        autoComplete="off"
        className={inputClass}
      />
      <FieldMessages id={reply.fieldErrorId} errors={reply.fieldErrors} />
      <button type="submit" className={secondaryButtonClass}>
        {t("cocreators.invite")}
      </button>
    </Form>
  );
}

function AnswerButton({ publicId, id, intent, label, primary = false }: { publicId: string; id: string; intent: "accept" | "decline" | "remove"; label: string; primary?: boolean }) {
  return (
    <Form method="post" action={actionOf(publicId)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="cocreatorId" value={id} />
      <button type="submit" className={primary ? primaryButtonClass : secondaryButtonClass}>
        {label}
      </button>
    </Form>
  );
}

/** Medskapere: who co-creates, requests and invitations to answer, and the forms to ask or invite. */
export function CocreatorsSection({ idea }: { idea: IdeaPageData }) {
  const { t } = useTranslation("cocreation");
  const [search] = useSearchParams();
  const notice = search.get("medskaper");
  const accepted = idea.cocreators.filter((c) => c.status === "accepted");
  const mine = idea.cocreators.find((c) => c.isMe);
  const toAnswer = idea.isMine ? idea.cocreators.filter((c) => c.status === "pending" && c.kind === "request") : [];
  const invited = idea.isMine ? idea.cocreators.filter((c) => c.status === "pending" && c.kind === "invitation") : [];
  const noticeKey = notice && ["bedt", "invitert", "godtatt", "avslatt", "fjernet"].includes(notice) ? `cocreators.notice.${notice}` : null;
  return (
    <section id="cocreators" aria-labelledby="cocreators-heading" className="mt-8">
      <h2 id="cocreators-heading" className="text-2xl font-bold">
        {t("cocreators.heading")}
      </h2>
      <div role="status" aria-live="polite">
        {noticeKey ? (
          <p className="mt-2 rounded-md border-l-4 border-green-800 bg-green-50 p-3 font-medium text-green-900" data-testid="cocreator-notice">
            {t(noticeKey)}
          </p>
        ) : null}
      </div>
      <p className="mt-2">{t("cocreators.intro")}</p>
      {accepted.length === 0 ? (
        <p className="mt-2">{t("cocreators.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="cocreator-list">
          {accepted.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <span>
                <span className="font-semibold">{c.name}</span>, {c.organisationName}
              </span>
              {idea.isMine || c.isMe ? (
                <AnswerButton publicId={idea.publicId} id={c.id} intent="remove" label={c.isMe ? t("cocreators.leave") : t("cocreators.removeLabel", { name: c.name })} />
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {toAnswer.length > 0 ? (
        <>
          <h3 className="mt-4 text-lg font-semibold">{t("cocreators.requestsHeading")}</h3>
          <ul className="mt-1 space-y-3" data-testid="cocreator-requests">
            {toAnswer.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 p-3">
                <p>
                  <span className="font-semibold">{c.name}</span>, {c.organisationName}
                </p>
                {c.message ? <p className="mt-1 whitespace-pre-line break-words">{c.message}</p> : null}
                <div className="mt-2 flex flex-wrap gap-2">
                  <AnswerButton publicId={idea.publicId} id={c.id} intent="accept" label={t("cocreators.acceptLabel", { name: c.name })} primary />
                  <AnswerButton publicId={idea.publicId} id={c.id} intent="decline" label={t("cocreators.declineLabel", { name: c.name })} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {invited.length > 0 ? (
        <>
          <h3 className="mt-4 text-lg font-semibold">{t("cocreators.invitedHeading")}</h3>
          <ul className="mt-1 space-y-2">
            {invited.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3">
                <span>
                  <span className="font-semibold">{c.name}</span>, {c.organisationName}
                </span>
                <AnswerButton publicId={idea.publicId} id={c.id} intent="remove" label={t("cocreators.cancelInvitationLabel", { name: c.name })} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {mine && mine.status === "pending" && mine.kind === "invitation" ? (
        <div className="mt-4 rounded-md border border-slate-300 p-3">
          <p className="font-semibold">{t("cocreators.invitedYou")}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <AnswerButton publicId={idea.publicId} id={mine.id} intent="accept" label={t("cocreators.acceptInvitation")} primary />
            <AnswerButton publicId={idea.publicId} id={mine.id} intent="decline" label={t("cocreators.declineInvitation")} />
          </div>
        </div>
      ) : mine && mine.status === "pending" ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <p>{t("cocreators.requestPending")}</p>
          <AnswerButton publicId={idea.publicId} id={mine.id} intent="remove" label={t("cocreators.withdrawRequest")} />
        </div>
      ) : mine && mine.status === "declined" ? (
        <p className="mt-4">{t("cocreators.declined")}</p>
      ) : null}
      {mine?.status === "accepted" ? <p className="mt-4">{idea.canEdit ? t("cocreators.youCanEdit") : t("cocreators.youAreCocreator")}</p> : null}

      {idea.canAskToCocreate ? (
        <div className="mt-4">
          <CocreatorRequestForm publicId={idea.publicId} />
        </div>
      ) : null}
      {idea.canInvite ? (
        <div className="mt-4">
          <CocreatorInviteForm publicId={idea.publicId} />
        </div>
      ) : null}
    </section>
  );
}
