import { getCollectionProps, getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { IdeaPageHeading } from "~/components/idea/idea-page-heading";
import { pageTitle } from "~/components/page-title";
import { RichTextField } from "~/components/rich-text-editor/rich-text-field";
import type { Locale } from "~/db/schema";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { describeIdeaRouting } from "~/modules/ideas/describe-idea-routing.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { IdeaEditSchema, type IdeaEditInput } from "~/modules/ideas/idea-edit-schema";
import { BENEFICIARIES, BENEFIT_CATEGORIES, EDITABLE_STATUSES, IDEA_VISIBILITIES, NEED_CONTEXTS } from "~/modules/ideas/idea-vocabulary";
import { updateIdea } from "~/modules/ideas/update-idea.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { privacyFindingMessageKey } from "~/modules/privacy/privacy-message-keys";
import type { PrivacyFinding } from "~/modules/privacy/check-privacy";
import { readRichTextFromForm } from "~/modules/rich-text/read-rich-text-from-form.server";
import { parseRichTextState, type RichTextState } from "~/modules/rich-text/rich-text-schema";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const PROPOSAL_MIN = 10;

/** Only the submitter's own idea or one they co-create; anyone else gets the same 404 as for an idea that does not exist. */
async function loadOwnIdea(user: CurrentUser, publicId: string | undefined) {
  const idea = await getIdea({ user, publicId: publicId ?? "" });
  if (!idea || !(idea.isMine || idea.isCocreator)) throw new Response(null, { status: 404 });
  return idea;
}

const nameIn = (locale: Locale, row: { name_nb: string; name_nn: string; name_en: string }) =>
  locale === "nn" ? row.name_nn : locale === "en" ? row.name_en : row.name_nb;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const routing = await describeIdeaRouting({ user, ideaId: idea.id, locale });
  const proposal = parseRichTextState(idea.proposalJson);
  return {
    title: t("edit.title", { ns: "my-ideas" }),
    editable: (EDITABLE_STATUSES as readonly string[]).includes(idea.status),
    // Visibility and the name setting are the submitter's; a co-creator does not get those fields.
    isSubmitter: idea.isMine,
    idea: {
      publicId: idea.publicId,
      title: idea.title,
      status: idea.status,
      problem: idea.problem,
      proposal: proposal.ok ? proposal.state : null,
      stopDoing: idea.stopDoing ?? "",
      beneficiaries: idea.beneficiaries,
      needContexts: idea.needContexts,
      expectedBenefits: idea.expectedBenefits,
      visibility: idea.visibility,
      hideName: idea.hideName,
      themeName: nameIn(locale, idea.theme),
      serviceAreaNames: idea.serviceAreas.map((a) => nameIn(locale, a)),
      networkName: routing?.networkName ?? idea.network.name,
    },
  };
}

type Finding = Pick<PrivacyFinding, "field" | "kind" | "masked">;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const formData = await request.formData();
  if (!idea.isMine) {
    // A co-creator's form has no visibility or name fields; updateIdea keeps the submitter's settings.
    formData.set("visibility", idea.visibility);
    formData.delete("hideName");
  }
  const submission = parseWithZod(formData, { schema: IdeaEditSchema });
  const proposal = readRichTextFromForm(formData, "proposal");
  // What the proposal field shows again if the form comes back with errors.
  const proposalValue: RichTextState | string = proposal.ok && proposal.source === "editor" ? proposal.state : String(formData.get("proposalText") ?? "");
  const proposalErrors = !proposal.ok
    ? [`editor:errors.${proposal.code}`]
    : proposal.plainText.trim().length < PROPOSAL_MIN
      ? ["edit.errors.proposalTooShort"]
      : null;
  if (submission.status !== "success" || !proposal.ok || proposalErrors) {
    return { result: submission.reply(proposalErrors ? { fieldErrors: { proposal: proposalErrors } } : undefined), proposalValue, findings: [] as Finding[] };
  }
  try {
    await updateIdea({ user, ideaId: idea.id, edit: submission.value, proposal: proposal.state });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reply = (key: string, findings: Finding[] = []) => ({ result: submission.reply({ formErrors: [key] }), proposalValue, findings });
    switch (error.code) {
      case "privacy_blocked": {
        const findings = ((error.details.findings ?? []) as PrivacyFinding[]).map(({ field, kind, masked }) => ({ field, kind, masked }));
        return reply("edit.errors.privacyBlocked", findings);
      }
      case "idea_not_editable":
        return reply("edit.errors.notEditable");
      case "proposal_too_short":
        return { result: submission.reply({ fieldErrors: { proposal: ["edit.errors.proposalTooShort"] } }), proposalValue, findings: [] };
      case "idea_not_found":
        throw new Response(null, { status: 404 });
      default:
        throw error;
    }
  }
  throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}?endret=1`);
}

function CheckboxGroup({
  field,
  options,
  legend,
  labelOf,
  hint,
}: {
  field: FieldMetadata<string[]>;
  options: readonly string[];
  legend: string;
  labelOf: (value: string) => string;
  hint?: string;
}) {
  const hintId = `${field.id}-hint`;
  return (
    <fieldset aria-describedby={describedBy(hint && hintId, field.errors && field.errorId)}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {getCollectionProps(field, { type: "checkbox", options: [...options] }).map((props) => {
          const { key, ...inputProps } = props;
          return (
            <div key={key} className="flex items-start gap-2">
              <input {...inputProps} aria-describedby={undefined} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
              <label htmlFor={inputProps.id}>{labelOf(inputProps.value)}</label>
            </div>
          );
        })}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export default function EditIdeaPage() {
  const { idea, editable, isSubmitter } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("my-ideas");
  const [form, fields] = useForm<IdeaEditInput>({
    id: "edit-idea",
    lastResult: actionData?.result,
    defaultValue: {
      title: idea.title,
      problem: idea.problem,
      stopDoing: idea.stopDoing,
      beneficiaries: idea.beneficiaries,
      needContexts: idea.needContexts,
      expectedBenefits: idea.expectedBenefits,
      visibility: idea.visibility,
      hideName: idea.hideName,
    },
    constraint: getZodConstraint(IdeaEditSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IdeaEditSchema }),
  });
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  const proposalErrors = (form.allErrors.proposal ?? []) as string[];
  const proposalErrorId = "edit-idea-proposal-error";
  const proposalHintId = "edit-idea-proposal-hint";
  const findings = actionData?.findings ?? [];

  if (!editable) {
    return (
      <div className="max-w-2xl">
        <IdeaPageHeading heading={t("edit.title")} publicId={idea.publicId} title={idea.title} status={idea.status} />
        <p className="mt-6 text-lg">{t("edit.notEditableExplanation")}</p>
        <p className="mt-4">
          <Link to={ideaPath}>{t("edit.backToIdea")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-2xl">
      <IdeaPageHeading heading={t("edit.title")} publicId={idea.publicId} title={idea.title} />
      <p className="mt-2">{t("edit.intro")}</p>

      <Form method="post" className="mt-6 space-y-6" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors}>
          {findings.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {findings.map((finding, index) => (
                <li key={index}>
                  {t(privacyFindingMessageKey(finding.kind), { ns: "privacy" })}{" "}
                  ({t("foundIn", { ns: "privacy", masked: finding.masked, field: t(`edit.fields.${finding.field}`) })})
                </li>
              ))}
            </ul>
          ) : null}
        </FormErrors>

        <div>
          <label htmlFor={fields.title.id} className="block font-semibold">
            {t("edit.fields.title")}
          </label>
          <input
            {...getInputProps(fields.title, { type: "text" })}
            aria-describedby={describedBy(fields.title.errors && fields.title.errorId)}
            className={inputClass}
          />
          <FieldErrors id={fields.title.errorId} errors={fields.title.errors} />
        </div>

        <div>
          <label htmlFor={fields.problem.id} className="block font-semibold">
            {t("edit.fields.problem")}
          </label>
          <p id={`${fields.problem.id}-hint`} className="text-sm text-slate-700">
            {t("edit.problemHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.problem)}
            rows={5}
            aria-describedby={describedBy(`${fields.problem.id}-hint`, fields.problem.errors && fields.problem.errorId)}
            className={inputClass}
          />
          <FieldErrors id={fields.problem.errorId} errors={fields.problem.errors} />
        </div>

        <div>
          <span id="edit-idea-proposal-label" className="block font-semibold">
            {t("edit.fields.proposal")}
          </span>
          <p id={proposalHintId} className="text-sm text-slate-700">
            {t("edit.proposalHint")}
          </p>
          <div className="mt-1">
            <RichTextField
              name="proposal"
              id="edit-idea-proposal"
              labelId="edit-idea-proposal-label"
              describedBy={describedBy(proposalHintId, proposalErrors.length > 0 && proposalErrorId)}
              invalid={proposalErrors.length > 0}
              required
              defaultValue={actionData?.proposalValue ?? idea.proposal}
            />
          </div>
          <FieldErrors id={proposalErrorId} errors={proposalErrors} />
        </div>

        <div>
          <label htmlFor={fields.stopDoing.id} className="block font-semibold">
            {t("edit.fields.stopDoing")}
          </label>
          <p id={`${fields.stopDoing.id}-hint`} className="text-sm text-slate-700">
            {t("edit.stopDoingHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.stopDoing)}
            rows={3}
            aria-describedby={describedBy(`${fields.stopDoing.id}-hint`, fields.stopDoing.errors && fields.stopDoing.errorId)}
            className={inputClass}
          />
          <FieldErrors id={fields.stopDoing.errorId} errors={fields.stopDoing.errors} />
        </div>

        <CheckboxGroup
          field={fields.beneficiaries}
          options={BENEFICIARIES}
          legend={t("edit.fields.beneficiaries")}
          labelOf={(v) => t(`beneficiaries.${v}`, { ns: "ideas" })}
        />
        <CheckboxGroup
          field={fields.needContexts}
          options={NEED_CONTEXTS}
          legend={t("edit.fields.needContexts")}
          labelOf={(v) => t(`needContexts.${v}`, { ns: "ideas" })}
          hint={t("edit.optional")}
        />
        <CheckboxGroup
          field={fields.expectedBenefits}
          options={BENEFIT_CATEGORIES}
          legend={t("edit.fields.expectedBenefits")}
          labelOf={(v) => t(`benefits.${v}`, { ns: "ideas" })}
          hint={t("edit.optional")}
        />

        {isSubmitter ? (
          <>
            <fieldset aria-describedby={describedBy(fields.visibility.errors && fields.visibility.errorId)}>
              <legend className="font-semibold">{t("edit.fields.visibility")}</legend>
              <div className="mt-2 space-y-2">
                {getCollectionProps(fields.visibility, { type: "radio", options: [...IDEA_VISIBILITIES] }).map((props) => {
                  const { key, ...inputProps } = props;
                  return (
                    <div key={key} className="flex items-start gap-2">
                      <input {...inputProps} aria-describedby={undefined} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
                      <label htmlFor={inputProps.id}>{t(`visibility.${inputProps.value}`, { ns: "ideas" })}</label>
                    </div>
                  );
                })}
              </div>
              <FieldErrors id={fields.visibility.errorId} errors={fields.visibility.errors} />
            </fieldset>

            <div>
              <div className="flex items-start gap-2">
                <input
                  {...getInputProps(fields.hideName, { type: "checkbox" })}
                  aria-describedby={`${fields.hideName.id}-hint`}
                  className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={fields.hideName.id} className="font-semibold">
                  {t("edit.fields.hideName")}
                </label>
              </div>
              <p id={`${fields.hideName.id}-hint`} className="ml-7 text-sm text-slate-700">
                {t("edit.hideNameHint")}
              </p>
            </div>
          </>
        ) : (
          <p className="rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="submitter-only-settings">
            <input type="hidden" name={fields.visibility.name} value={idea.visibility} />
            {t("edit.submitterOnlySettings")}
          </p>
        )}

        <section aria-labelledby="routing-readonly-heading" className="rounded-lg border border-slate-300 bg-slate-50 p-4">
          <h2 id="routing-readonly-heading" className="text-lg font-bold">
            {t("edit.readOnlyHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("edit.readOnlyExplanation")}</p>
          <dl className="mt-3 space-y-1">
            <div>
              <dt className="inline font-semibold">{t("page.theme")}:</dt> <dd className="inline">{idea.themeName}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">{t("page.serviceAreas")}:</dt> <dd className="inline">{idea.serviceAreaNames.join(", ")}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">{t("list.network")}</dt> <dd className="inline">{idea.networkName}</dd>
            </div>
          </dl>
        </section>

        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButtonClass}>
            {t("edit.save")}
          </button>
          <Link to={ideaPath}>{t("edit.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
