import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass, secondaryButtonClass } from "~/modules/auth/form-feedback";

type Props = {
  /** Prefix for the select's and hint's ids, unique on the page. */
  idPrefix: string;
  hint: string;
  templates: { id: string; title: string }[];
  chosenId: string | null | undefined;
  /** Query parameters to keep when a template is chosen (e.g. the inbox filters). */
  keep?: (readonly [string, string])[];
};

/** Picks a reply template with a plain GET form (?mal=<id>), so it works without JavaScript. */
export function ReplyTemplatePicker({ idPrefix, hint, templates, chosenId, keep = [] }: Props) {
  const { t } = useTranslation("triage");
  if (templates.length === 0) return null;
  const selectId = `${idPrefix}template-picker`;
  const hintId = `${idPrefix}template-hint`;
  return (
    <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor={selectId} className="block font-semibold">
          {t("status.templateLabel")}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
        <select id={selectId} name="mal" defaultValue={chosenId ?? ""} aria-describedby={hintId} className={inputClass}>
          <option value="">{t("status.templateNone")}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={secondaryButtonClass}>
        {t("status.templateUse")}
      </button>
    </Form>
  );
}
