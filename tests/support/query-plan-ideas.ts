import { sql } from "kysely";
import { asService } from "~/db/client.server";
import type { TestDatabase } from "./test-database";

/**
 * 3 000 generated ideas across four municipalities (every third organisation-only, titles from eight
 * words), routed by the real rules and analysed: enough rows for the planner to choose indexes in the
 * EXPLAIN tests.
 */
export async function insertIdeasForQueryPlans(testDb: TestDatabase) {
  await asService(
    "test: bulk ideas for query plans",
    (trx) => sql`
      insert into public.ideas (organisation_id, network_id, title, problem, proposal_json, proposal_html, proposal_text,
        theme_id, service_area_ids, visibility, privacy_confirmed_at, idempotency_key, first_answer_due_at)
      select o.id, (select r.network_id from public.route_idea(o.id, th.id, array[sa.id], false) r),
        'Forslag nummer ' || g || ' om ' || (array['kaffe', 'sengetøy', 'nøkler', 'bil', 'vakter', 'turnus', 'rapport', 'pasient'])[1 + g % 8],
        'Et problem som handler om ting nummer ' || g, '{}'::jsonb, '<p>x</p>', 'Vi foreslår noe nytt ' || md5(g::text),
        th.id, array[sa.id], case when g % 3 = 0 then 'organisation' else 'partners' end::public.idea_visibility,
        now(), gen_random_uuid(), now() + interval '14 days'
      from generate_series(1, 3000) g
      join public.organisations o on o.slug = (array['asker', 'drammen', 'lier', 'kongsberg'])[1 + g % 4]
      join public.themes th on th.slug = 'mestringsteknologi'
      join public.service_areas sa on sa.slug = 'hjemmetjenester'`.execute(trx),
    testDb.db,
  );
  await sql`analyze public.ideas`.execute(testDb.db);
}
