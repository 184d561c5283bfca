import { getCollectionProps, getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { RichTextField } from "~/components/rich-text-editor/rich-text-field";
import { inputClass, linkClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { SimilarIdea } from "~/modules/ideas/find-similar-ideas.server";
import {
  ATTACHMENT_TYPES,
  BENEFICIARIES,
  BENEFIT_CATEGORIES,
  IDEA_VISIBILITIES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  NEED_CONTEXTS,
} from "~/modules/ideas/idea-vocabulary";
import { parseRichTextState, type RichTextState } from "~/modules/rich-text/rich-text-schema";
import { useFormMessage } from "./form-messages";
import {
  choiceClass,
  choiceInputClass,
  describedBy,
  ErrorSummary,
  FieldErrorText,
  Hint,
  hintClass,
  labelClass,
  PrivacyFindings,
  RequiredMark,
  type ErrorSummaryItem,
} from "./form-parts";
import { SimilarIdeasList, supportIntent } from "./similar-ideas-list";
import { clearLocalBackup, readLocalBackup, useAutosave, useLivePrivacyCheck, useSimilarIdeas, type LocalBackup } from "./use-idea-form-live";

export type IdeaFormActionData = {
  result: SubmissionResult<string[]>;
  /** The proposal as posted: the editor's state, or the textarea's text. */
  proposal?: RichTextState | string;
  /** Files were posted but the form came back: the browser cannot refill a file input. */
  filesNotKept?: boolean;
  /** A fresh key when the posted one was missing or malformed. */
  idempotencyKey?: string;
  /** The draft the text was kept in when submitting failed. */
  draftId?: string | null;
};

type Option = { id: string; name: string };

export type IdeaFormProps = {
  userId: string;
  locale: string;
  organisationName: string;
  avvikUrl: string | null;
  workEmailDomains: string[];
  themes: Option[];
  serviceAreas: Option[];
  idempotencyKey: string;
  draftId: string | null;
  draftValues: Record<string, string | string[]> | null;
  draftNotFound: boolean;
  actionData: IdeaFormActionData | null;
};

const FORM_ID = "idea-form";
const PROPOSAL_ID = `${FORM_ID}-proposal`;
const PROPOSAL_LABEL_ID = `${FORM_ID}-proposal-label`;
const ATTACHMENTS_ID = `${FORM_ID}-attachments`;
const LIVE_FIELDS = ["title", "problem", "stopDoing"] as const;
const intlLocale: Record<string, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

function proposalFromDraft(values: Record<string, string | string[]> | null): RichTextState | string | null {
  if (!values) return null;
  const json = values.proposal;
  if (typeof json === "string" && json.trim() !== "") {
    const parsed = parseRichTextState(json);
    if (parsed.ok) return parsed.state;
  }
  return typeof values.proposalText === "string" ? values.proposalText : null;
}

/** Conform's `key` must not be spread into JSX (React warns); these inputs never need remounting. */
function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}

function formatTime(date: Date, locale: string) {
  return new Intl.DateTimeFormat(intlLocale[locale] ?? "nb-NO", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" }).format(date);
}

export function IdeaForm(props: IdeaFormProps) {
  const { t } = useTranslation("idea-form");
  const message = useFormMessage();
  const { actionData, locale, userId } = props;
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction === "/ideer/ny";

  const [form, fields] = useForm({
    id: FORM_ID,
    lastResult: actionData?.result,
    defaultValue: props.draftValues ?? { visibility: "partners" },
  });

  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(props.idempotencyKey);
  const [proposalDefault, setProposalDefault] = useState(() => actionData?.proposal ?? proposalFromDraft(props.draftValues));
  const [proposalKey, setProposalKey] = useState(0);
  const proposalText = useRef(typeof proposalDefault === "string" ? proposalDefault : "");
  const [hydrated, setHydrated] = useState(false);
  const [backup, setBackup] = useState<LocalBackup | null>(null);
  const [restoredNotice, setRestoredNotice] = useState(false);

  const autosave = useAutosave({ formRef, userId, initialDraftId: actionData?.draftId ?? props.draftId });
  const { privacy, checkPrivacyLater } = useLivePrivacyCheck(props.workEmailDomains);
  const { similarIdeas, setSimilarIdeas, searchSimilar } = useSimilarIdeas();

  useEffect(() => {
    setHydrated(true);
    const found = readLocalBackup(userId);
    // A resumed draft or a form sent back by the server already holds the text.
    if (found && !props.draftValues && !actionData) setBackup(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!actionData) return;
    if (actionData.idempotencyKey) setIdempotencyKey(actionData.idempotencyKey);
    if (actionData.draftId) autosave.setDraftId(actionData.draftId);
    if (actionData.result.status === "error") summaryRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionData]);

  const liveTexts = useCallback(() => {
    const element = formRef.current;
    const value = (name: string) => {
      const control = element?.elements.namedItem(name);
      return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : "";
    };
    return { title: value("title"), problem: value("problem"), stopDoing: value("stopDoing"), proposal: proposalText.current };
  }, []);

  const onChange = useCallback(() => {
    autosave.changed();
    const texts = liveTexts();
    checkPrivacyLater(texts);
    searchSimilar(texts.title, texts.problem);
  }, [autosave, liveTexts, checkPrivacyLater, searchSimilar]);

  const onProposalText = useCallback(
    (text: string) => {
      proposalText.current = text;
      checkPrivacyLater(liveTexts());
    },
    [checkPrivacyLater, liveTexts],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.value === "submit") {
      autosave.stop();
    }
    getFormProps(form).onSubmit(event);
  };

  const restoreBackup = () => {
    const element = formRef.current;
    if (!element || !backup) return;
    const values = new Map<string, string[]>();
    for (const [name, value] of backup.entries) values.set(name, [...(values.get(name) ?? []), value]);
    for (const control of Array.from(element.elements)) {
      if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) continue;
      if (!control.name || control.type === "hidden" || control.type === "file") continue;
      const posted = values.get(control.name) ?? [];
      if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
        control.checked = posted.includes(control.value);
      } else {
        control.value = posted[0] ?? "";
      }
    }
    const proposal = proposalFromDraft(Object.fromEntries([...values].map(([name, list]) => [name, list[0] ?? ""])));
    setProposalDefault(proposal);
    proposalText.current = typeof proposal === "string" ? proposal : "";
    setProposalKey((key) => key + 1);
    const backedUpDraftId = values.get("draftId")?.[0];
    if (backedUpDraftId) autosave.setDraftId(backedUpDraftId);
    setBackup(null);
    setRestoredNotice(true);
    autosave.changed();
  };

  const discardBackup = () => {
    clearLocalBackup(userId);
    setBackup(null);
  };

  const similarRedirect = autosave.draftId ? `/ideer/ny?kladd=${autosave.draftId}` : "/ideer/ny";
  const supportSimilar = async (idea: SimilarIdea) => {
    const action = `/ideer/${encodeURIComponent(idea.publicId)}/stott`;
    const fields = { intent: supportIntent(idea), redirectTo: similarRedirect };
    await autosave.flush();
    try {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      const response = await fetch(action, { method: "POST", body, redirect: "manual" });
      if (response.type !== "opaqueredirect" && !response.ok) throw new Error(String(response.status));
      setSimilarIdeas((ideas) =>
        ideas.map((other) =>
          other.id === idea.id
            ? { ...other, supportedByMe: !other.supportedByMe, supportCount: other.supportCount + (other.supportedByMe ? -1 : 1) }
            : other,
        ),
      );
    } catch {
      // The quiet way failed: post it the ordinary way, and the server brings the user back to the draft.
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    }
  };

  const fieldLabels: Record<string, string> = {
    title: t("form.fields.title.label"),
    problem: t("form.fields.problem.label"),
    proposal: t("form.fields.proposal.label"),
    beneficiaries: t("form.fields.beneficiaries.legend"),
    serviceAreaIds: t("form.fields.serviceAreas.legend"),
    themeId: t("form.fields.theme.legend"),
    needContexts: t("form.fields.needContexts.legend"),
    expectedBenefits: t("form.fields.expectedBenefits.legend"),
    stopDoing: t("form.fields.stopDoing.label"),
    attachments: t("form.fields.attachments.label"),
    visibility: t("form.fields.visibility.legend"),
    onBehalfName: t("form.fields.onBehalf.name"),
    onBehalfEmail: t("form.fields.onBehalf.email"),
    privacyConfirmed: t("form.fields.privacy.legend"),
  };
  const firstOption = (list: readonly string[] | Option[]) => {
    const first = list[0];
    return typeof first === "string" ? first : first?.id;
  };
  const fieldTargets: Record<string, string> = {
    title: fields.title.id,
    problem: fields.problem.id,
    proposal: PROPOSAL_ID,
    beneficiaries: `${fields.beneficiaries.id}-${firstOption(BENEFICIARIES)}`,
    serviceAreaIds: `${fields.serviceAreaIds.id}-${firstOption(props.serviceAreas)}`,
    themeId: `${fields.themeId.id}-${firstOption(props.themes)}`,
    needContexts: `${fields.needContexts.id}-${firstOption(NEED_CONTEXTS)}`,
    expectedBenefits: `${fields.expectedBenefits.id}-${firstOption(BENEFIT_CATEGORIES)}`,
    stopDoing: fields.stopDoing.id,
    attachments: ATTACHMENTS_ID,
    visibility: `${fields.visibility.id}-${IDEA_VISIBILITIES[0]}`,
    onBehalfName: fields.onBehalfName.id,
    onBehalfEmail: fields.onBehalfEmail.id,
    privacyConfirmed: fields.privacyConfirmed.id,
  };

  const allErrors = (form.allErrors ?? {}) as Record<string, string[]>;
  const errorsOf = (name: string) => allErrors[name];
  const summaryItems: ErrorSummaryItem[] = useMemo(() => {
    const items: ErrorSummaryItem[] = (form.errors ?? [])
      .filter((error) => error !== "form.errors.filesNotKept" || !hydrated)
      .map((error) => ({ href: null, label: null, message: message(error) }));
    for (const name of Object.keys(fieldTargets)) {
      for (const error of errorsOf(name) ?? []) items.push({ href: `#${fieldTargets[name]}`, label: fieldLabels[name] ?? null, message: message(error) });
    }
    return items;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.errors, form.allErrors, hydrated, locale]);

  const onBehalfOpen = fields.onBehalf.initialValue === "on" || Boolean(errorsOf("onBehalfName") || errorsOf("onBehalfEmail"));
  const avvikId = `${FORM_ID}-avvik`;
  const privacyHintId = `${FORM_ID}-privacy-hint`;
  const errorIdOf = (name: string) => (errorsOf(name)?.length ? `${FORM_ID}-${name}-error` : null);
  const privacyIdOf = (name: string) => {
    const found = privacy[name];
    return found && (found.blocking.length > 0 || found.warnings.length > 0) ? `${FORM_ID}-${name}-privacy` : null;
  };
  const blockingCount = Object.values(privacy).reduce((sum, result) => sum + result.blocking.length, 0);
  const warningCount = Object.values(privacy).reduce((sum, result) => sum + result.warnings.length, 0);

  const textField = (name: (typeof LIVE_FIELDS)[number], options: { multiline?: boolean; required?: boolean; autoComplete?: string }) => {
    const meta = fields[name];
    const hintId = `${meta.id}-hint`;
    const labelKey = `form.fields.${name}.label`;
    const control = {
      "aria-describedby": describedBy(hintId, errorIdOf(name), privacyIdOf(name)),
      "aria-invalid": errorsOf(name)?.length ? true : undefined,
      className: inputClass,
    };
    return (
      <div>
        <label htmlFor={meta.id} className={labelClass}>
          {t(labelKey)}
          {options.required ? <RequiredMark /> : null}
        </label>
        <Hint id={hintId}>{t(`form.fields.${name}.hint`)}</Hint>
        {options.multiline ? (
          <textarea {...withoutKey(getTextareaProps(meta, { ariaAttributes: false }))} rows={4} {...control} />
        ) : (
          <input {...withoutKey(getInputProps(meta, { type: "text", ariaAttributes: false }))} autoComplete="off" {...control} />
        )}
        <FieldErrorText id={`${FORM_ID}-${name}-error`} errors={errorsOf(name)} />
        <PrivacyFindings id={`${FORM_ID}-${name}-privacy`} result={privacy[name]} />
      </div>
    );
  };

  const checkboxGroup = (name: "beneficiaries" | "needContexts" | "expectedBenefits" | "serviceAreaIds", choices: Option[], legendKey: string, required: boolean) => {
    const meta = fields[name];
    const hintId = `${meta.id}-hint`;
    return (
      <fieldset>
        <legend className={labelClass}>
          {t(`${legendKey}.legend`)}
          {required ? <RequiredMark /> : null}
        </legend>
        <Hint id={hintId}>{t(`${legendKey}.hint`)}</Hint>
        <div className="mt-1">
          {getCollectionProps(meta, { type: "checkbox", options: choices.map((c) => c.id), ariaAttributes: false }).map((props, index) => (
            <div key={props.key} className={choiceClass}>
              <input
                {...withoutKey(props)}
                className={choiceInputClass}
                aria-describedby={describedBy(hintId, errorIdOf(name))}
                aria-invalid={errorsOf(name)?.length ? true : undefined}
              />
              <label htmlFor={props.id}>{choices[index]?.name}</label>
            </div>
          ))}
        </div>
        <FieldErrorText id={`${FORM_ID}-${name}-error`} errors={errorsOf(name)} />
      </fieldset>
    );
  };

  const vocabulary = (values: readonly string[], group: string): Option[] => values.map((id) => ({ id, name: t(`${group}.${id}`, { ns: "ideas" }) }));
  const proposalHintId = `${PROPOSAL_ID}-hint`;
  const attachmentsHintId = `${ATTACHMENTS_ID}-hint`;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold text-gray-900">{t("form.title")}</h1>
      <p className="mt-2 text-gray-700">{t("form.intro")}</p>

      <div id={avvikId} className="mt-4 rounded-md border border-warn-800 bg-warn-50 p-3 text-warn-800">
        <p>{t("avvik.notice", { ns: "privacy" })}</p>
        {props.avvikUrl ? (
          <p className="mt-1">
            <a href={props.avvikUrl} className="font-semibold text-warn-800 underline" rel="noopener noreferrer">
              {t("avvik.link", { ns: "privacy" })}
            </a>
          </p>
        ) : (
          <p className="mt-1">{t("avvik.noLink", { ns: "privacy" })}</p>
        )}
      </div>

      {props.draftValues ? <p className="mt-4 rounded-md bg-brand-50 p-3 text-gray-900">{t("form.resumingDraft")}</p> : null}
      {props.draftNotFound ? <p className="mt-4 rounded-md bg-brand-50 p-3 text-gray-900">{t("form.draftNotFound")}</p> : null}
      {backup ? (
        <div className="mt-4 rounded-md border border-brand-700 bg-brand-50 p-3" data-testid="local-backup">
          <p className="text-gray-900">{t("autosave.localCopy", { time: formatTime(new Date(backup.savedAt), locale) })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={restoreBackup}>
              {t("autosave.restore")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={discardBackup}>
              {t("autosave.discard")}
            </button>
          </div>
        </div>
      ) : null}

      <Form
        ref={formRef}
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        onSubmit={onSubmit}
        onChange={onChange}
        onInput={onChange}
        onBlur={() => void autosave.flush()}
        className="mt-6 space-y-8"
      >
        <ErrorSummary items={summaryItems} summaryRef={summaryRef} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {autosave.draftId ? <input type="hidden" name="draftId" value={autosave.draftId} /> : null}

        <fieldset className="space-y-5">
          <legend className="text-xl font-bold text-gray-900">{t("form.sections.need")}</legend>
          {textField("title", { required: true })}
          {textField("problem", { required: true, multiline: true })}
        </fieldset>

        {hydrated ? (
          <div>
            <p role="status" className="sr-only">
              {similarIdeas.length > 0 ? t("similar.title") : ""}
            </p>
            <SimilarIdeasList
              ideas={similarIdeas}
              headingId={`${FORM_ID}-similar`}
              heading={t("similar.title")}
              intro={t("similar.intro")}
              redirectTo={similarRedirect}
              onSupport={(idea) => void supportSimilar(idea)}
            />
          </div>
        ) : null}

        <fieldset className="space-y-5">
          <legend className="text-xl font-bold text-gray-900">{t("form.sections.proposal")}</legend>
          <div>
            <label id={PROPOSAL_LABEL_ID} htmlFor={PROPOSAL_ID} className={labelClass}>
              {t("form.fields.proposal.label")}
              <RequiredMark />
            </label>
            <Hint id={proposalHintId}>{t("form.fields.proposal.hint")}</Hint>
            <div className="mt-1">
              <RichTextField
                key={proposalKey}
                name="proposal"
                id={PROPOSAL_ID}
                labelId={PROPOSAL_LABEL_ID}
                describedBy={describedBy(proposalHintId, errorIdOf("proposal"), privacyIdOf("proposal"))}
                invalid={Boolean(errorsOf("proposal")?.length)}
                required
                defaultValue={proposalDefault}
                headingTag="h3"
                onTextChange={onProposalText}
              />
            </div>
            <FieldErrorText id={`${FORM_ID}-proposal-error`} errors={errorsOf("proposal")} />
            <PrivacyFindings id={`${FORM_ID}-proposal-privacy`} result={privacy.proposal} />
          </div>
          {textField("stopDoing", { multiline: true })}
        </fieldset>

        <fieldset className="space-y-6">
          <legend className="text-xl font-bold text-gray-900">{t("form.sections.classification")}</legend>
          {checkboxGroup("beneficiaries", vocabulary(BENEFICIARIES, "beneficiaries"), "form.fields.beneficiaries", true)}
          {checkboxGroup("serviceAreaIds", props.serviceAreas, "form.fields.serviceAreas", true)}
          <fieldset>
            <legend className={labelClass}>
              {t("form.fields.theme.legend")}
              <RequiredMark />
            </legend>
            <Hint id={`${fields.themeId.id}-hint`}>{t("form.fields.theme.hint")}</Hint>
            <div className="mt-1">
              {getCollectionProps(fields.themeId, { type: "radio", options: props.themes.map((theme) => theme.id), ariaAttributes: false }).map(
                (radio, index) => (
                  <div key={radio.key} className={choiceClass}>
                    <input
                      {...withoutKey(radio)}
                      className={choiceInputClass}
                      aria-describedby={describedBy(`${fields.themeId.id}-hint`, errorIdOf("themeId"))}
                      aria-invalid={errorsOf("themeId")?.length ? true : undefined}
                    />
                    <label htmlFor={radio.id}>{props.themes[index]?.name}</label>
                  </div>
                ),
              )}
            </div>
            <FieldErrorText id={`${FORM_ID}-themeId-error`} errors={errorsOf("themeId")} />
          </fieldset>
          {checkboxGroup("needContexts", vocabulary(NEED_CONTEXTS, "needContexts"), "form.fields.needContexts", false)}
          {checkboxGroup("expectedBenefits", vocabulary(BENEFIT_CATEGORIES, "benefits"), "form.fields.expectedBenefits", false)}
          <div className={choiceClass}>
            <input
              {...withoutKey(getInputProps(fields.relevantForSeveral, { type: "checkbox", ariaAttributes: false }))}
              className={choiceInputClass}
              aria-describedby={`${fields.relevantForSeveral.id}-hint`}
            />
            <div>
              <label htmlFor={fields.relevantForSeveral.id} className="font-semibold text-gray-900">
                {t("form.fields.relevantForSeveral.label")}
              </label>
              <Hint id={`${fields.relevantForSeveral.id}-hint`}>{t("form.fields.relevantForSeveral.hint")}</Hint>
            </div>
          </div>
        </fieldset>

        <fieldset className="space-y-6">
          <legend className="text-xl font-bold text-gray-900">{t("form.sections.sharing")}</legend>
          <div>
            <label htmlFor={ATTACHMENTS_ID} className={labelClass}>
              {t("form.fields.attachments.label")}
            </label>
            <Hint id={attachmentsHintId}>{t("form.fields.attachments.hint", { max: MAX_ATTACHMENTS, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}</Hint>
            <input
              id={ATTACHMENTS_ID}
              name="attachments"
              type="file"
              multiple
              accept={ATTACHMENT_TYPES.join(",")}
              aria-describedby={describedBy(attachmentsHintId, errorIdOf("attachments"))}
              aria-invalid={errorsOf("attachments")?.length ? true : undefined}
              className="mt-2 block w-full text-base text-gray-900 file:mr-3 file:rounded-md file:border file:border-brand-700 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-brand-700"
            />
            <FieldErrorText id={`${FORM_ID}-attachments-error`} errors={errorsOf("attachments")} />
            {actionData?.filesNotKept && !hydrated ? <p className={hintClass}>{t("form.errors.filesNotKept")}</p> : null}
          </div>

          <fieldset>
            <legend className={labelClass}>{t("form.fields.visibility.legend")}</legend>
            <div className="mt-1">
              {getCollectionProps(fields.visibility, { type: "radio", options: [...IDEA_VISIBILITIES], ariaAttributes: false }).map((radio) => (
                <div key={radio.key} className={choiceClass}>
                  <input {...withoutKey(radio)} className={choiceInputClass} aria-describedby={`${radio.id}-hint`} />
                  <div>
                    <label htmlFor={radio.id} className="text-gray-900">
                      {t(`visibility.${radio.value}`, { ns: "ideas" })}
                    </label>
                    <Hint id={`${radio.id}-hint`}>
                      {radio.value === "partners"
                        ? t("form.fields.visibility.partnersHint")
                        : t("form.fields.visibility.organisationHint", { organisation: props.organisationName })}
                    </Hint>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>

          <div className={choiceClass}>
            <input
              {...withoutKey(getInputProps(fields.hideName, { type: "checkbox", ariaAttributes: false }))}
              className={choiceInputClass}
              aria-describedby={`${fields.hideName.id}-hint`}
            />
            <div>
              <label htmlFor={fields.hideName.id} className="font-semibold text-gray-900">
                {t("form.fields.hideName.label")}
              </label>
              <Hint id={`${fields.hideName.id}-hint`}>{t("form.fields.hideName.hint")}</Hint>
            </div>
          </div>

          <details open={onBehalfOpen || undefined} className="rounded-md border border-gray-300 p-3">
            <summary className="cursor-pointer font-semibold text-brand-700">{t("form.fields.onBehalf.summary")}</summary>
            <p className="mt-2 text-gray-700">{t("form.fields.onBehalf.intro")}</p>
            <div className={`${choiceClass} mt-2`}>
              <input {...withoutKey(getInputProps(fields.onBehalf, { type: "checkbox", ariaAttributes: false }))} className={choiceInputClass} />
              <label htmlFor={fields.onBehalf.id} className="text-gray-900">
                {t("form.fields.onBehalf.label")}
              </label>
            </div>
            <div className="mt-3">
              <label htmlFor={fields.onBehalfName.id} className={labelClass}>
                {t("form.fields.onBehalf.name")}
              </label>
              <input
                {...withoutKey(getInputProps(fields.onBehalfName, { type: "text", ariaAttributes: false }))}
                autoComplete="off"
                className={inputClass}
                aria-describedby={describedBy(errorIdOf("onBehalfName"))}
                aria-invalid={errorsOf("onBehalfName")?.length ? true : undefined}
              />
              <FieldErrorText id={`${FORM_ID}-onBehalfName-error`} errors={errorsOf("onBehalfName")} />
            </div>
            <div className="mt-3">
              <label htmlFor={fields.onBehalfEmail.id} className={labelClass}>
                {t("form.fields.onBehalf.email")}
              </label>
              <Hint id={`${fields.onBehalfEmail.id}-hint`}>{t("form.fields.onBehalf.emailHint")}</Hint>
              <input
                {...withoutKey(getInputProps(fields.onBehalfEmail, { type: "email", ariaAttributes: false }))}
                autoComplete="off"
                inputMode="email"
                spellCheck={false}
                className={inputClass}
                aria-describedby={describedBy(`${fields.onBehalfEmail.id}-hint`, errorIdOf("onBehalfEmail"))}
                aria-invalid={errorsOf("onBehalfEmail")?.length ? true : undefined}
              />
              <FieldErrorText id={`${FORM_ID}-onBehalfEmail-error`} errors={errorsOf("onBehalfEmail")} />
            </div>
          </details>

          <fieldset>
            <legend className={labelClass}>{t("form.fields.privacy.legend")}</legend>
            <Hint id={privacyHintId}>{t("hint", { ns: "privacy" })}</Hint>
            <div className={`${choiceClass} mt-1`}>
              <input
                {...withoutKey(getInputProps(fields.privacyConfirmed, { type: "checkbox", ariaAttributes: false }))}
                className={choiceInputClass}
                aria-describedby={describedBy(privacyHintId, errorIdOf("privacyConfirmed"))}
                aria-invalid={errorsOf("privacyConfirmed")?.length ? true : undefined}
              />
              <label htmlFor={fields.privacyConfirmed.id} className="text-gray-900">
                {t("confirmation.label", { ns: "privacy" })}
                <RequiredMark />
              </label>
            </div>
            <FieldErrorText id={`${FORM_ID}-privacyConfirmed-error`} errors={errorsOf("privacyConfirmed")} />
          </fieldset>
        </fieldset>

        <div role="status" aria-live="polite" className="text-sm text-gray-800" data-testid="privacy-status">
          {blockingCount > 0 ? <p className="font-medium text-danger-700">{t("summary.blocking", { ns: "privacy", count: blockingCount })}</p> : null}
          {warningCount > 0 ? (
            <p>
              {t("summary.warnings", { ns: "privacy", count: warningCount })} {t("summary.warningsMaySubmit", { ns: "privacy" })}
            </p>
          ) : null}
        </div>

        <div className="flex flex-col gap-3 border-t border-gray-300 pt-6 sm:flex-row sm:items-center">
          <button type="submit" name="intent" value="submit" className={primaryButtonClass} disabled={submitting}>
            {submitting ? t("form.actions.submitting") : t("form.actions.submit")}
          </button>
          <button type="submit" name="intent" value="save-draft" formNoValidate className={secondaryButtonClass}>
            {t("form.actions.saveDraft")}
          </button>
        </div>
        <p className={hintClass}>{t("form.actions.saveDraftHint")}</p>
        <p role="status" aria-live="polite" className="min-h-6 text-sm text-gray-800" data-testid="autosave-status">
          {autosave.status.state === "saving" ? t("autosave.saving") : null}
          {autosave.status.state === "saved" ? t("autosave.saved", { time: formatTime(autosave.status.at, locale) }) : null}
          {autosave.status.state === "failed" ? t("autosave.failed") : null}
          {autosave.status.state === "tooLarge" ? t("autosave.tooLarge") : null}
          {restoredNotice && autosave.status.state === "idle" ? t("autosave.restored") : null}
        </p>
      </Form>
      <p className="mt-6">
        <a href="/mine-forslag" className={linkClass}>
          {t("receipt.myIdeas")}
        </a>
      </p>
    </div>
  );
}
