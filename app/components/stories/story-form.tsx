import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy } from "~/components/idea/form-feedback";
import { RichTextField } from "~/components/rich-text-editor/rich-text-field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { BENEFIT_CATEGORIES } from "~/modules/ideas/idea-vocabulary";
import { privacyFindingMessageKey } from "~/modules/privacy/privacy-message-keys";
import type { RichTextState } from "~/modules/rich-text/rich-text-schema";
import type { StoryFormActionData } from "~/modules/stories/handle-story-form-post.server";
import type { StoryFormValues } from "~/modules/stories/story-form-values";
import { BENEFIT_UNITS, EMPTY_BENEFIT_ROWS, MAX_BENEFIT_ROWS, MAX_STORY_IMAGE_BYTES, NEW_IMAGE_SLOTS, STORY_VISIBILITIES } from "~/modules/stories/story-vocabulary";
import { StoryFieldErrors, StoryFormErrors } from "./story-messages";

type Option = { id: string; name: string };
export type StoryFormProps = {
  action: string;
  mode: "new" | "edit";
  values: StoryFormValues;
  body: RichTextState | string | null;
  options: { themes: Option[]; serviceAreas: Option[]; organisations: Option[] };
  ownOrganisationId: string;
  idea: { publicId: string; title: string } | null;
  images: { id: string; altText: string; src: string }[];
  actionData: StoryFormActionData | null;
};

const selectClass = `${inputClass} bg-white`;
const checkClass = "mt-1 h-5 w-5 shrink-0 accent-brand-700";

function TextField(props: { name: keyof StoryFormValues; label: string; hint?: string; errors?: string[]; value: string; rows?: number; required?: boolean; type?: string }) {
  const id = `story-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    defaultValue: props.value,
    "aria-describedby": describedBy(hintId, Boolean(props.errors?.length) && errorId),
    "aria-invalid": props.errors?.length ? true : undefined,
    "aria-required": props.required || undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId!} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.rows ? <textarea {...common} rows={props.rows} /> : <input {...common} type={props.type ?? "text"} />}
      <StoryFieldErrors id={errorId} errors={props.errors} />
    </div>
  );
}

/** Writing and editing a story: a real multipart form that works without JavaScript. */
export function StoryForm({ action, mode, values, body, options, ownOrganisationId, idea, images, actionData }: StoryFormProps) {
  const { t } = useTranslation("stories");
  const [form] = useForm({ id: "story-form", lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const errors = (name: string) => (form.allErrors[name] ?? undefined) as string[] | undefined;
  const rowCount = Math.min(MAX_BENEFIT_ROWS, Math.max(values.benefits.length + EMPTY_BENEFIT_ROWS, 3));
  const rows = Array.from({ length: rowCount }, (_, i) => values.benefits[i] ?? { indicator: "", unit: "", baseline: "", after: "", period: "", category: "" });
  const bodyErrors = errors("body");
  const findings = actionData?.privacyFindings ?? [];

  return (
    <Form method="post" action={action} encType="multipart/form-data" className="mt-6 space-y-8" {...getFormProps(form)} noValidate>
      <StoryFormErrors id={form.errorId} errors={form.errors} />
      {findings.length > 0 ? (
        <ul className="list-disc rounded-md border border-danger-700 bg-danger-50 p-3 pl-8 text-danger-700">
          {findings.map((f, i) => (
            <li key={i}>
              {t(privacyFindingMessageKey(f.kind), { ns: "privacy" })} ({t("form.privacyFoundIn", { masked: f.masked, field: t(`form.fields.${f.field}`) })})
            </li>
          ))}
        </ul>
      ) : null}
      {idea ? (
        <p className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          {t("form.aboutIdea", { publicId: idea.publicId, title: idea.title })}
          <input type="hidden" name="ideaId" value={values.ideaId} />
        </p>
      ) : null}

      <fieldset className="space-y-6">
        <legend className="text-2xl font-bold">{t("form.sections.story")}</legend>
        <TextField name="title" label={t("form.fields.title")} value={values.title} errors={errors("title")} required />
        <TextField name="summary" label={t("form.fields.summary")} hint={t("form.hints.summary")} value={values.summary} errors={errors("summary")} rows={3} required />
        <div>
          <span id="story-body-label" className="block font-semibold">
            {t("form.fields.body")}
          </span>
          <p id="story-body-hint" className="text-sm text-slate-700">
            {t("form.hints.body")}
          </p>
          <div className="mt-1">
            <RichTextField
              name="body"
              id="story-body"
              labelId="story-body-label"
              describedBy={describedBy("story-body-hint", Boolean(bodyErrors?.length) && "story-body-error")}
              invalid={Boolean(bodyErrors?.length)}
              required
              defaultValue={actionData?.body ?? body}
            />
          </div>
          <StoryFieldErrors id="story-body-error" errors={bodyErrors} />
        </div>
        <TextField name="whatChanged" label={t("form.fields.whatChanged")} hint={t("form.hints.whatChanged")} value={values.whatChanged} errors={errors("whatChanged")} rows={4} required />
        <TextField name="stoppedDoing" label={t("form.fields.stoppedDoing")} hint={t("form.hints.stoppedDoing")} value={values.stoppedDoing} errors={errors("stoppedDoing")} rows={3} />
      </fieldset>

      <fieldset className="space-y-4" aria-describedby="benefits-hint">
        <legend className="text-2xl font-bold">{t("form.sections.benefits")}</legend>
        <p id="benefits-hint" className="text-slate-700">
          {t("form.hints.benefits")}
        </p>
        <StoryFieldErrors id="benefits-error" errors={errors("benefits")} />
        {rows.map((row, i) => {
          const name = (field: string) => `benefits[${i}].${field}`;
          const id = (field: string) => `story-benefit-${i}-${field}`;
          const fieldErrors = (field: string) => errors(name(field));
          const control = (field: string) => ({
            id: id(field),
            name: name(field),
            "aria-describedby": fieldErrors(field)?.length ? `${id(field)}-error` : undefined,
            "aria-invalid": fieldErrors(field)?.length ? true : undefined,
          });
          return (
            <fieldset key={i} className="rounded-lg border border-slate-300 p-3" data-testid="benefit-row">
              <legend className="px-1 font-semibold">{t("form.benefitRow", { number: i + 1 })}</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="sm:col-span-2">
                  <label htmlFor={id("indicator")} className="block">
                    {t("form.fields.indicator")}
                  </label>
                  <input {...control("indicator")} type="text" defaultValue={row.indicator} placeholder={t("form.hints.indicatorExample")} className={inputClass} />
                  <StoryFieldErrors id={`${id("indicator")}-error`} errors={fieldErrors("indicator")} />
                </div>
                <div>
                  <label htmlFor={id("unit")} className="block">
                    {t("form.fields.unit")}
                  </label>
                  <select {...control("unit")} defaultValue={row.unit} className={selectClass}>
                    <option value="">{t("form.choose")}</option>
                    {BENEFIT_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(`units.${u}`)}
                      </option>
                    ))}
                  </select>
                  <StoryFieldErrors id={`${id("unit")}-error`} errors={fieldErrors("unit")} />
                </div>
                <div>
                  <label htmlFor={id("category")} className="block">
                    {t("form.fields.category")}
                  </label>
                  <select {...control("category")} defaultValue={row.category} className={selectClass}>
                    <option value="">{t("form.choose")}</option>
                    {BENEFIT_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {t(`benefits.${c}`, { ns: "ideas" })}
                      </option>
                    ))}
                  </select>
                  <StoryFieldErrors id={`${id("category")}-error`} errors={fieldErrors("category")} />
                </div>
                <div>
                  <label htmlFor={id("baseline")} className="block">
                    {t("form.fields.baseline")}
                  </label>
                  <input {...control("baseline")} type="text" inputMode="decimal" defaultValue={row.baseline} className={inputClass} />
                  <StoryFieldErrors id={`${id("baseline")}-error`} errors={fieldErrors("baseline")} />
                </div>
                <div>
                  <label htmlFor={id("after")} className="block">
                    {t("form.fields.after")}
                  </label>
                  <input {...control("after")} type="text" inputMode="decimal" defaultValue={row.after} className={inputClass} />
                  <StoryFieldErrors id={`${id("after")}-error`} errors={fieldErrors("after")} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={id("period")} className="block">
                    {t("form.fields.period")}
                  </label>
                  <input {...control("period")} type="text" defaultValue={row.period} placeholder={t("form.hints.periodExample")} className={inputClass} />
                  <StoryFieldErrors id={`${id("period")}-error`} errors={fieldErrors("period")} />
                </div>
              </div>
            </fieldset>
          );
        })}
        <TextField name="unplannedBenefits" label={t("form.fields.unplannedBenefits")} value={values.unplannedBenefits} errors={errors("unplannedBenefits")} rows={3} />
        <TextField name="successFactors" label={t("form.fields.successFactors")} hint={t("form.hints.successFactors")} value={values.successFactors} errors={errors("successFactors")} rows={3} />
        <TextField name="costs" label={t("form.fields.costs")} value={values.costs} errors={errors("costs")} rows={3} />
      </fieldset>

      <fieldset className="space-y-6">
        <legend className="text-2xl font-bold">{t("form.sections.about")}</legend>
        <div>
          <label htmlFor="story-themeId" className="block font-semibold">
            {t("form.fields.theme")}
          </label>
          <select
            id="story-themeId"
            name="themeId"
            defaultValue={values.themeId}
            aria-describedby={errors("themeId")?.length ? "story-themeId-error" : undefined}
            aria-invalid={errors("themeId")?.length ? true : undefined}
            className={selectClass}
          >
            <option value="">{t("form.choose")}</option>
            {options.themes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <StoryFieldErrors id="story-themeId-error" errors={errors("themeId")} />
        </div>
        <fieldset aria-describedby={errors("serviceAreaIds")?.length ? "story-serviceAreaIds-error" : undefined}>
          <legend className="font-semibold">{t("form.fields.serviceAreas")}</legend>
          {options.serviceAreas.map((o) => (
            <label key={o.id} className="flex items-start gap-2 py-1">
              <input type="checkbox" name="serviceAreaIds" value={o.id} defaultChecked={values.serviceAreaIds.includes(o.id)} className={checkClass} />
              <span>{o.name}</span>
            </label>
          ))}
          <StoryFieldErrors id="story-serviceAreaIds-error" errors={errors("serviceAreaIds")} />
        </fieldset>
        <details className="rounded-lg border border-slate-300 p-3" open={values.organisationIds.some((id) => id !== ownOrganisationId) || undefined}>
          <summary className="cursor-pointer font-semibold">{t("form.fields.organisations")}</summary>
          <fieldset className="mt-2" aria-describedby="story-organisations-hint">
            <legend className="sr-only">{t("form.fields.organisations")}</legend>
            <p id="story-organisations-hint" className="text-sm text-slate-700">
              {t("form.hints.organisations")}
            </p>
            <div className="mt-1 grid sm:grid-cols-2">
              {options.organisations
                .filter((o) => o.id !== ownOrganisationId)
                .map((o) => (
                  <label key={o.id} className="flex items-start gap-2 py-1">
                    <input type="checkbox" name="organisationIds" value={o.id} defaultChecked={values.organisationIds.includes(o.id)} className={checkClass} />
                    <span>{o.name}</span>
                  </label>
                ))}
            </div>
          </fieldset>
        </details>
        <TextField name="contactEmail" type="email" label={t("form.fields.contactEmail")} hint={t("form.hints.contactEmail")} value={values.contactEmail} errors={errors("contactEmail")} required />
        <fieldset aria-describedby={errors("visibility")?.length ? "story-visibility-error" : undefined}>
          <legend className="font-semibold">{t("form.fields.visibility")}</legend>
          {STORY_VISIBILITIES.map((v) => (
            <div key={v} className="flex items-start gap-2 py-1">
              <input type="radio" id={`story-visibility-${v}`} name="visibility" value={v} defaultChecked={values.visibility === v} aria-describedby={`story-visibility-${v}-hint`} className={checkClass} />
              <label htmlFor={`story-visibility-${v}`}>
                <span className="font-medium">{t(`visibility.${v}`)}</span>
                <span id={`story-visibility-${v}-hint`} className="block text-sm text-slate-700">
                  {t(`visibilityHint.${v}`)}
                </span>
              </label>
            </div>
          ))}
          <StoryFieldErrors id="story-visibility-error" errors={errors("visibility")} />
        </fieldset>
      </fieldset>

      <fieldset className="space-y-4" aria-describedby="story-images-hint">
        <legend className="text-2xl font-bold">{t("form.sections.images")}</legend>
        <p id="story-images-hint" className="text-slate-700">
          {t("form.hints.images", { maxMb: MAX_STORY_IMAGE_BYTES / 1024 / 1024 })}
        </p>
        {actionData?.filesNotKept ? <p className="font-medium text-danger-700">{t("form.filesNotKeptHint")}</p> : null}
        <StoryFieldErrors id="story-images-error" errors={errors("images")} />
        {images.length > 0 ? (
          <ul className="grid gap-3 sm:grid-cols-3">
            {images.map((image) => (
              <li key={image.id}>
                <img src={image.src} alt={image.altText} className="w-full rounded-md" />
                <label className="mt-1 flex items-start gap-2">
                  <input type="checkbox" name="removeImageIds" value={image.id} className={checkClass} />
                  <span>{t("form.removeImage")}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {Array.from({ length: NEW_IMAGE_SLOTS }, (_, i) => (
          <div key={i} className="grid gap-3 rounded-lg border border-slate-300 p-3 sm:grid-cols-2">
            <div>
              <label htmlFor={`story-newImage${i}`} className="block font-semibold">
                {t("form.fields.newImage", { number: i + 1 })}
              </label>
              <input
                id={`story-newImage${i}`}
                name={`newImage${i}`}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby={describedBy("story-images-hint", Boolean(errors(`newImage${i}`)?.length) && `story-newImage${i}-error`)}
                className="mt-1 block w-full"
              />
              <StoryFieldErrors id={`story-newImage${i}-error`} errors={errors(`newImage${i}`)} />
            </div>
            <div>
              <label htmlFor={`story-newImageAlt${i}`} className="block font-semibold">
                {t("form.fields.altText")}
              </label>
              <input id={`story-newImageAlt${i}`} name={`newImageAlt${i}`} type="text" maxLength={300} defaultValue={values.newImageAlts[i] ?? ""} className={inputClass} />
            </div>
          </div>
        ))}
      </fieldset>

      <div className="flex flex-wrap gap-3 border-t border-slate-300 pt-6">
        <button type="submit" name="intent" value="submit" className={primaryButtonClass}>
          {t("form.saveAndSubmit")}
        </button>
        <button type="submit" name="intent" value="save" className={secondaryButtonClass}>
          {mode === "new" ? t("form.saveDraft") : t("form.save")}
        </button>
      </div>
    </Form>
  );
}
