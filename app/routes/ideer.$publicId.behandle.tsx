import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data as respond, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NetworkRating } from "~/components/idea/answer-feedback";
import { FlashMessage } from "~/components/idea/flash-message";
import { displayDate } from "~/components/idea/idea-dates";
import { describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { ReplyTemplatePicker } from "~/components/triage/reply-template-picker";
import { IdeaStatusBadge } from "~/components/idea/idea-status-badge";
import { pageTitle } from "~/components/page-title";
import type { EvaluationCriterion } from "~/db/schema";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { addInternalNote } from "~/modules/triage/add-internal-note.server";
import { assignIdeaOwner } from "~/modules/triage/assign-idea-owner.server";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import { getAnswerFeedback } from "~/modules/triage/get-answer-feedback.server";
import { getIdeaForTriage } from "~/modules/triage/get-idea-for-triage.server";
import { saveEvaluation } from "~/modules/triage/save-evaluation.server";
import { transferIdea } from "~/modules/triage/transfer-idea.server";
import { triageErrorStatus } from "~/modules/triage/triage-db-errors.server";
import { AssignOwnerSchema, ChangeStatusSchema, EvaluationSchema, InternalNoteSchema, TransferSchema } from "~/modules/triage/triage-schemas";
import { EVALUATION_CRITERIA, KS_PHASES, SIDE_EXITS } from "~/modules/triage/triage-vocabulary";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const INTENTS = ["status", "assign", "transfer", "evaluate", "note"] as const;
type Intent = (typeof INTENTS)[number];

async function load(user: CurrentUser, publicId: string | undefined) {
  const data = await getIdeaForTriage({ user, publicId: publicId ?? "" });
  if (!data) throw new Response(null, { status: 404 });
  return data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const data = await load(user, params.publicId);
  const url = new URL(request.url);
  const saved = url.searchParams.get("lagret");
  const template = data.templates.find((tpl) => tpl.id === url.searchParams.get("mal")) ?? null;
  const { idea } = data;
  const now = new Date();
  const feedback = await getAnswerFeedback({ user, ideaId: idea.id });
  return {
    title: t("triage.title", { ns: "triage", publicId: idea.public_id }),
    idea: {
      id: idea.id,
      publicId: idea.public_id,
      title: idea.title,
      problem: idea.problem,
      status: idea.status,
      networkId: idea.network_id,
      networkName: idea.network_name,
      networkSlug: idea.network_slug,
      ownerId: idea.owner_id,
      ownerName: data.members.find((m) => m.id === idea.owner_id)?.name ?? null,
      nextDueAt: idea.next_due_at ? displayDate(idea.next_due_at, locale) : null,
      overdue: idea.next_due_at !== null && idea.next_due_at < now,
      firstAnsweredAt: idea.first_answered_at ? displayDate(idea.first_answered_at, locale) : null,
      lookAgainAt: idea.look_again_at,
      mergedIntoPublicId: idea.merged_into_public_id,
      isMember: idea.is_member,
    },
    isCoordinator: user.networks.some((n) => n.id === idea.network_id && n.role === "coordinator") || user.platformRole === "admin",
    members: data.members,
    networks: data.networks,
    templates: data.templates.map((tpl) => ({ id: tpl.id, title: tpl.title })),
    chosenTemplate: template ? { id: template.id, body: template.body, toStatus: template.to_status } : null,
    answers: data.answers.map((a) => ({ ...a, created_at: undefined, createdAt: displayDate(a.created_at, locale, true) })),
    ratings: Object.fromEntries(feedback.ratings.map((r) => [r.answerId, { clear: r.clear, comment: r.comment }])),
    contest: feedback.contest ? { body: feedback.contest.body, date: displayDate(feedback.contest.createdAt, locale) } : null,
    notes: data.notes.map((n) => ({ ...n, created_at: undefined, createdAt: displayDate(n.created_at, locale, true) })),
    transfers: data.transfers.map((tr) => ({ ...tr, created_at: undefined, createdAt: displayDate(tr.created_at, locale, true) })),
    myEvaluation: data.myEvaluation,
    evaluationAverages: data.evaluationAverages,
    flash: (INTENTS as readonly string[]).includes(saved ?? "") ? `triage:triage.saved.${saved}` : null,
  };
}

const schemas = {
  status: ChangeStatusSchema,
  assign: AssignOwnerSchema,
  transfer: TransferSchema,
  evaluate: EvaluationSchema,
  note: InternalNoteSchema,
} as const;

type ActionData = { intent: Intent; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { idea } = await load(user, params.publicId);
  const formData = await request.formData();
  const intentValue = formData.get("intent");
  const intent = (INTENTS as readonly unknown[]).includes(intentValue) ? (intentValue as Intent) : null;
  if (!intent) {
    // Unknown intent (a tampered or stale form): refuse, but give back what was typed.
    const initialValue = Object.fromEntries(
      [...new Set(formData.keys())].map((key) => {
        const values = formData.getAll(key).filter((v) => typeof v === "string");
        return [key, values.length === 1 ? values[0] : values];
      }),
    );
    return respond<ActionData>({ intent: "status", result: { status: "error", initialValue, error: { "": ["triage:errors.invalid"] } } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: schemas[intent] });
  if (submission.status !== "success") return respond<ActionData>({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value as Record<string, unknown>;
  try {
    if (intent === "status") {
      const v = submission.value as ReturnType<typeof ChangeStatusSchema.parse>;
      await changeIdeaStatus({
        user,
        change: { ideaId: idea.id, fromStatus: v.fromStatus, toStatus: v.toStatus, body: v.body, lookAgainAt: v.lookAgainAt ?? null, mergeIntoPublicId: v.mergeInto ?? null },
      });
    } else if (intent === "assign") {
      const ownerId = value.ownerId === "none" ? null : String(value.ownerId);
      await assignIdeaOwner({ user, ideaId: idea.id, ownerId });
    } else if (intent === "transfer") {
      await transferIdea({ user, ideaId: idea.id, fromNetworkId: String(value.fromNetworkId), toNetworkId: String(value.toNetworkId), reason: String(value.reason) });
    } else if (intent === "evaluate") {
      await saveEvaluation({
        user,
        ideaId: idea.id,
        scores: EVALUATION_CRITERIA.map((criterion) => ({
          criterion,
          score: typeof value[`score_${criterion}`] === "number" ? (value[`score_${criterion}`] as number) : null,
          note: typeof value[`note_${criterion}`] === "string" ? (value[`note_${criterion}`] as string) : null,
        })),
      });
    } else {
      await addInternalNote({ user, ideaId: idea.id, body: String(value.note) });
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return respond<ActionData>({ intent, result: submission.reply({ formErrors: [`triage:errors.${error.code}`] }) }, { status: triageErrorStatus(error.code) });
  }
  // After a transfer the idea may no longer be ours to handle: go back to the inbox.
  if (intent === "transfer") throw redirect(`/nettverk/${idea.network_slug}/innboks`, 303);
  throw redirect(`/ideer/${encodeURIComponent(idea.public_id)}/behandle?lagret=${intent}`, 303);
}

function useIntentForm(intent: Intent, schema: (typeof schemas)[Intent], defaultValue?: Record<string, string | null | undefined>) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: `triage-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

function Section({ id, title, children, intro }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8 rounded-md border border-gray-300 bg-white p-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

function StatusForm() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  const [form, fields] = useIntentForm("status", ChangeStatusSchema, {
    toStatus: data.chosenTemplate?.toStatus ?? "",
    body: data.chosenTemplate?.body ?? "",
  });
  const bodyHint = "status-body-hint";
  const lookHint = "status-look-hint";
  const mergeHint = "status-merge-hint";
  const withdrawn = data.idea.status === "withdrawn";
  return (
    <Section id="status-heading" title={t("status.heading")} intro={t("status.intro")}>
      <p className="mt-2">{t("status.current", { status: t(`status.${data.idea.status}`, { ns: "ideas" }) })}</p>
      {withdrawn ? (
        <p className="mt-2">{t("errors.transition_not_allowed")}</p>
      ) : (
        <>
          <ReplyTemplatePicker idPrefix="" hint={t("status.templateHint")} templates={data.templates} chosenId={data.chosenTemplate?.id} />
          <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="fromStatus" value={data.idea.status} />
            <div>
              <label htmlFor={fields.toStatus.id} className="block font-semibold">
                {t("status.toStatusLabel")}
              </label>
              <select {...getSelectProps(fields.toStatus)} aria-describedby={describedBy(fields.toStatus.errors && fields.toStatus.errorId)} className={inputClass}>
                <option value="">{t("errors.statusRequired")}</option>
                <optgroup label={t("status.phases")}>
                  {KS_PHASES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`, { ns: "ideas" })}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("status.sideExits")}>
                  {SIDE_EXITS.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`, { ns: "ideas" })}
                    </option>
                  ))}
                </optgroup>
              </select>
              <FieldErrors id={fields.toStatus.errorId} errors={fields.toStatus.errors} />
            </div>
            <div>
              <label htmlFor={fields.body.id} className="block font-semibold">
                {t("status.bodyLabel")}
              </label>
              <p id={bodyHint} className="text-sm text-slate-700">
                {t("status.bodyHint")} {t("status.reasonHint")}
              </p>
              <textarea {...getTextareaProps(fields.body)} rows={6} aria-describedby={describedBy(bodyHint, fields.body.errors && fields.body.errorId)} className={inputClass} />
              <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor={fields.lookAgainAt.id} className="block font-semibold">
                  {t("status.lookAgainLabel")}
                </label>
                <p id={lookHint} className="text-sm text-slate-700">
                  {t("status.lookAgainHint")}
                </p>
                <input
                  {...getInputProps(fields.lookAgainAt, { type: "date" })}
                  aria-describedby={describedBy(lookHint, fields.lookAgainAt.errors && fields.lookAgainAt.errorId)}
                  className={inputClass}
                />
                <FieldErrors id={fields.lookAgainAt.errorId} errors={fields.lookAgainAt.errors} />
              </div>
              <div>
                <label htmlFor={fields.mergeInto.id} className="block font-semibold">
                  {t("status.mergeIntoLabel")}
                </label>
                <p id={mergeHint} className="text-sm text-slate-700">
                  {t("status.mergeIntoHint")}
                </p>
                <input
                  {...getInputProps(fields.mergeInto, { type: "text" })}
                  aria-describedby={describedBy(mergeHint, fields.mergeInto.errors && fields.mergeInto.errorId)}
                  className={inputClass}
                />
                <FieldErrors id={fields.mergeInto.errorId} errors={fields.mergeInto.errors} />
              </div>
            </div>
            <button type="submit" className={primaryButtonClass}>
              {t("status.submit")}
            </button>
          </Form>
        </>
      )}
      <h3 className="mt-6 text-lg font-semibold">{t("answers.heading")}</h3>
      {data.contest ? (
        <div className="mt-2 rounded-md border-l-4 border-danger-700 bg-danger-50 p-3" data-testid="contest">
          <p className="font-semibold">{t("feedback.networkContest", { date: data.contest.date.text })}</p>
          <p className="whitespace-pre-wrap break-words">{data.contest.body}</p>
        </div>
      ) : null}
      {data.answers.length === 0 ? (
        <p>{t("answers.empty")}</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {data.answers.map((a) => (
            <li key={a.id} className="border-l-4 border-brand-700 pl-3">
              <p className="font-semibold">
                {t("answers.item", { from: t(`status.${a.from_status}`, { ns: "ideas" }), to: t(`status.${a.to_status}`, { ns: "ideas" }) })}{" "}
                <span className="font-normal">({a.on_time ? t("answers.onTime") : t("answers.late")})</span>
              </p>
              <p className="whitespace-pre-wrap">{a.body}</p>
              <p className="text-sm text-slate-700">
                {t("answers.byAt", { author: a.author_name ?? t("formerEmployee"), date: "" })}
                <time dateTime={a.createdAt.iso}>{a.createdAt.text}</time>
              </p>
              <NetworkRating rating={data.ratings[a.id]} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function AssignForm() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  const [form, fields] = useIntentForm("assign", AssignOwnerSchema, { ownerId: data.idea.ownerId ?? "none" });
  return (
    <Section id="assign-heading" title={t("assign.heading")}>
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-3" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="assign" />
        <div>
          <label htmlFor={fields.ownerId.id} className="block font-semibold">
            {t("assign.ownerLabel")}
          </label>
          <select {...getSelectProps(fields.ownerId)} aria-describedby={describedBy(fields.ownerId.errors && fields.ownerId.errorId)} className={inputClass}>
            <option value="none">{t("assign.none")}</option>
            {data.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.ownerId.errorId} errors={fields.ownerId.errors} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("assign.submit")}
        </button>
      </Form>
    </Section>
  );
}

function TransferForm() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  const [form, fields] = useIntentForm("transfer", TransferSchema);
  const hint = "transfer-reason-hint";
  return (
    <Section id="transfer-heading" title={t("transfer.heading")} intro={t("transfer.intro")}>
      <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="transfer" />
        <input type="hidden" name="fromNetworkId" value={data.idea.networkId} />
        <div>
          <label htmlFor={fields.toNetworkId.id} className="block font-semibold">
            {t("transfer.networkLabel")}
          </label>
          <select {...getSelectProps(fields.toNetworkId)} aria-describedby={describedBy(fields.toNetworkId.errors && fields.toNetworkId.errorId)} className={inputClass}>
            <option value="">{t("transfer.networkChoose")}</option>
            {data.networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.toNetworkId.errorId} errors={fields.toNetworkId.errors} />
        </div>
        <div>
          <label htmlFor={fields.reason.id} className="block font-semibold">
            {t("transfer.reasonLabel")}
          </label>
          <p id={hint} className="text-sm text-slate-700">
            {t("transfer.reasonHint")}
          </p>
          <textarea {...getTextareaProps(fields.reason)} rows={3} aria-describedby={describedBy(hint, fields.reason.errors && fields.reason.errorId)} className={inputClass} />
          <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("transfer.submit")}
        </button>
      </Form>
      {data.transfers.length > 0 ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">{t("transfer.historyHeading")}</h3>
          <ul className="mt-2 space-y-2">
            {data.transfers.map((tr) => (
              <li key={tr.id}>
                <p>{t("transfer.historyItem", { from: tr.from_name, to: tr.to_name, date: tr.createdAt.text })}</p>
                <p className="whitespace-pre-wrap text-slate-700">{tr.reason}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function EvaluationForm() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("triage");
  const [form, fields] = useIntentForm("evaluate", EvaluationSchema);
  const mine = data.myEvaluation as Partial<Record<EvaluationCriterion, { score: number; note: string | null }>>;
  const averages = data.evaluationAverages as Partial<Record<EvaluationCriterion, { average: number; count: number }>>;
  // After a refused post the scores and notes as typed come back, not the saved ones.
  const typed = actionData?.intent === "evaluate" ? ((actionData.result.initialValue ?? null) as Record<string, unknown> | null) : null;
  const initial = (name: string, saved: string) => (typed ? (typeof typed[name] === "string" ? (typed[name] as string) : "") : saved);
  return (
    <Section id="evaluation-heading" title={t("evaluation.heading")} intro={t("evaluation.intro")}>
      <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="evaluate" />
        {EVALUATION_CRITERIA.map((criterion) => {
          const avg = averages[criterion];
          const avgId = `avg-${criterion}`;
          const scoreErrors = fields[`score_${criterion}`]?.errors;
          const noteErrors = fields[`note_${criterion}`]?.errors;
          const scoreErrorId = `score_${criterion}-error`;
          const noteErrorId = `note_${criterion}-error`;
          return (
            <fieldset key={criterion} className="rounded border border-gray-200 p-3">
              <legend className="px-1 font-semibold">{t(`evaluation.criteria.${criterion}`)}</legend>
              {avg ? (
                <p id={avgId} className="text-sm text-slate-700">
                  {t("evaluation.average", { average: avg.average.toLocaleString(i18n.language === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: 1 }), count: avg.count })}
                </p>
              ) : null}
              <div className="grid gap-3 sm:grid-cols-3">
                <div>
                  <label htmlFor={`score_${criterion}`}>{t("evaluation.scoreLabel")}</label>
                  <select
                    id={`score_${criterion}`}
                    name={`score_${criterion}`}
                    defaultValue={initial(`score_${criterion}`, String(mine[criterion]?.score ?? ""))}
                    aria-invalid={scoreErrors ? true : undefined}
                    aria-describedby={describedBy(avg && avgId, scoreErrors && scoreErrorId)}
                    className={inputClass}
                  >
                    <option value="">{t("evaluation.scoreNone")}</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  <FieldErrors id={scoreErrorId} errors={scoreErrors} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={`note_${criterion}`}>{t("evaluation.noteLabel")}</label>
                  <input
                    id={`note_${criterion}`}
                    name={`note_${criterion}`}
                    type="text"
                    maxLength={2000}
                    defaultValue={initial(`note_${criterion}`, mine[criterion]?.note ?? "")}
                    aria-invalid={noteErrors ? true : undefined}
                    aria-describedby={describedBy(noteErrors && noteErrorId)}
                    className={inputClass}
                  />
                  <FieldErrors id={noteErrorId} errors={noteErrors} />
                </div>
              </div>
            </fieldset>
          );
        })}
        <button type="submit" className={primaryButtonClass}>
          {t("evaluation.submit")}
        </button>
      </Form>
    </Section>
  );
}

function NotesForm() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  const [form, fields] = useIntentForm("note", InternalNoteSchema);
  return (
    <Section id="notes-heading" title={t("notes.heading")} intro={t("notes.intro")}>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="note" />
        <div>
          <label htmlFor={fields.note.id} className="block font-semibold">
            {t("notes.label")}
          </label>
          <textarea {...getTextareaProps(fields.note)} rows={3} aria-describedby={describedBy(fields.note.errors && fields.note.errorId)} className={inputClass} />
          <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("notes.submit")}
        </button>
      </Form>
      {data.notes.length === 0 ? (
        <p className="mt-4">{t("notes.empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {data.notes.map((n) => (
            <li key={n.id}>
              <p className="whitespace-pre-wrap">{n.body}</p>
              <p className="text-sm text-slate-700">{t("notes.byAt", { author: n.author_name ?? t("formerEmployee"), date: n.createdAt.text })}</p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export default function TriageIdeaPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("triage");
  const { idea } = data;
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={data.flash} />
      <p>
        <Link to={`/nettverk/${idea.networkSlug}/innboks`}>{t("triage.backToInbox")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("triage.title", { publicId: idea.publicId })}</h1>
      <p className="mt-1 text-lg break-words">{idea.title}</p>
      <section aria-labelledby="summary-heading" className="mt-4">
        <h2 id="summary-heading" className="sr-only">
          {t("triage.summaryHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="font-semibold">{t("triage.status")}</dt>
            <dd>
              <IdeaStatusBadge status={idea.status} />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("triage.network")}</dt>
            <dd>{idea.networkName}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("triage.owner")}</dt>
            <dd>{idea.ownerName ?? t("triage.noOwner")}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("triage.nextDue")}</dt>
            <dd>
              {idea.nextDueAt ? <time dateTime={idea.nextDueAt.iso}>{idea.nextDueAt.text}</time> : t("triage.nextDueNone")}
              {idea.overdue ? <strong className="ml-1 text-danger-700">({t("triage.overdue")})</strong> : null}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("triage.firstAnswered")}</dt>
            <dd>{idea.firstAnsweredAt ? <time dateTime={idea.firstAnsweredAt.iso}>{idea.firstAnsweredAt.text}</time> : t("triage.notAnswered")}</dd>
          </div>
          {idea.lookAgainAt ? (
            <div>
              <dt className="font-semibold">{t("triage.lookAgain")}</dt>
              <dd>
                <time dateTime={idea.lookAgainAt}>{idea.lookAgainAt}</time>
              </dd>
            </div>
          ) : null}
          {idea.mergedIntoPublicId ? (
            <div>
              <dt className="font-semibold">{t("triage.mergedInto")}</dt>
              <dd>
                <Link to={`/ideer/${idea.mergedIntoPublicId}`}>{idea.mergedIntoPublicId}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <h3 className="mt-4 font-semibold">{t("triage.problem")}</h3>
        <p className="whitespace-pre-wrap">{idea.problem}</p>
        <p className="mt-2">
          <Link to={`/ideer/${idea.publicId}`}>{t("triage.viewIdea")}</Link>
        </p>
      </section>
      {/* A chosen template restarts the form with its text (Conform reads defaults on mount only). */}
      <StatusForm key={data.chosenTemplate?.id ?? "none"} />
      <AssignForm />
      {idea.isMember ? <EvaluationForm /> : null}
      <NotesForm />
      <TransferForm />
      {data.isCoordinator ? (
        <p className="mt-8">
          <Link to={`/nettverk/${idea.networkSlug}/svarmaler`}>{t("templates.manageLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}
