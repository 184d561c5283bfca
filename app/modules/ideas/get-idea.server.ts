import { sql } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import type { IdeaStatus, IdeaVisibility, RoutingExplanation } from "~/db/schema";

export type IdeaDetail = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  problem: string;
  proposalHtml: string;
  proposalJson: unknown;
  stopDoing: string | null;
  beneficiaries: string[];
  needContexts: string[];
  expectedBenefits: string[];
  theme: { id: string; slug: string; name_nb: string; name_nn: string; name_en: string };
  serviceAreas: { id: string; slug: string; name_nb: string; name_nn: string; name_en: string }[];
  relevantForSeveral: boolean;
  visibility: IdeaVisibility;
  hideName: boolean;
  organisationName: string;
  network: { id: string; name: string; slug: string };
  routingExplanation: RoutingExplanation;
  submittedAt: Date;
  firstAnswerDueAt: Date;
  /** When the submitter is next owed an answer (triage); null once closed. */
  nextDueAt: Date | null;
  organisationId: string;
  withdrawnReason: string | null;
  /** Null when the submitter chose to hide their name from you. */
  submitter: { id: string | null; displayName: string; onBehalfOfName: string | null } | null;
  isMine: boolean;
  /** An accepted co-creator (medskaper): may edit while the idea is 'received'. */
  isCocreator: boolean;
  supportCount: number;
  supportedByMe: boolean;
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
  events: { kind: string; createdAt: Date; data: Record<string, unknown> }[];
};

/** One idea as the user may see it (RLS decides); null if it does not exist for them. */
export async function getIdea(options: { user: SessionUser; publicId: string }): Promise<IdeaDetail | null> {
  return withUser(options.user, (trx) => readIdea(trx, options));
}

/** The same, inside a transaction the caller holds as the user. */
export async function readIdea(trx: Trx, options: { user: SessionUser; publicId: string }): Promise<IdeaDetail | null> {
  const idea = await trx
    .selectFrom("ideas")
    .innerJoin("organisations", "organisations.id", "ideas.organisation_id")
    .innerJoin("networks", "networks.id", "ideas.network_id")
    .innerJoin("themes", "themes.id", "ideas.theme_id")
    .select([
      "ideas.id",
      "ideas.public_id",
      "ideas.title",
      "ideas.status",
      "ideas.problem",
      "ideas.proposal_html",
      "ideas.proposal_json",
      "ideas.stop_doing",
      "ideas.beneficiaries",
      "ideas.need_contexts",
      "ideas.expected_benefits",
      "ideas.service_area_ids",
      "ideas.relevant_for_several",
      "ideas.visibility",
      "ideas.hide_name",
      "ideas.routing_explanation",
      "ideas.submitted_at",
      "ideas.first_answer_due_at",
      "ideas.withdrawn_reason",
      "ideas.next_due_at",
      "ideas.organisation_id",
      "organisations.name as organisation_name",
      "networks.id as network_id",
      "networks.name as network_name",
      "networks.slug as network_slug",
      "themes.id as theme_id",
      "themes.slug as theme_slug",
      "themes.name_nb as theme_nb",
      "themes.name_nn as theme_nn",
      "themes.name_en as theme_en",
    ])
    .where("ideas.public_id", "=", options.publicId)
    .executeTakeFirst();
  if (!idea) return null;
  const [submitter, serviceAreas, attachments, events, supports, cocreator] = await Promise.all([
    trx.selectFrom("idea_submitters").select(["submitter_id", "display_name", "on_behalf_of_name"]).where("idea_id", "=", idea.id).executeTakeFirst(),
    trx.selectFrom("service_areas").select(["id", "slug", "name_nb", "name_nn", "name_en"]).where("id", "in", idea.service_area_ids).orderBy("sort_order").execute(),
    trx.selectFrom("idea_attachments").select(["id", "file_name", "content_type", "size_bytes"]).where("idea_id", "=", idea.id).orderBy("created_at").execute(),
    trx.selectFrom("idea_events").select(["kind", "created_at", "data"]).where("idea_id", "=", idea.id).orderBy("created_at").execute(),
    sql<{ n: number; mine: boolean }>`select count(*)::int as n, coalesce(bool_or(profile_id = (select auth.uid())), false) as mine
      from public.idea_supports where idea_id = ${idea.id}`.execute(trx),
    sql<{ ok: boolean }>`select app_private.is_idea_cocreator(${idea.id}) as ok`.execute(trx),
  ]);
  return {
    id: idea.id,
    publicId: idea.public_id,
    title: idea.title,
    status: idea.status,
    problem: idea.problem,
    proposalHtml: idea.proposal_html,
    proposalJson: idea.proposal_json,
    stopDoing: idea.stop_doing,
    beneficiaries: idea.beneficiaries,
    needContexts: idea.need_contexts,
    expectedBenefits: idea.expected_benefits,
    theme: { id: idea.theme_id, slug: idea.theme_slug, name_nb: idea.theme_nb, name_nn: idea.theme_nn, name_en: idea.theme_en },
    serviceAreas,
    relevantForSeveral: idea.relevant_for_several,
    visibility: idea.visibility,
    hideName: idea.hide_name,
    organisationName: idea.organisation_name,
    network: { id: idea.network_id, name: idea.network_name, slug: idea.network_slug },
    routingExplanation: idea.routing_explanation,
    submittedAt: idea.submitted_at,
    firstAnswerDueAt: idea.first_answer_due_at,
    nextDueAt: idea.next_due_at,
    organisationId: idea.organisation_id,
    withdrawnReason: idea.withdrawn_reason,
    submitter: submitter
      ? { id: submitter.submitter_id, displayName: submitter.display_name, onBehalfOfName: submitter.on_behalf_of_name }
      : null,
    isMine: submitter?.submitter_id === options.user.id,
    isCocreator: cocreator.rows[0]?.ok ?? false,
    supportCount: supports.rows[0]?.n ?? 0,
    supportedByMe: supports.rows[0]?.mine ?? false,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes })),
    events: events.map((e) => ({ kind: e.kind, createdAt: e.created_at, data: e.data })),
  };
}
