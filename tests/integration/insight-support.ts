import crypto from "node:crypto";
import { sql } from "kysely";
import { asService, type Db } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { addWorkingDays } from "~/modules/sla/working-days";

export type InsightIdea = {
  organisationId: string;
  networkId: string;
  themeId: string;
  areaIds: string[];
  unitId?: string | null;
  visibility?: "partners" | "organisation";
  submittedAt: string;
  firstAnsweredAt?: string;
  status?: IdeaStatus;
  /** When the answer that closed it was given (closed statuses other than withdrawn). */
  closedAt?: string;
  withdrawnAt?: string;
  /** When the next answer is owed (open ideas); the first-answer deadline when unanswered. */
  nextDueAt?: string;
  ownerId?: string | null;
};

/**
 * An idea with fixed timestamps, written on the service path: inserted the normal way (routed and
 * numbered by the database), then moved to the given dates. The first-answer deadline is the SLA's
 * (10 working days after the day of submission).
 */
export async function insertInsightIdea(db: Db, idea: InsightIdea): Promise<string> {
  return asService(
    "test: an idea with fixed timestamps for insight figures",
    async (trx) => {
      const id = crypto.randomUUID();
      await sql`insert into public.ideas (id, organisation_id, unit_id, network_id, title, problem, proposal_json, proposal_html,
          proposal_text, theme_id, service_area_ids, visibility, privacy_confirmed_at, idempotency_key, first_answer_due_at)
        values (${id}, ${idea.organisationId}, ${idea.unitId ?? null}, ${idea.networkId}, ${`Innsiktsprøve ${id.slice(0, 8)}`},
          'Et problem som gjelder mange av oss.', '{}'::jsonb, '<p>Forslag</p>', 'Forslag', ${idea.themeId}, ${idea.areaIds}::uuid[],
          ${idea.visibility ?? "partners"}::public.idea_visibility, now(), gen_random_uuid(), now() + interval '1 day')`.execute(trx);
      const submitted = new Date(idea.submittedAt);
      const due = addWorkingDays(submitted, 10);
      await sql`update public.ideas set submitted_at = ${submitted}, first_answer_due_at = ${due},
          first_answered_at = ${idea.firstAnsweredAt ? new Date(idea.firstAnsweredAt) : null},
          last_answer_at = ${idea.firstAnsweredAt ? new Date(idea.firstAnsweredAt) : null},
          next_due_at = ${idea.nextDueAt ? new Date(idea.nextDueAt) : due}, owner_id = ${idea.ownerId ?? null}
        where id = ${id}`.execute(trx);
      const status = idea.status ?? "received";
      if (status === "withdrawn") {
        await sql`update public.ideas set status = 'withdrawn', withdrawn_reason = 'Trukket i testen',
            withdrawn_at = ${new Date(idea.withdrawnAt!)} where id = ${id}`.execute(trx);
      } else if (idea.closedAt) {
        const answer = await trx
          .insertInto("idea_answers")
          .values({ idea_id: id, to_status: status, body: "Svar til innsenderen i testen." })
          .returning("id")
          .executeTakeFirstOrThrow();
        await sql`update public.idea_answers set created_at = ${new Date(idea.closedAt)} where id = ${answer.id}`.execute(trx);
      } else if (status !== "received") {
        await sql`update public.ideas set status = ${status}::public.idea_status where id = ${id}`.execute(trx);
      }
      return id;
    },
    db,
  );
}

export async function addRoutingRule(db: Db, position: number, organisationId: string, networkId: string) {
  await asService(
    "test: routing rule",
    (trx) =>
      trx
        .insertInto("routing_rules")
        .values({ position, name: `Regel ${position}`, network_id: networkId, match_organisation_ids: [organisationId] })
        .execute(),
    db,
  );
}

export async function addSameNeed(db: Db, ideaId: string, organisationId: string, at: string) {
  await asService(
    "test: same-need signal at a fixed time",
    async (trx) => {
      const row = await trx.insertInto("idea_same_need").values({ idea_id: ideaId, organisation_id: organisationId }).returning("id").executeTakeFirstOrThrow();
      await sql`update public.idea_same_need set created_at = ${new Date(at)} where id = ${row.id}`.execute(trx);
    },
    db,
  );
}
