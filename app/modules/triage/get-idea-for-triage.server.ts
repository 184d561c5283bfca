import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { EvaluationCriterion } from "~/db/schema";

/**
 * Everything the triage page needs, or null when the user is neither a member of the idea's
 * network nor an admin (the route answers 404, as for an idea that does not exist).
 */
export async function getIdeaForTriage(options: { user: SessionUser; publicId: string }) {
  return withUser(options.user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .innerJoin("networks", "networks.id", "ideas.network_id")
      .leftJoin("ideas as merged_into", "merged_into.id", "ideas.merged_into_id")
      .select([
        "ideas.id",
        "ideas.public_id",
        "ideas.title",
        "ideas.problem",
        "ideas.status",
        "ideas.network_id",
        "networks.name as network_name",
        "networks.slug as network_slug",
        "ideas.owner_id",
        "ideas.next_due_at",
        "ideas.first_answer_due_at",
        "ideas.first_answered_at",
        "ideas.look_again_at",
        "merged_into.public_id as merged_into_public_id",
        sql<boolean>`app_private.is_network_member(ideas.network_id)`.as("is_member"),
        sql<boolean>`app_private.is_platform_admin()`.as("is_admin"),
      ])
      .where("ideas.public_id", "=", options.publicId.toUpperCase())
      .executeTakeFirst();
    if (!idea || (!idea.is_member && !idea.is_admin)) return null;

    const [members, templates, networks, answers, notes, evaluations, transfers] = await Promise.all([
      trx
        .selectFrom("network_members")
        .innerJoin("profiles", "profiles.id", "network_members.profile_id")
        .select(["profiles.id", "profiles.full_name"])
        .where("network_members.network_id", "=", idea.network_id)
        .orderBy("profiles.full_name")
        .execute(),
      trx
        .selectFrom("reply_templates")
        .select(["id", "title", "body", "to_status"])
        .where("network_id", "=", idea.network_id)
        .orderBy("sort_order")
        .orderBy("title")
        .execute(),
      trx.selectFrom("networks").select(["id", "name"]).where("id", "<>", idea.network_id).orderBy("name").execute(),
      trx
        .selectFrom("idea_answers")
        .leftJoin("profiles", "profiles.id", "idea_answers.author_id")
        .select(["idea_answers.id", "idea_answers.from_status", "idea_answers.to_status", "idea_answers.body", "idea_answers.on_time", "idea_answers.created_at", "profiles.full_name as author_name"])
        .where("idea_answers.idea_id", "=", idea.id)
        .orderBy("idea_answers.created_at", "desc")
        .execute(),
      trx
        .selectFrom("idea_internal_notes")
        .leftJoin("profiles", "profiles.id", "idea_internal_notes.author_id")
        .select(["idea_internal_notes.id", "idea_internal_notes.body", "idea_internal_notes.created_at", "profiles.full_name as author_name"])
        .where("idea_internal_notes.idea_id", "=", idea.id)
        .orderBy("idea_internal_notes.created_at", "desc")
        .execute(),
      trx
        .selectFrom("idea_evaluations")
        .select(["evaluator_id", "criterion", "score", "note"])
        .where("idea_id", "=", idea.id)
        .execute(),
      trx
        .selectFrom("idea_transfers")
        .innerJoin("networks as from_network", "from_network.id", "idea_transfers.from_network_id")
        .innerJoin("networks as to_network", "to_network.id", "idea_transfers.to_network_id")
        .select(["idea_transfers.id", "idea_transfers.reason", "idea_transfers.created_at", "from_network.name as from_name", "to_network.name as to_name"])
        .where("idea_transfers.idea_id", "=", idea.id)
        .orderBy("idea_transfers.created_at", "desc")
        .execute(),
    ]);

    const mine = new Map<EvaluationCriterion, { score: number; note: string | null }>();
    const totals = new Map<EvaluationCriterion, { sum: number; count: number }>();
    for (const e of evaluations) {
      if (e.evaluator_id === options.user.id) mine.set(e.criterion, { score: e.score, note: e.note });
      const t = totals.get(e.criterion) ?? { sum: 0, count: 0 };
      totals.set(e.criterion, { sum: t.sum + e.score, count: t.count + 1 });
    }
    return {
      idea,
      members: members.map((m) => ({ id: m.id, name: m.full_name })),
      templates,
      networks,
      answers,
      notes,
      myEvaluation: Object.fromEntries(mine) as Partial<Record<EvaluationCriterion, { score: number; note: string | null }>>,
      evaluationAverages: Object.fromEntries([...totals].map(([c, t]) => [c, { average: t.sum / t.count, count: t.count }])) as Partial<
        Record<EvaluationCriterion, { average: number; count: number }>
      >,
      transfers,
    };
  });
}
