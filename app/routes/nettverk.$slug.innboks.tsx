import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data as respond, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { displayDate } from "~/components/idea/idea-dates";
import { describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { ReplyTemplatePicker } from "~/components/triage/reply-template-picker";
import { IdeaStatusBadge } from "~/components/idea/idea-status-badge";
import { pageTitle } from "~/components/page-title";
import { getDatabase } from "~/db/client.server";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { answerIdeasInBulk } from "~/modules/triage/answer-ideas-in-bulk.server";
import { getMemberNetwork } from "~/modules/triage/get-member-network.server";
import { INBOX_PAGE_SIZE, listNetworkInbox, parseInboxFilters } from "~/modules/triage/list-network-inbox.server";
import { listReplyTemplates } from "~/modules/triage/list-reply-templates.server";
import { triageErrorStatus } from "~/modules/triage/triage-db-errors.server";
import { BulkAnswerSchema } from "~/modules/triage/triage-schemas";
import { TRIAGE_TARGET_STATUSES } from "~/modules/triage/triage-vocabulary";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

async function loadInbox(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const filters = parseInboxFilters(url.searchParams);
  try {
    return { user, locale, filters, url, inbox: await listNetworkInbox({ user, networkSlug: slug ?? "", filters, locale }) };
  } catch (error) {
    if (isAppError(error) && (error.code === "network_not_found" || error.code === "not_network_member")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, locale, filters, url, inbox } = await loadInbox(request, params.slug);
  const t = await getTranslator(locale);
  const nameColumn = locale === "nn" ? "name_nn" : locale === "en" ? "name_en" : "name_nb";
  const { db } = getDatabase();
  const [themes, organisations, templates] = await Promise.all([
    db.selectFrom("themes").select(["id", `${nameColumn} as name`]).where("active", "=", true).orderBy("sort_order").execute(),
    db.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute(),
    // A merge needs its own target, so merge templates belong on the idea's triage page only.
    listReplyTemplates({ user, networkId: inbox.network.id }).then((rows) => rows.filter((tpl) => tpl.to_status !== "merged")),
  ]);
  const template = templates.find((tpl) => tpl.id === url.searchParams.get("mal")) ?? null;
  const answered = Number(url.searchParams.get("svart"));
  return {
    title: t("inbox.title", { ns: "triage", network: inbox.network.name }),
    network: inbox.network,
    filters: { status: filters.status ?? "open", owner: filters.owner ?? "", themeId: filters.themeId ?? "", organisationId: filters.organisationId ?? "", overdue: Boolean(filters.overdue) },
    ideas: inbox.ideas.map((idea) => ({
      ...idea,
      nextDueAt: idea.nextDueAt ? displayDate(idea.nextDueAt, locale) : null,
      submittedAt: undefined,
    })),
    total: inbox.total,
    page: inbox.page,
    pageCount: inbox.pageCount,
    firstShown: (inbox.page - 1) * INBOX_PAGE_SIZE + 1,
    counts: inbox.counts,
    openCount: inbox.openCount,
    overdueCount: inbox.overdueCount,
    members: inbox.members,
    workload: inbox.workload,
    themes,
    organisations,
    answered: Number.isInteger(answered) && answered > 0 ? answered : null,
    templates: templates.map((tpl) => ({ id: tpl.id, title: tpl.title })),
    chosenTemplate: template ? { id: template.id, body: template.body, toStatus: template.to_status } : null,
  };
}

type ActionData = { result: SubmissionResult<string[]> };

/** Bulk answer: one answer (and e-mail) per ticked idea of this network, all or nothing. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const network = await getMemberNetwork({ user, slug: params.slug ?? "" });
  if (!network) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const submission = parseWithZod(await request.formData(), { schema: BulkAnswerSchema });
  if (submission.status !== "success") return respond<ActionData>({ result: submission.reply() }, { status: 400 });
  try {
    const { count } = await answerIdeasInBulk({
      user,
      networkId: network.id,
      ideaIds: submission.value.ideaIds,
      toStatus: submission.value.toStatus,
      body: submission.value.body,
      fromStatuses: submission.value.fromStatus,
    });
    url.searchParams.delete("mal");
    url.searchParams.set("svart", String(count));
    throw redirect(`${url.pathname}?${url.searchParams.toString()}`, 303);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return respond<ActionData>({ result: submission.reply({ formErrors: [`triage:errors.${error.code}`] }) }, { status: triageErrorStatus(error.code) });
  }
}

function QuickFilter({ to, label, current }: { to: string; label: string; current: boolean }) {
  return (
    <li>
      <Link to={to} aria-current={current ? "page" : undefined} className={`${secondaryButtonClass} no-underline ${current ? "bg-brand-50 ring-2 ring-brand-700" : ""}`}>
        {label}
      </Link>
    </li>
  );
}

const BULK_FORM_ID = "bulk-answer";

function BulkAnswerForm({ filterParams }: { filterParams: (readonly [string, string])[] }) {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("triage");
  const [form, fields] = useForm({
    id: BULK_FORM_ID,
    lastResult: actionData?.result,
    defaultValue: { toStatus: data.chosenTemplate?.toStatus ?? "", body: data.chosenTemplate?.body ?? "" },
    constraint: getZodConstraint(BulkAnswerSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BulkAnswerSchema }),
  });
  const bodyHintId = "bulk-body-hint";
  return (
    <section aria-labelledby="bulk-heading" className="mt-8 max-w-2xl">
      <h2 id="bulk-heading" className="text-xl font-semibold">
        {t("inbox.bulkHeading")}
      </h2>
      <p className="mt-1">{t("inbox.bulkIntro")}</p>
      <ReplyTemplatePicker
        idPrefix="bulk-"
        hint={t("inbox.bulkTemplateHint")}
        templates={data.templates}
        chosenId={data.chosenTemplate?.id}
        keep={filterParams}
      />
      {data.network.isCoordinator ? (
        <p className="mt-2">
          <Link to={`/nettverk/${data.network.slug}/svarmaler`}>{t("templates.manageLink")}</Link>
        </p>
      ) : null}
      <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)} key={data.chosenTemplate?.id ?? "none"}>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.ideaIds.errors ?? [])]} />
        <div>
          <label htmlFor={fields.toStatus.id} className="block font-semibold">
            {t("inbox.bulkStatusLabel")}
          </label>
          <select
            {...getSelectProps(fields.toStatus)}
            aria-describedby={describedBy(fields.toStatus.errors && fields.toStatus.errorId)}
            className={inputClass}
          >
            <option value="">{t("status.toStatusLabel")}</option>
            {TRIAGE_TARGET_STATUSES.filter((s) => s !== "merged").map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`, { ns: "ideas" })}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.toStatus.errorId} errors={fields.toStatus.errors} />
        </div>
        <div>
          <label htmlFor={fields.body.id} className="block font-semibold">
            {t("inbox.bulkBodyLabel")}
          </label>
          <p id={bodyHintId} className="text-sm text-slate-700">
            {t("status.bodyHint")}
          </p>
          <textarea
            {...getTextareaProps(fields.body)}
            rows={4}
            aria-describedby={describedBy(bodyHintId, fields.body.errors && fields.body.errorId)}
            className={inputClass}
          />
          <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <input type="hidden" name="intent" value="bulk" />
        <button type="submit" className={primaryButtonClass}>
          {t("inbox.bulkSubmit")}
        </button>
      </Form>
    </section>
  );
}

/** The inbox with the same filters on another page. */
function pageHref(base: string, filterParams: readonly (readonly [string, string])[], page: number) {
  const params = new URLSearchParams(filterParams.map(([name, value]) => [name, value]));
  if (page > 1) params.set("side", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export default function NetworkInboxPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.result;
  const { t } = useTranslation("triage");
  const base = `/nettverk/${data.network.slug}/innboks`;
  const { filters } = data;
  const noFilters = filters.status === "open" && !filters.owner && !filters.themeId && !filters.organisationId && !filters.overdue;
  // After a refused post (also without JavaScript) the ticked ideas stay ticked.
  const typedIds = lastResult?.initialValue?.ideaIds;
  const selected = new Set(Array.isArray(typedIds) ? typedIds.map(String) : typeof typedIds === "string" ? [typedIds] : []);
  const filterParams = (
    [
      ["status", filters.status === "open" ? "" : filters.status],
      ["ansvarlig", filters.owner],
      ["tema", filters.themeId],
      ["organisasjon", filters.organisationId],
      ["forfalt", filters.overdue ? "1" : ""],
    ] as const
  ).filter(([, value]) => value);
  return (
    <div>
      <div role="status" aria-live="polite">
        {data.answered ? (
          <p className="mb-6 rounded-md border-l-4 border-green-800 bg-green-50 p-4 font-medium text-green-900">{t("inbox.bulkDone", { count: data.answered })}</p>
        ) : null}
      </div>
      <h1 className="text-3xl font-bold">{t("inbox.title", { network: data.network.name })}</h1>
      <p className="mt-2">{t("inbox.intro")}</p>

      <nav aria-label={t("inbox.quickFilters")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <QuickFilter to={base} label={t("inbox.quickAll")} current={noFilters} />
          <QuickFilter to={`${base}?ansvarlig=mine`} label={t("inbox.quickMine")} current={filters.owner === "mine"} />
          <QuickFilter to={`${base}?ansvarlig=unassigned`} label={t("inbox.quickUnassigned")} current={filters.owner === "unassigned"} />
          <QuickFilter to={`${base}?forfalt=1`} label={t("inbox.quickOverdue")} current={filters.overdue && !filters.owner} />
        </ul>
      </nav>

      <section aria-labelledby="counts-heading" className="mt-4">
        <h2 id="counts-heading" className="sr-only">
          {t("inbox.countsHeading")}
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="inbox-counts">
          <li>{t("inbox.countOpen", { count: data.openCount })}</li>
          <li className={data.overdueCount > 0 ? "font-semibold text-danger-700" : undefined}>{t("inbox.countOverdue", { count: data.overdueCount })}</li>
          {IDEA_STATUSES.filter((s) => data.counts[s]).map((s) => (
            <li key={s}>{t("inbox.countStatus", { status: t(`status.${s}`, { ns: "ideas" }), count: data.counts[s] })}</li>
          ))}
        </ul>
      </section>

      <Form method="get" className="mt-4 rounded-md border border-gray-300 bg-white p-4">
        <fieldset>
          <legend className="font-semibold">{t("inbox.filtersHeading")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <label htmlFor="filter-status">{t("inbox.statusLabel")}</label>
              <select id="filter-status" name="status" defaultValue={filters.status} className={inputClass}>
                <option value="open">{t("inbox.statusOpen")}</option>
                <option value="all">{t("inbox.statusAll")}</option>
                {IDEA_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`, { ns: "ideas" })}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-owner">{t("inbox.ownerLabel")}</label>
              <select id="filter-owner" name="ansvarlig" defaultValue={filters.owner} className={inputClass}>
                <option value="">{t("inbox.ownerAny")}</option>
                <option value="mine">{t("inbox.ownerMine")}</option>
                <option value="unassigned">{t("inbox.ownerUnassigned")}</option>
                {data.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-theme">{t("inbox.themeLabel")}</label>
              <select id="filter-theme" name="tema" defaultValue={filters.themeId} className={inputClass}>
                <option value="">{t("inbox.themeAny")}</option>
                {data.themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-organisation">{t("inbox.organisationLabel")}</label>
              <select id="filter-organisation" name="organisasjon" defaultValue={filters.organisationId} className={inputClass}>
                <option value="">{t("inbox.organisationAny")}</option>
                {data.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" name="forfalt" value="1" defaultChecked={filters.overdue} className="h-5 w-5" />
              {t("inbox.overdueLabel")}
            </label>
            <button type="submit" className={primaryButtonClass}>
              {t("inbox.apply")}
            </button>
            <Link to={base}>{t("inbox.reset")}</Link>
          </div>
        </fieldset>
      </Form>

      <p className="mt-4" role="status">
        {data.pageCount > 1
          ? t("inbox.showingRange", { from: data.firstShown, to: data.firstShown + data.ideas.length - 1, total: data.total })
          : t("inbox.showing", { count: data.ideas.length })}
      </p>
      {data.ideas.length === 0 ? (
        <p className="mt-2">{t("inbox.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="inbox-table">
            <caption className="sr-only">{t("inbox.tableCaption")}</caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className="p-2">
                  <span className="sr-only">{t("inbox.colSelect")}</span>
                </th>
                <th scope="col" className="p-2">{t("inbox.colNumber")}</th>
                <th scope="col" className="p-2">{t("inbox.colTitle")}</th>
                <th scope="col" className="p-2">{t("inbox.colStatus")}</th>
                <th scope="col" className="p-2">{t("inbox.colDue")}</th>
                <th scope="col" className="p-2">{t("inbox.colOwner")}</th>
                <th scope="col" className="p-2">{t("inbox.colOrganisation")}</th>
                <th scope="col" className="p-2">{t("inbox.colTheme")}</th>
                <th scope="col" className="p-2">{t("inbox.colSupports")}</th>
                <th scope="col" className="p-2">{t("inbox.colSameNeed")}</th>
              </tr>
            </thead>
            <tbody>
              {data.ideas.map((idea) => (
                <tr key={idea.id} className="border-b border-gray-200 align-top">
                  <td className="p-2">
                    <input
                      type="checkbox"
                      name="ideaIds"
                      value={idea.id}
                      form={BULK_FORM_ID}
                      defaultChecked={selected.has(idea.id)}
                      aria-label={t("inbox.selectIdea", { publicId: idea.publicId, title: idea.title })}
                      className="h-5 w-5"
                    />
                    <input type="hidden" name={`fromStatus.${idea.id}`} value={idea.status} form={BULK_FORM_ID} />
                  </td>
                  <td className="p-2 whitespace-nowrap">{idea.publicId}</td>
                  <td className="p-2">
                    <Link to={`/ideer/${idea.publicId}/behandle`}>{idea.title}</Link>
                  </td>
                  <td className="p-2">
                    <IdeaStatusBadge status={idea.status} />
                  </td>
                  <td className="p-2 whitespace-nowrap">
                    {idea.nextDueAt ? <time dateTime={idea.nextDueAt.iso}>{idea.nextDueAt.text}</time> : t("inbox.noDue")}
                    {idea.overdue ? <span className="ml-1 font-semibold text-danger-700">({t("inbox.overdue")})</span> : null}
                  </td>
                  <td className="p-2">{idea.ownerName ?? t("inbox.noOwner")}</td>
                  <td className="p-2">{idea.organisationName}</td>
                  <td className="p-2">{idea.themeName}</td>
                  <td className="p-2 text-right" data-testid="support-count">
                    {idea.supportCount}
                  </td>
                  <td className="p-2 text-right" data-testid="same-need-count">
                    {idea.sameNeedCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.pageCount > 1 ? (
        <nav aria-label={t("inbox.pagination")} className="mt-4">
          <ul className="flex flex-wrap items-center gap-4">
            {data.page > 1 ? (
              <li>
                <Link to={pageHref(base, filterParams, data.page - 1)} rel="prev">
                  {t("inbox.previousPage")}
                </Link>
              </li>
            ) : null}
            <li>{t("inbox.pageOf", { page: data.page, pages: data.pageCount })}</li>
            {data.page < data.pageCount ? (
              <li>
                <Link to={pageHref(base, filterParams, data.page + 1)} rel="next">
                  {t("inbox.nextPage")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}

      {/* A chosen template restarts the form with its text (Conform reads defaults on mount only); the ticks stay. */}
      <BulkAnswerForm key={data.chosenTemplate?.id ?? "none"} filterParams={filterParams} />

      {data.workload ? (
        <section aria-labelledby="workload-heading" className="mt-8 max-w-2xl">
          <h2 id="workload-heading" className="text-xl font-semibold">
            {t("inbox.workloadHeading")}
          </h2>
          <table className="mt-2 w-full border-collapse text-left text-sm" data-testid="workload-table">
            <caption className="sr-only">{t("inbox.workloadCaption")}</caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className="p-2">{t("inbox.workloadOwner")}</th>
                <th scope="col" className="p-2">{t("inbox.workloadOpen")}</th>
                <th scope="col" className="p-2">{t("inbox.workloadOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {data.workload.map((row) => (
                <tr key={row.ownerId ?? "none"} className="border-b border-gray-200">
                  <th scope="row" className="p-2 font-normal">
                    {row.ownerName ?? t("inbox.noOwner")}
                  </th>
                  <td className="p-2">{row.open}</td>
                  <td className="p-2">{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
