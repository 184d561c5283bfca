import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { decodeMessage, encodeMessage } from "~/components/idea-form/form-messages";
import { appErrorToMessages } from "~/components/idea-form/idea-form-errors";
import { attachmentTypeKey, formatAttachmentSize } from "~/components/idea/idea-page-data.server";
import { IdeaPageHeading } from "~/components/idea/idea-page-heading";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { addIdeaAttachments } from "~/modules/ideas/add-idea-attachments.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/modules/ideas/idea-vocabulary";
import { listIdeaAttachments } from "~/modules/ideas/list-idea-attachments.server";
import { readFormWithAttachments } from "~/modules/ideas/read-form-with-attachments.server";
import { removeIdeaAttachment } from "~/modules/ideas/remove-idea-attachment.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** The submitter's own idea or one they co-create; anyone else gets the same 404 as for an idea that does not exist. */
async function loadOwnIdea(user: CurrentUser, publicId: string | undefined) {
  const idea = await getIdea({ user, publicId: publicId ?? "" });
  if (!idea || !(idea.isMine || idea.isCocreator)) throw new Response(null, { status: 404 });
  return idea;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const attachments = await listIdeaAttachments({ user, ideaId: idea.id });
  const done = new URL(request.url).searchParams;
  return {
    title: t("manageAttachments.title", { ns: "my-ideas" }),
    idea: { publicId: idea.publicId, title: idea.title, status: idea.status },
    editable: idea.status === "received",
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      typeKey: attachmentTypeKey(a.contentType),
      size: formatAttachmentSize(a.sizeBytes, locale),
      removable: a.removable,
    })),
    room: Math.max(0, MAX_ATTACHMENTS - attachments.length),
    added: Number(done.get("lagt-til")) || 0,
    removed: done.has("fjernet"),
  };
}

/** values: what was posted as text, given back like a Conform reply (a file input cannot be refilled). */
type ActionData = { messages: string[]; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const here = `/ideer/${encodeURIComponent(idea.publicId)}/vedlegg`;
  let parsed;
  try {
    parsed = await readFormWithAttachments(request);
  } catch {
    return data<ActionData>({ messages: ["form.errors.requestTooLarge"], values: {} }, { status: 413 });
  }
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of parsed.formData.entries()) if (typeof value === "string" && !(name in values)) values[name] = value;
  const fail = (status: number, messages: string[]) => data<ActionData>({ messages, values }, { status });
  const intent = parsed.formData.get("intent");
  try {
    if (intent === "remove") {
      const attachmentId = String(parsed.formData.get("attachmentId") ?? "");
      if (!uuid.test(attachmentId)) return fail(400, ["my-ideas:manageAttachments.errors.notFound"]);
      await removeIdeaAttachment({ user, ideaId: idea.id, attachmentId });
      throw redirect(`${here}?fjernet=1`, 303);
    }
    if (intent === "add") {
      if (parsed.oversizedFiles.length > 0) {
        return fail(
          413,
          parsed.oversizedFiles.map((fileName) => encodeMessage("form.errors.attachmentTooLarge", { fileName, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })),
        );
      }
      const { added } = await addIdeaAttachments({ user, ideaId: idea.id, files: parsed.files });
      throw redirect(`${here}?lagt-til=${added}`, 303);
    }
    return fail(400, ["my-ideas:manageAttachments.errors.unknownIntent"]);
  } catch (error) {
    if (!isAppError(error)) throw error;
    switch (error.code) {
      case "idea_not_found":
        throw new Response(null, { status: 404 });
      case "idea_not_editable":
        return fail(409, ["my-ideas:manageAttachments.errors.notEditable"]);
      case "attachment_not_found":
        return fail(404, ["my-ideas:manageAttachments.errors.notFound"]);
      case "attachment_none":
        return fail(400, ["my-ideas:manageAttachments.errors.noFile"]);
      case "attachment_too_many":
        return fail(400, [encodeMessage("my-ideas:manageAttachments.errors.tooMany", { max: MAX_ATTACHMENTS, room: Number(error.details.room ?? 0) })]);
      default: {
        const mapped = appErrorToMessages(error);
        if (!mapped) throw error;
        return fail(400, [...mapped.formErrors, ...Object.values(mapped.fieldErrors).flat()]);
      }
    }
  }
}

export default function ManageAttachmentsPage() {
  const { idea, editable, attachments, room, added, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["my-ideas", "idea-form"]);
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  const message = (encoded: string) => {
    const { key, values } = decodeMessage(encoded);
    return t(key, { ns: key.includes(":") ? undefined : "idea-form", ...values });
  };
  const errors = actionData?.messages ?? [];
  const accept = ATTACHMENT_TYPES.join(",");

  return (
    <div className="max-w-2xl">
      <IdeaPageHeading heading={t("manageAttachments.title")} publicId={idea.publicId} title={idea.title} status={idea.status} />

      {errors.length > 0 ? (
        <div role="alert" id="attachments-errors" className="mt-6 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{t("manageAttachments.errors.heading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((e) => (
              <li key={e}>{message(e)}</li>
            ))}
          </ul>
        </div>
      ) : added > 0 || removed ? (
        <p role="status" className="mt-6 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">
          {added > 0 ? t("manageAttachments.added", { count: added }) : t("manageAttachments.removed")}
        </p>
      ) : null}

      <section aria-labelledby="current-attachments" className="mt-8">
        <h2 id="current-attachments" className="text-2xl font-bold">
          {t("manageAttachments.current")}
        </h2>
        {attachments.length === 0 ? (
          <p className="mt-2">{t("attachments.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3">
                <a href={`${ideaPath}/vedlegg/${a.id}`} download={a.fileName} className="font-semibold break-all">
                  {a.fileName}
                </a>
                <span className="text-slate-700">
                  ({t(`attachments.type.${a.typeKey}`)}, {a.size})
                </span>
                {editable && a.removable ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <button type="submit" className={secondaryButtonClass} aria-label={t("manageAttachments.removeLabel", { fileName: a.fileName })}>
                      {t("manageAttachments.remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {editable ? (
        <section aria-labelledby="add-attachments" className="mt-8">
          <h2 id="add-attachments" className="text-2xl font-bold">
            {t("manageAttachments.addHeading")}
          </h2>
          {room === 0 ? (
            <p className="mt-2">{t("manageAttachments.full", { max: MAX_ATTACHMENTS })}</p>
          ) : (
            <Form method="post" encType="multipart/form-data" className="mt-3 space-y-4">
              <input type="hidden" name="intent" value="add" />
              <div>
                <label htmlFor="attachments" className="block font-semibold">
                  {t("manageAttachments.fileLabel")}
                </label>
                <p id="attachments-hint" className="text-sm text-slate-700">
                  {t("manageAttachments.fileHint", { room, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
                </p>
                <input
                  id="attachments"
                  name="attachments"
                  type="file"
                  multiple
                  accept={accept}
                  aria-describedby={errors.length > 0 ? "attachments-hint attachments-errors" : "attachments-hint"}
                  className="mt-2 block w-full"
                />
              </div>
              <button type="submit" className={primaryButtonClass}>
                {t("manageAttachments.upload")}
              </button>
            </Form>
          )}
        </section>
      ) : (
        <p className="mt-8 text-lg">{t("manageAttachments.notEditableExplanation")}</p>
      )}

      <p className="mt-8">
        <Link to={ideaPath}>{t("manageAttachments.backToIdea")}</Link>
      </p>
    </div>
  );
}
