import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxField, CheckboxGroup, SelectField, TextField, useAdminForm, type AdminActionData } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import type { Locale } from "~/db/schema";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { RoutingPageSchema } from "~/modules/admin/admin-schemas";
import { deleteRoutingRule } from "~/modules/admin/delete-routing-rule.server";
import { listRoutingRules } from "~/modules/admin/list-routing-rules.server";
import { loadRoutingOptions } from "~/modules/admin/load-routing-options.server";
import { previewRouting } from "~/modules/admin/preview-routing.server";
import { saveRoutingRule } from "~/modules/admin/save-routing-rule.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

const SAVED = ["saved", "deleted"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const url = new URL(request.url);
  const [{ rules, withoutFallback }, options] = await Promise.all([listRoutingRules({ user }), loadRoutingOptions({ user, locale: locale as Locale })]);
  const editing = rules.find((r) => r.id === url.searchParams.get("regel")) ?? null;
  const saved = url.searchParams.get("lagret");
  return {
    title: t("routing.title", { ns: "admin" }),
    rules,
    withoutFallback,
    options,
    editing,
    nextPosition: (rules.at(-1)?.position ?? 0) + 10,
    flash: (SAVED as readonly string[]).includes(saved ?? "") ? `admin:saved.rule-${saved}` : null,
  };
}

type PreviewResult = Awaited<ReturnType<typeof previewRouting>>;
type RoutingActionData = AdminActionData & { preview?: PreviewResult };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: RoutingPageSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  const value = submission.value;
  try {
    if (value.intent === "preview") {
      const preview = await previewRouting({ user, sample: value, rule: value });
      return data<RoutingActionData>({ formId, result: submission.reply(), preview });
    }
    if (value.intent === "save") {
      await saveRoutingRule({ user, rule: value });
    } else {
      await deleteRoutingRule({ user, ruleId: value.ruleId });
    }
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  throw redirect(`/admin/ruting?lagret=${value.intent === "save" ? "saved" : "deleted"}`, 303);
}

type Options = { id: string; name: string }[];
const asOptions = (rows: Options) => rows.map((r) => ({ value: r.id, label: r.name }));

function PreviewOutcome({ preview }: { preview: PreviewResult }) {
  const { t } = useTranslation("admin");
  const describe = (routed: PreviewResult["current"]) =>
    routed
      ? routed.explanation.kind === "fallback"
        ? t("routing.preview.fallback", { network: routed.network_name })
        : t("routing.preview.byRule", { network: routed.network_name, rule: routed.rule_name ?? "" })
      : t("routing.preview.nowhere");
  return (
    <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-4">
      <h3 className="text-lg font-semibold">{t("routing.preview.heading")}</h3>
      <dl className="mt-2 grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="font-semibold">{t("routing.preview.today")}</dt>
        <dd data-testid="preview-today">{describe(preview.current)}</dd>
        <dt className="font-semibold">{t("routing.preview.withRule")}</dt>
        <dd data-testid="preview-with-rule">{describe(preview.withRule)}</dd>
      </dl>
      {preview.problems.length > 0 ? (
        <ul className="mt-3 list-disc pl-6 font-medium text-danger-700">
          {preview.problems.map((p) => (
            <li key={`${p.rule_id}-${p.earlier_rule_id}`}>{t(`errors.routing_rule_${p.kind}`, { rule: p.rule_name, earlier: p.earlier_rule_name })}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-3">{t("routing.preview.noProblems")}</p>
      )}
    </div>
  );
}

function RuleForm() {
  const { editing, options, nextPosition } = useLoaderData<typeof loader>();
  const actionData = useActionData<RoutingActionData>();
  const { t } = useTranslation("admin");
  const formId = editing ? `rule-${editing.id}` : "rule-new";
  const [form, fields] = useAdminForm(formId, {
    name: editing?.name ?? "",
    position: String(editing?.position ?? nextPosition),
    networkId: editing?.network_id ?? "",
    organisationIds: editing?.match_organisation_ids ?? [],
    groupIds: editing?.match_group_ids ?? [],
    themeIds: editing?.match_theme_ids ?? [],
    serviceAreaIds: editing?.match_service_area_ids ?? [],
    several: editing?.match_several_municipalities == null ? "any" : editing.match_several_municipalities ? "yes" : "no",
    active: editing?.active === false ? "" : "on",
  });
  const preview = actionData?.formId === formId ? actionData.preview : undefined;
  return (
    <section aria-labelledby="rule-form-heading" className="mt-8 rounded-md border border-gray-300 bg-white p-4">
      <h2 id="rule-form-heading" className="text-2xl font-semibold">
        {editing ? t("routing.editHeading", { rule: editing.name }) : t("routing.newHeading")}
      </h2>
      <p className="text-slate-700">{t("routing.formIntro")}</p>
      <AdminForm
        formId={formId}
        intent="save"
        form={form}
        submitLabel={t("routing.save")}
        hidden={editing ? { ruleId: editing.id } : {}}
        extraButtons={
          <button type="submit" name="intent" value="preview" className={secondaryButtonClass}>
            {t("routing.previewButton")}
          </button>
        }
      >
        <TextField fields={fields} name="name" label={t("fields.ruleName")} />
        <TextField fields={fields} name="position" type="number" inputMode="numeric" label={t("fields.position")} hint={t("routing.positionHint")} />
        <SelectField fields={fields} name="networkId" label={t("fields.network")} options={asOptions(options.networks)} emptyLabel={t("routing.chooseNetwork")} />
        <p className="font-semibold">{t("routing.criteriaIntro")}</p>
        <CheckboxGroup fields={fields} name="organisationIds" legend={t("fields.organisations")} options={asOptions(options.organisations)} />
        <CheckboxGroup fields={fields} name="groupIds" legend={t("fields.groups")} options={asOptions(options.groups)} />
        <CheckboxGroup fields={fields} name="themeIds" legend={t("fields.themes")} options={asOptions(options.themes)} />
        <CheckboxGroup fields={fields} name="serviceAreaIds" legend={t("fields.serviceAreas")} options={asOptions(options.serviceAreas)} />
        <SelectField
          fields={fields}
          name="several"
          label={t("fields.several")}
          options={[
            { value: "any", label: t("routing.severalAny") },
            { value: "yes", label: t("routing.severalYes") },
            { value: "no", label: t("routing.severalNo") },
          ]}
        />
        <CheckboxField fields={fields} name="active" label={t("fields.active")} />
        <fieldset className="rounded-md border border-brand-700 p-3">
          <legend className="px-1 text-lg font-semibold">{t("routing.sampleLegend")}</legend>
          <p className="text-slate-700">{t("routing.sampleIntro")}</p>
          <div className="mt-2 space-y-3">
            <SelectField fields={fields} name="sampleOrganisationId" label={t("routing.sampleOrganisation")} options={asOptions(options.organisations)} emptyLabel={t("routing.choose")} />
            <SelectField fields={fields} name="sampleThemeId" label={t("routing.sampleTheme")} options={asOptions(options.themes)} emptyLabel={t("routing.choose")} />
            <CheckboxGroup fields={fields} name="sampleServiceAreaIds" legend={t("routing.sampleAreas")} options={asOptions(options.serviceAreas)} />
            <CheckboxField fields={fields} name="sampleSeveral" label={t("routing.sampleSeveral")} />
          </div>
        </fieldset>
        <div role="status" aria-live="polite">
          {preview ? <PreviewOutcome preview={preview} /> : null}
        </div>
      </AdminForm>
    </section>
  );
}

function DeleteRule({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation("admin");
  const [form] = useAdminForm(`rule-delete-${id}`);
  return <AdminForm formId={`rule-delete-${id}`} intent="delete" form={form} hidden={{ ruleId: id }} submitClass={secondaryButtonClass} submitLabel={t("routing.delete", { rule: name })} />;
}

export default function RoutingPage() {
  const { rules, withoutFallback, editing, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("routing.title")}</h1>
      <AdminNav isAdmin />
      <p>{t("routing.intro")}</p>
      {withoutFallback.length > 0 ? (
        <p className="mt-3 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
          {t("routing.withoutFallback", { organisations: withoutFallback.map((o) => o.name).join(", ") })}
        </p>
      ) : null}
      <ol className="mt-6 space-y-3">
        {rules.map((rule) => (
          <li key={rule.id} className="rounded-md border border-gray-300 bg-white p-3">
            <p className="font-semibold">
              {rule.position}. {rule.name} {rule.active ? null : <span className="font-normal">({t("routing.inactive")})</span>}
            </p>
            <p className="text-slate-700">{t("routing.goesTo", { network: rule.network_name })}</p>
            <div className="mt-2 flex flex-wrap items-center gap-3">
              <Link to={`/admin/ruting?regel=${rule.id}#rule-form-heading`} className="text-brand-700 underline" aria-label={t("routing.editNamed", { rule: rule.name })}>
                {t("routing.edit")}
              </Link>
              <DeleteRule id={rule.id} name={rule.name} />
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-3 text-slate-700">{t("routing.fallbackNote")}</p>
      {editing ? (
        <p className="mt-4">
          <Link to="/admin/ruting" className="text-brand-700 underline">
            {t("routing.newInstead")}
          </Link>
        </p>
      ) : null}
      <RuleForm key={editing?.id ?? "new"} />
    </div>
  );
}
