import crypto from "node:crypto";
import { sql } from "kysely";
import { asService, type Db } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { parseSearchParams, type SearchQuery } from "~/modules/search/search-query-schema";

/** A seeded demo idea that merged test ideas point to. */
const MERGE_TARGET = "70000000-0000-4000-8000-000000000001";

export type SeedIdea = {
  submitter: string;
  title: string;
  problem?: string;
  proposal?: string;
  theme?: string;
  areas?: string[];
  visibility?: "partners" | "organisation";
  status?: IdeaStatus;
  /** Days before now it was submitted (its answer is due 14 days after that). */
  daysAgo?: number;
  supporters?: string[];
};

/** Inserts an idea the way the seed does (the database routes and numbers it), on the service path. */
export async function seedIdea(db: Db, idea: SeedIdea): Promise<{ id: string; publicId: string }> {
  return asService(
    "test: seed a search idea",
    async (trx) => {
      const id = crypto.randomUUID();
      const proposal = idea.proposal ?? "Vi prøver dette i tre måneder og ser hva som skjer.";
      await sql`
        insert into public.ideas (id, organisation_id, unit_id, network_id, title, problem, proposal_json, proposal_html,
          proposal_text, theme_id, service_area_ids, visibility, privacy_confirmed_at, idempotency_key, first_answer_due_at)
        select ${id}::uuid, p.organisation_id, p.unit_id,
          (select r.network_id from public.route_idea(p.organisation_id, t.id, areas.ids, false) r),
          ${idea.title}, ${idea.problem ?? "Et problem som gjelder mange av oss i tjenesten."}, '{}'::jsonb, ${`<p>${proposal}</p>`},
          ${proposal}, t.id, areas.ids, ${idea.visibility ?? "partners"}::public.idea_visibility, now(), gen_random_uuid(),
          now() + interval '14 days'
        from public.profiles p
        join public.themes t on t.slug = ${idea.theme ?? "mestringsteknologi"}
        cross join lateral (select array_agg(a.id) as ids from public.service_areas a where a.slug = any(${idea.areas ?? ["hjemmetjenester"]}::text[])) areas
        where p.email = ${idea.submitter}`.execute(trx);
      await sql`insert into public.idea_submitters (idea_id, submitter_id, display_name)
        select ${id}::uuid, p.id, p.full_name from public.profiles p where p.email = ${idea.submitter}`.execute(trx);
      const days = idea.daysAgo ?? 0;
      // Shift the clock back first (the answer is owed 14 days after submission), then set the status;
      // the triage trigger clears next_due_at when the status closes the idea.
      await sql`update public.ideas set submitted_at = now() - make_interval(days => ${days}),
          first_answer_due_at = now() - make_interval(days => ${days}) + interval '14 days',
          next_due_at = now() - make_interval(days => ${days}) + interval '14 days'
        where id = ${id}::uuid`.execute(trx);
      const status = idea.status ?? "received";
      if (status !== "received") {
        await sql`update public.ideas set status = ${status}::public.idea_status,
            merged_into_id = case when ${status} = 'merged' then ${MERGE_TARGET}::uuid end
          where id = ${id}::uuid`.execute(trx);
      }
      for (const email of idea.supporters ?? []) {
        await sql`insert into public.idea_supports (idea_id, profile_id) select ${id}::uuid, id from public.profiles where email = ${email}`.execute(trx);
      }
      const row = await trx.selectFrom("ideas").select("public_id").where("id", "=", id).executeTakeFirstOrThrow();
      return { id, publicId: row.public_id };
    },
    db,
  );
}

/** A search as the URL would carry it. */
export function query(search: string): SearchQuery {
  return parseSearchParams(new URLSearchParams(search)).query;
}
