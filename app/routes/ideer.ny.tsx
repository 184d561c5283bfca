import crypto from "node:crypto";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { IdeaForm, type IdeaFormActionData } from "~/components/idea-form/idea-form";
import { appErrorToMessages, mergeFieldErrors, privacyFindingErrors, richTextErrorMessage, type FieldErrors } from "~/components/idea-form/idea-form-errors";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { draftValuesFromForm, getIdeaDraft, isDraftTooLarge, saveIdeaDraft, type DraftValues } from "~/modules/ideas/idea-drafts.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { MAX_ATTACHMENT_BYTES } from "~/modules/ideas/idea-vocabulary";
import { loadIdeaFormOptions } from "~/modules/ideas/load-idea-form-options.server";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { readFormWithAttachments, type ParsedAttachmentForm } from "~/modules/ideas/read-form-with-attachments.server";
import { kickOutbox } from "~/modules/notifications/outbox-loop.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { checkPrivacy } from "~/modules/privacy/check-privacy";
import { readRichTextFromForm } from "~/modules/rich-text/read-rich-text-from-form.server";
import { limitIdeaSubmission } from "~/modules/security/shared-rate-limiter.server";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const asUuid = (value: FormDataEntryValue | string | null | undefined) => (typeof value === "string" && uuid.test(value) ? value : undefined);

type NameColumns = { name_nb: string; name_nn: string; name_en: string };
const nameIn = (locale: string, row: NameColumns) => (locale === "nn" ? row.name_nn : locale === "en" ? row.name_en : row.name_nb);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const options = await loadIdeaFormOptions({ user });
  const draftParam = new URL(request.url).searchParams.get("kladd");
  let draft: { id: string; values: DraftValues; idempotencyKey: string } | null = null;
  let draftNotFound = false;
  if (draftParam) {
    const draftId = asUuid(draftParam);
    draft = draftId ? await getIdeaDraft({ user, draftId }).catch(() => null) : null;
    draftNotFound = draft === null;
  }
  return {
    title: t("form.metaTitle", { ns: "idea-form" }),
    userId: user.id,
    locale,
    organisationName: options.organisationName,
    avvikUrl: options.avvikUrl,
    workEmailDomains: options.workEmailDomains,
    themes: options.themes.map((theme) => ({ id: theme.id, name: nameIn(locale, theme) })),
    serviceAreas: options.serviceAreas.map((area) => ({ id: area.id, name: nameIn(locale, area) })),
    // A resumed draft brings its own key, so submitting it twice is still one idea.
    idempotencyKey: draft?.idempotencyKey ?? crypto.randomUUID(),
    draftId: draft?.id ?? null,
    draftValues: draft?.values ?? null,
    draftNotFound,
  };
}

// Autosave and the similar-ideas lookup must not reload the form's data (it holds the idempotency key).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction && formAction !== "/ideer/ny" ? false : defaultShouldRevalidate;


function hasFiles(parsed: ParsedAttachmentForm) {
  return parsed.files.length > 0 || parsed.oversizedFiles.length > 0;
}

async function saveDraftQuietly(user: CurrentUser, formData: FormData): Promise<string | null> {
  try {
    return await saveIdeaDraft({ user, draftId: asUuid(formData.get("draftId")), values: draftValuesFromForm(formData) });
  } catch (error) {
    console.error("[ideer.ny] could not save the draft either", error);
    return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let parsed: ParsedAttachmentForm;
  try {
    parsed = await readFormWithAttachments(request);
  } catch (error) {
    console.error("[ideer.ny] could not read the form", error);
    return data<IdeaFormActionData>({ result: { status: "error", error: { "": ["form.errors.requestTooLarge"] } } }, { status: 413 });
  }
  const { formData } = parsed;
  const draftId = asUuid(formData.get("draftId"));

  if (formData.get("intent") === "save-draft") {
    if (isDraftTooLarge(draftValuesFromForm(formData))) {
      const submission = parseWithZod(formData, { schema: IdeaFormSchema });
      return data<IdeaFormActionData>(
        { result: submission.reply({ formErrors: ["form.errors.draftTooLarge"] }), proposal: proposalToReturn(formData) },
        { status: 413 },
      );
    }
    const saved = await saveDraftQuietly(user, formData);
    if (saved) throw redirect("/mine-forslag?kladd=lagret");
    const submission = parseWithZod(formData, { schema: IdeaFormSchema });
    return data<IdeaFormActionData>(
      { result: submission.reply({ formErrors: ["form.errors.draftFailed"] }), proposal: proposalToReturn(formData) },
      { status: 503 },
    );
  }

  const submission = parseWithZod(formData, { schema: IdeaFormSchema });
  const proposal = readRichTextFromForm(formData, "proposal");
  const extra: FieldErrors = {};
  if (!proposal.ok) extra.proposal = [richTextErrorMessage(proposal.code)];
  else if (proposal.plainText.trim() === "") extra.proposal = ["form.errors.proposalRequired"];
  else if (proposal.plainText.trim().length < 10) extra.proposal = ["form.errors.proposalTooShort"];
  if (parsed.oversizedFiles.length > 0) {
    extra.attachments = parsed.oversizedFiles.map((fileName) => `form.errors.attachmentTooLarge|${JSON.stringify({ fileName, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}`);
  }
  // A national id number blocks submission whatever else is wrong, so say so in the same round.
  const textOf = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : "");
  const privacy = checkPrivacy({
    title: textOf("title"),
    problem: textOf("problem"),
    proposal: proposal.ok ? proposal.plainText : "",
    stopDoing: textOf("stopDoing"),
  });
  const privacyErrors = privacyFindingErrors(privacy.blocking);
  const formErrors: string[] = [];
  if (parsed.textTooLarge) formErrors.push("editor:errors.too_large");

  const fail = (status: number, fieldErrors: FieldErrors, moreFormErrors: string[] = [], override: Partial<IdeaFormActionData> = {}) => {
    const allFormErrors = [...formErrors, ...moreFormErrors];
    if (hasFiles(parsed)) allFormErrors.push("form.errors.filesNotKept");
    const schemaErrors = submission.status === "success" ? undefined : (submission.error as FieldErrors | null | undefined);
    const staleKey = Boolean(schemaErrors?.idempotencyKey);
    if (staleKey) allFormErrors.unshift("form.errors.stale");
    const { idempotencyKey: _ignored, ...visibleErrors } = mergeFieldErrors(schemaErrors, fieldErrors);
    return data<IdeaFormActionData>(
      {
        result: submission.reply({ formErrors: allFormErrors, fieldErrors: visibleErrors }),
        proposal: proposalToReturn(formData),
        filesNotKept: hasFiles(parsed),
        idempotencyKey: staleKey ? crypto.randomUUID() : undefined,
        ...override,
      },
      { status },
    );
  };

  if (submission.status !== "success" || !proposal.ok || Object.keys(extra).length > 0 || privacy.blocking.length > 0 || formErrors.length > 0) {
    return fail(400, mergeFieldErrors(extra, privacyErrors));
  }

  const limit = await limitIdeaSubmission(user.id);
  if (limit.limited) {
    return fail(429, {}, [`form.errors.rateLimited|${JSON.stringify({ minutes: Math.ceil(limit.retryAfterSeconds / 60) })}`]);
  }

  try {
    const idea = await submitIdea({ user, input: submission.value, proposal: proposal.state, attachments: parsed.files });
    kickOutbox();
    throw redirect(`/ideer/${idea.publicId}/kvittering`);
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isAppError(error)) {
      const mapped = appErrorToMessages(error);
      if (mapped) return fail(error.code === "idea_unroutable" ? 422 : 400, mapped.fieldErrors, mapped.formErrors);
    }
    // Anything else (the database went away, a bug): nothing was committed. Keep the text as a draft.
    console.error("[ideer.ny] submitting the idea failed", error);
    const savedDraftId = await saveDraftQuietly(user, formData);
    return fail(503, {}, [savedDraftId ? "form.errors.submitFailedDraftSaved" : "form.errors.submitFailed"], {
      draftId: savedDraftId ?? draftId,
    });
  }
}

/** The proposal as the user wrote it: the editor's JSON when it is valid, else the plain text. */
function proposalToReturn(formData: FormData): IdeaFormActionData["proposal"] {
  const proposal = readRichTextFromForm(formData, "proposal");
  if (proposal.ok && proposal.source === "editor") return proposal.state;
  const text = formData.get("proposalText");
  return typeof text === "string" ? text.replace(/\r\n?/g, "\n") : proposal.ok ? proposal.plainText : "";
}

export default function NewIdeaPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <IdeaForm {...loaderData} actionData={actionData ?? null} />;
}
