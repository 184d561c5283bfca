import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDataset, generateDataset } from "../../bench/generate.mjs";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let before: Awaited<ReturnType<typeof checkDataset>>;
let after: Awaited<ReturnType<typeof checkDataset>>;

// The benchmark's data generator on a tiny data set: what it writes must look like what the app writes.
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  const client = await testDb.engine.pool.connect();
  try {
    const query = (statement: string) => client.query(statement);
    before = await checkDataset(query);
    await generateDataset(query, { ideas: 200, stories: 20, profiles: 60 });
    after = await checkDataset(query);
  } finally {
    client.release();
  }
}, 180_000);

afterAll(async () => {
  await testDb.close();
});

describe("benchmark data generator", () => {
  it("adds the requested ideas, stories and people on top of the demo data", () => {
    expect(after.counts.ideas - before.counts.ideas).toBe(200);
    expect(after.counts.stories - before.counts.stories).toBe(20);
    expect(after.counts.profiles - before.counts.profiles).toBe(60);
    expect(after.counts.answers).toBeGreaterThan(100);
    expect(after.counts.comments).toBeGreaterThan(50);
    expect(after.counts.supports).toBeGreaterThan(50);
    expect(after.counts.storyBenefits).toBeGreaterThanOrEqual(20);
  });

  it("leaves nothing inconsistent: search vectors, statuses following answers, deadlines, counters", () => {
    expect(after.problems).toEqual(Object.fromEntries(Object.keys(after.problems).map((key) => [key, 0])));
  });

  it("writes ideas the app can find, number and answer", async () => {
    const client = await testDb.engine.pool.connect();
    try {
      const found = await client.query(
        "select count(*)::int as n from public.ideas where search_vector @@ websearch_to_tsquery('norwegian', 'trygghetsalarm')",
      );
      expect(found.rows[0].n).toBeGreaterThan(0);
      const statuses = await client.query("select count(distinct status)::int as n from public.ideas");
      expect(statuses.rows[0].n).toBeGreaterThanOrEqual(5);
      // A new submission after the bulk load gets the next free number (the counter was moved on).
      const next = await client.query(
        "select (select last_value from public.idea_number_counters where year = extract(year from now() at time zone 'Europe/Oslo')::int) as counter, (select max(number) from public.ideas where year = extract(year from now() at time zone 'Europe/Oslo')::int) as max",
      );
      expect(next.rows[0].counter).toBe(next.rows[0].max);
      const triggers = await client.query("select current_setting('session_replication_role') as role");
      expect(triggers.rows[0].role).toBe("origin");
    } finally {
      client.release();
    }
  });

  it("numbers the 10 000th idea of a year IDE-<year>-10000 (found by the benchmark: the id was cut to four digits)", async () => {
    const client = await testDb.engine.pool.connect();
    try {
      await client.query("update public.idea_number_counters set last_value = 9999 where year = extract(year from now() at time zone 'Europe/Oslo')::int");
      const { rows } = await client.query(`
        insert into public.ideas (organisation_id, network_id, title, problem, proposal_json, proposal_html, proposal_text,
          theme_id, service_area_ids, privacy_confirmed_at, idempotency_key, first_answer_due_at)
        select o.id, (select r.network_id from public.route_idea(o.id, th.id, array[sa.id], false) r),
          'Felles rutine for trygghetsalarm', 'Rutinene er ulike fra sone til sone.', '{}'::jsonb, '<p>x</p>', 'Lage en felles rutine.',
          th.id, array[sa.id], now(), gen_random_uuid(), now() + interval '14 days'
        from public.organisations o, public.themes th, public.service_areas sa
        where o.slug = 'asker' and th.slug = 'mestringsteknologi' and sa.slug = 'hjemmetjenester'
        returning public_id, number`);
      expect(rows[0].number).toBe(10000);
      expect(rows[0].public_id).toBe(`IDE-${new Date().getUTCFullYear()}-10000`);
    } finally {
      client.release();
    }
  });
});
