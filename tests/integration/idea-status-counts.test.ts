import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { compactIdeaCounts } from "~/modules/search/compact-idea-counts.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The list page's counts per status come from app_private.visible_idea_status_counts() (group
// counters kept by triggers) instead of counting every visible idea. They must be the very numbers
// that counting public.ideas as the same user gives, for every user, after every kind of change.

let testDb: TestDatabase;
type Person = { id: string; email: string };
let people: Person[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  people = await asService("test: every demo profile", (trx) => trx.selectFrom("profiles").select(["id", "email"]).orderBy("email").execute(), testDb.db);
}, 120_000);
afterAll(async () => {
  await testDb.close();
});

async function countsAs(person: Person) {
  return withUser(
    person,
    async (trx) => {
      const fromCounters = (await sql<{ status: string; count: number }>`select status, count from app_private.visible_idea_status_counts()`.execute(trx)).rows;
      const counted = (await sql<{ status: string; count: number }>`select status, count(*)::int as count from public.ideas group by status`.execute(trx)).rows;
      const asMap = (rows: { status: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]).sort());
      return { fromCounters: asMap(fromCounters), counted: asMap(counted) };
    },
    testDb.db,
  );
}

async function expectSameForEveryone() {
  for (const person of people) {
    const { fromCounters, counted } = await countsAs(person);
    expect({ who: person.email, counts: fromCounters }).toEqual({ who: person.email, counts: counted });
  }
}

/** Organisation-only and partner ideas in several organisations, by the service path (triggers on). */
async function addIdeas(count: number, offset: number) {
  await asService(
    "test: more ideas",
    (trx) => sql`
      insert into public.ideas (organisation_id, network_id, title, problem, proposal_json, proposal_html, proposal_text,
        theme_id, service_area_ids, visibility, privacy_confirmed_at, idempotency_key, first_answer_due_at)
      select o.id, (select r.network_id from public.route_idea(o.id, th.id, array[sa.id], false) r),
        'Telleprøve nummer ' || g, 'Et problem som handler om telling ' || g, '{}'::jsonb, '<p>x</p>', 'Tekst',
        th.id, array[sa.id], case when g % 2 = 0 then 'organisation' else 'partners' end::public.idea_visibility,
        now(), gen_random_uuid(), now() + interval '14 days'
      from generate_series(${offset}::int, ${offset + count - 1}::int) g
      join public.organisations o on o.slug = (array['asker', 'drammen', 'lier', 'kongsberg'])[1 + g % 4]
      join public.themes th on th.slug = 'mestringsteknologi'
      join public.service_areas sa on sa.slug = 'hjemmetjenester'`.execute(trx),
    testDb.db,
  );
}

describe("visible_idea_status_counts", () => {
  it("equals counting the visible ideas, for every demo user, on the demo data", async () => {
    await expectSameForEveryone();
  });

  it("stays equal after inserts, status, visibility and network changes, deletes, and folding", async () => {
    await addIdeas(40, 1);
    await expectSameForEveryone();

    await asService(
      "test: change ideas",
      async (trx) => {
        await sql`update public.ideas set status = 'withdrawn' where title like 'Telleprøve nummer 1_'`.execute(trx);
        await sql`update public.ideas set visibility = 'partners' where title like 'Telleprøve nummer 2_'`.execute(trx);
        await sql`update public.ideas set visibility = 'organisation' where title like 'Telleprøve nummer 3_' and visibility = 'partners'`.execute(trx);
        await sql`update public.ideas set network_id = (select id from public.networks order by slug limit 1) where title like 'Telleprøve nummer 4_'`.execute(trx);
        // An update that changes no group (most updates) writes no delta.
        await sql`update public.ideas set updated_at = now() where title like 'Telleprøve nummer 5_'`.execute(trx);
        await sql`delete from public.ideas where title in ('Telleprøve nummer 6', 'Telleprøve nummer 7')`.execute(trx);
      },
      testDb.db,
    );
    await expectSameForEveryone();

    // A co-submitter from another organisation sees an organisation-only idea only as its submitter.
    await asService(
      "test: submitter from elsewhere",
      (trx) => sql`
        insert into public.idea_submitters (idea_id, submitter_id, display_name)
        select i.id, p.id, p.full_name from public.ideas i, public.profiles p
        where i.title = 'Telleprøve nummer 8' and p.email = 'nina.aas@kongsberg.example.no'`.execute(trx),
      testDb.db,
    );
    await expectSameForEveryone();

    const before = await asService("test: delta rows", (trx) => sql<{ n: number }>`select count(*)::int as n from app_private.idea_count_deltas`.execute(trx), testDb.db);
    await compactIdeaCounts(testDb.db);
    const after = await asService("test: delta rows", (trx) => sql<{ n: number }>`select count(*)::int as n from app_private.idea_count_deltas`.execute(trx), testDb.db);
    expect(after.rows[0]!.n).toBeLessThan(before.rows[0]!.n);
    await expectSameForEveryone();

    await addIdeas(5, 100);
    await asService("test: rebuild", (trx) => sql`select app_private.rebuild_idea_counts()`.execute(trx), testDb.db);
    await expectSameForEveryone();
  }, 120_000);

  it("is not open to anonymous visitors, and the delta table to nobody but the service", async () => {
    const anon = await testDb.db
      .transaction()
      .execute(async (trx) => {
        await sql`select set_config('role', 'anon', true)`.execute(trx);
        return sql`select * from app_private.visible_idea_status_counts()`.execute(trx);
      })
      .then(
        () => "allowed",
        () => "refused",
      );
    expect(anon).toBe("refused");
    const direct = await withUser(people[0]!, (trx) => sql`select * from app_private.idea_count_deltas`.execute(trx), testDb.db).then(
      () => "allowed",
      () => "refused",
    );
    expect(direct).toBe("refused");
  });
});
