import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlashMessage } from "~/components/idea/flash-message";
import { dangerButtonClass, describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { pageTitle } from "~/components/page-title";
import type { IdeaStatus } from "~/db/schema";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { deleteReplyTemplate } from "~/modules/triage/delete-reply-template.server";
import { getMemberNetwork } from "~/modules/triage/get-member-network.server";
import { listReplyTemplates } from "~/modules/triage/list-reply-templates.server";
import { saveReplyTemplate } from "~/modules/triage/save-reply-template.server";
import { triageErrorStatus } from "~/modules/triage/triage-db-errors.server";
import { CreateReplyTemplateSchema, ReplyTemplateActionSchema, UpdateReplyTemplateSchema } from "~/modules/triage/triage-schemas";
import { TRIAGE_TARGET_STATUSES } from "~/modules/triage/triage-vocabulary";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

const SAVED = ["created", "updated", "deleted"] as const;

type ActionData = { formId: string; result: SubmissionResult<string[]> };

async function loadNetwork(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const network = await getMemberNetwork({ user, slug: slug ?? "" });
  if (!network) throw new Response(null, { status: 404 });
  return { user, network };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, network } = await loadNetwork(request, params.slug);
  const t = await getTranslator(await resolveLocale(request, user));
  const templates = await listReplyTemplates({ user, networkId: network.id });
  const saved = new URL(request.url).searchParams.get("lagret");
  return {
    title: t("templates.title", { ns: "triage", network: network.name }),
    network,
    templates,
    flash: (SAVED as readonly string[]).includes(saved ?? "") ? `triage:templates.saved.${saved}` : null,
  };
}

const formIdFor = (formData: FormData) => {
  const intent = formData.get("intent");
  const templateId = formData.get("templateId");
  if (intent === "create") return "template-new";
  return typeof templateId === "string" && /^[0-9a-f-]{36}$/i.test(templateId) ? `template-${intent === "delete" ? "delete" : "edit"}-${templateId}` : "template-new";
};

/** Coordinators (and admins) create, edit and delete; plain members read the templates only. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, network } = await loadNetwork(request, params.slug);
  const formData = await request.formData();
  const formId = formIdFor(formData);
  const submission = parseWithZod(formData, { schema: ReplyTemplateActionSchema });
  if (!network.isCoordinator) {
    return data<ActionData>({ formId, result: submission.reply({ formErrors: ["triage:errors.templates_coordinator_only"] }) }, { status: 403 });
  }
  if (submission.status !== "success") return data<ActionData>({ formId, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "delete") {
      await deleteReplyTemplate({ user, networkId: network.id, templateId: value.templateId });
    } else {
      await saveReplyTemplate({
        user,
        networkId: network.id,
        templateId: value.intent === "update" ? value.templateId : undefined,
        title: value.title,
        body: value.body,
        toStatus: value.toStatus ?? null,
        sortOrder: value.sortOrder,
      });
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return data<ActionData>({ formId, result: submission.reply({ formErrors: [`triage:errors.${error.code}`] }) }, { status: triageErrorStatus(error.code) });
  }
  const saved = value.intent === "create" ? "created" : value.intent === "update" ? "updated" : "deleted";
  throw redirect(`/nettverk/${encodeURIComponent(network.slug)}/svarmaler?lagret=${saved}`, 303);
}

type Template = { id: string; title: string; body: string; to_status: IdeaStatus | null; sort_order: number };

function TemplateFields({ fields, hintId }: { fields: ReturnType<typeof useForm<Record<string, unknown>>>[1]; hintId: string }) {
  const { t } = useTranslation("triage");
  const title = fields.title!;
  const body = fields.body!;
  const toStatus = fields.toStatus!;
  const sortOrder = fields.sortOrder!;
  return (
    <>
      <div>
        <label htmlFor={title.id} className="block font-semibold">
          {t("templates.titleLabel")}
        </label>
        <input {...getInputProps(title, { type: "text" })} aria-describedby={describedBy(title.errors && title.errorId)} className={inputClass} />
        <FieldErrors id={title.errorId} errors={title.errors} />
      </div>
      <div>
        <label htmlFor={body.id} className="block font-semibold">
          {t("templates.bodyLabel")}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {t("templates.bodyHint")}
        </p>
        <textarea {...getTextareaProps(body)} rows={5} aria-describedby={describedBy(hintId, body.errors && body.errorId)} className={inputClass} />
        <FieldErrors id={body.errorId} errors={body.errors} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={toStatus.id} className="block font-semibold">
            {t("templates.statusLabel")}
          </label>
          <select {...getSelectProps(toStatus)} aria-describedby={describedBy(toStatus.errors && toStatus.errorId)} className={inputClass}>
            <option value="">{t("templates.statusAny")}</option>
            {TRIAGE_TARGET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`, { ns: "ideas" })}
              </option>
            ))}
          </select>
          <FieldErrors id={toStatus.errorId} errors={toStatus.errors} />
        </div>
        <div>
          <label htmlFor={sortOrder.id} className="block font-semibold">
            {t("templates.sortOrderLabel")}
          </label>
          <input
            {...getInputProps(sortOrder, { type: "number" })}
            inputMode="numeric"
            aria-describedby={describedBy(sortOrder.errors && sortOrder.errorId)}
            className={inputClass}
          />
          <FieldErrors id={sortOrder.errorId} errors={sortOrder.errors} />
        </div>
      </div>
    </>
  );
}

function useTemplateForm(formId: string, schema: typeof CreateReplyTemplateSchema | typeof UpdateReplyTemplateSchema, defaultValue: Record<string, string>) {
  const actionData = useActionData<typeof action>();
  return useForm<Record<string, unknown>>({
    id: formId,
    lastResult: actionData?.formId === formId ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

function TemplateEditor({ template }: { template: Template }) {
  const { t } = useTranslation("triage");
  const actionData = useActionData<typeof action>();
  const [form, fields] = useTemplateForm(`template-edit-${template.id}`, UpdateReplyTemplateSchema, {
    title: template.title,
    body: template.body,
    toStatus: template.to_status ?? "",
    sortOrder: String(template.sort_order),
  });
  const deleteFormId = `template-delete-${template.id}`;
  const deleteErrors = actionData?.formId === deleteFormId ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? []) : [];
  const headingId = `template-heading-${template.id}`;
  return (
    <li>
      <section aria-labelledby={headingId} className="rounded-md border border-gray-300 bg-white p-4">
        <h2 id={headingId} className="text-xl font-semibold break-words">
          {template.title}
        </h2>
        <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="templateId" value={template.id} />
          <TemplateFields fields={fields} hintId={`template-hint-${template.id}`} />
          <button type="submit" className={primaryButtonClass}>
            {t("templates.update", { title: template.title })}
          </button>
        </Form>
        {/* Deleting asks once more, without JavaScript: the button is inside a closed disclosure. */}
        <details className="mt-4" open={deleteErrors.length > 0 || undefined}>
          <summary className="cursor-pointer font-semibold text-red-800">
            {t("templates.delete")}
            <span className="sr-only">: {template.title}</span>
          </summary>
          <Form method="post" id={deleteFormId} className="mt-2 space-y-2">
            <FormErrors id={`${deleteFormId}-errors`} errors={deleteErrors} />
            <p>{t("templates.deleteConfirmText")}</p>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="templateId" value={template.id} />
            <button type="submit" className={dangerButtonClass} aria-label={t("templates.deleteNamed", { title: template.title })}>
              {t("templates.deleteConfirm")}
            </button>
          </Form>
        </details>
      </section>
    </li>
  );
}

function NewTemplateForm() {
  const { t } = useTranslation("triage");
  const [form, fields] = useTemplateForm("template-new", CreateReplyTemplateSchema, { title: "", body: "", toStatus: "", sortOrder: "0" });
  return (
    <section aria-labelledby="template-new-heading" className="mt-8 rounded-md border border-gray-300 bg-white p-4">
      <h2 id="template-new-heading" className="text-xl font-semibold">
        {t("templates.newHeading")}
      </h2>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <TemplateFields fields={fields} hintId="template-hint-new" />
        <button type="submit" className={primaryButtonClass}>
          {t("templates.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function ReplyTemplatesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("triage");
  const { network } = data;
  // A plain member who posts anyway (an old page, a crafted request) sees why nothing happened.
  const refusal = !network.isCoordinator && actionData ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? []) : [];
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={data.flash} />
      <p>
        <Link to={`/nettverk/${network.slug}/innboks`}>{t("triage.backToInbox")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("templates.title", { network: network.name })}</h1>
      <p className="mt-2">{network.isCoordinator ? t("templates.intro") : t("templates.introMember")}</p>
      <FormErrors id="templates-refused" errors={refusal} />
      {data.templates.length === 0 ? (
        <p className="mt-6">{t("templates.empty")}</p>
      ) : network.isCoordinator ? (
        <ul className="mt-6 space-y-6">
          {data.templates.map((template) => (
            <TemplateEditor key={`${template.id}-${template.title}-${template.sort_order}`} template={template} />
          ))}
        </ul>
      ) : (
        <ul className="mt-6 space-y-4">
          {data.templates.map((template) => (
            <li key={template.id} className="rounded-md border border-gray-300 bg-white p-4">
              <h2 className="text-xl font-semibold break-words">{template.title}</h2>
              {template.to_status ? (
                <p className="text-sm text-slate-700">{t("templates.forStatus", { status: t(`status.${template.to_status}`, { ns: "ideas" }) })}</p>
              ) : null}
              <p className="mt-2 whitespace-pre-wrap">{template.body}</p>
            </li>
          ))}
        </ul>
      )}
      {network.isCoordinator ? <NewTemplateForm /> : null}
    </div>
  );
}
