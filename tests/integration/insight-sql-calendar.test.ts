import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withAnon, withUser, type Trx } from "~/db/client.server";
import { norwegianPublicHolidayDates } from "~/modules/sla/norwegian-public-holidays";
import { addWorkingDays, workingDaysBetween } from "~/modules/sla/working-days";
import { addNetworkMember, createNetwork, createOrganisation, createUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { addRoutingRule, insertInsightIdea } from "./insight-support";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.close();
});

describe("working days in SQL (the insight figures) agree with the SLA calendar in TypeScript", () => {
  it("has the same public holidays 2024–2035", async () => {
    for (let year = 2024; year <= 2035; year++) {
      const { rows } = await sql<{ d: string }>`
        select d::date::text as d from generate_series(make_date(${year}, 1, 1), make_date(${year}, 12, 31), interval '1 day') d
        where app_private.is_norwegian_public_holiday(d::date) order by 1`.execute(testDb.db);
      expect(rows.map((r) => r.d), String(year)).toEqual(norwegianPublicHolidayDates(year));
    }
  });

  it("keeps a calendar of working days for 1990–2150 whose days off on weekdays are exactly the public holidays", async () => {
    const { rows } = await sql<{ first: string; last: string; days: number; off: string[] }>`
      select min(day)::text as first, max(day)::text as last, count(*)::int as days,
             array_agg(day::text order by day) filter (where not working and extract(isodow from day) < 6) as off
      from app_private.working_days`.execute(testDb.db);
    expect(rows[0]).toMatchObject({ first: "1990-01-01", last: "2150-12-31", days: 58804 });
    const weekdayHolidays: string[] = [];
    for (let year = 1990; year <= 2150; year++) {
      for (const day of norwegianPublicHolidayDates(year)) if (new Date(`${day}T12:00:00Z`).getUTCDay() % 6 !== 0) weekdayHolidays.push(day);
    }
    expect(rows[0]!.off).toEqual(weekdayHolidays);
  });

  it("lets anyone read the calendar and nobody change it", async () => {
    const user = await createUser({ organisationId: (await createOrganisation()).id });
    for (const who of [user, null]) {
      const run = <T,>(work: (trx: Trx) => Promise<T>) => (who ? withUser(who, work, testDb.db) : withAnon(work, testDb.db));
      const read = await run(async (trx) => (await sql<{ n: number }>`select count(*)::int as n from app_private.working_days where day between '2026-12-21' and '2026-12-27' and working`.execute(trx)).rows[0]!.n);
      expect(read).toBe(4); // Monday 21 to Thursday 24 (Christmas Eve is a working day); 25–26 are holidays, then the weekend.
      for (const change of [
        sql`insert into app_private.working_days (day, running_count, working) values ('2151-01-01', 0, true)`,
        sql`update app_private.working_days set working = false where day = '2026-12-21'`,
        sql`delete from app_private.working_days where day = '2026-12-21'`,
      ]) {
        await expect(run((trx) => change.execute(trx))).rejects.toThrow(/permission denied/);
      }
    }
  });

  it("counts the same working days between any two instants", async () => {
    const instant = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2031-12-31T23:59:59Z"), noInvalidDate: true });
    const pairs = fc.sample(fc.tuple(instant, fc.integer({ min: 0, max: 90 * 24 * 60 })), 300);
    const cases = pairs.map(([from, minutes]) => ({ from, to: new Date(from.getTime() + minutes * 60_000) }));
    const { rows } = await sql<{ n: number }>`
      select app_private.working_days_between(f, t) as n
      from unnest(${cases.map((c) => c.from.toISOString())}::timestamptz[], ${cases.map((c) => c.to.toISOString())}::timestamptz[]) with ordinality as x(f, t, i)
      order by i`.execute(testDb.db);
    expect(rows.map((r) => r.n)).toEqual(cases.map((c) => workingDaysBetween(c.from, c.to)));
  });

  it("counts a deadline as N working days (Friday 3 Jan 2025 → Friday 17 Jan, Easter and 17 May 2027)", async () => {
    for (const start of ["2025-01-03T15:00:00+01:00", "2027-03-24T09:00:00+01:00", "2027-05-12T23:30:00+02:00"]) {
      const from = new Date(start);
      const due = addWorkingDays(from, 10);
      const { rows } = await sql<{ n: number }>`select app_private.working_days_between(${from}, ${due}) as n`.execute(testDb.db);
      expect(rows[0].n).toBe(10);
    }
  });
});

describe("the figures use indexes", () => {
  it("reads a network's ideas in a period through ideas_network_submitted_idx with 3000 ideas", async () => {
    const db = testDb.db;
    const org = await createOrganisation();
    const network = await createNetwork({ ownerOrganisationId: org.id });
    const coordinator = await createUser({ organisationId: org.id });
    await addNetworkMember(network.id, coordinator.id, "coordinator");
    await addRoutingRule(db, 1, org.id, network.id);
    const theme = await sql<{ id: string }>`select id from public.themes limit 1`.execute(db);
    const area = await sql<{ id: string }>`select id from public.service_areas limit 1`.execute(db);
    await insertInsightIdea(db, { organisationId: org.id, networkId: network.id, themeId: theme.rows[0].id, areaIds: [area.rows[0].id], submittedAt: "2026-03-02T10:00:00+01:00" });
    await asService("test: many ideas for the plan", async (trx) => {
      await sql`insert into public.ideas (organisation_id, network_id, title, problem, proposal_json, proposal_html, proposal_text,
          theme_id, service_area_ids, privacy_confirmed_at, idempotency_key, first_answer_due_at)
        select ${org.id}, ${network.id}, 'Planprøve nummer ' || g, 'Et problem som gjelder mange.', '{}'::jsonb, '<p>x</p>', 'x',
          ${theme.rows[0].id}, array[${area.rows[0].id}::uuid], now(), gen_random_uuid(), now() + interval '1 day'
        from generate_series(1, 3000) g`.execute(trx);
      await sql`update public.ideas set submitted_at = s.at, first_answer_due_at = s.at + interval '14 days'
        from (select id, now() - make_interval(days => (random() * 2000)::int) as at from public.ideas) s
        where s.id = ideas.id and network_id = ${network.id}`.execute(trx);
    }, db);
    // As autovacuum leaves a table: statistics, and the visibility map that index-only scans need.
    await sql`vacuum analyze public.ideas`.execute(db);
    // The access path every period figure uses: one network's ideas submitted in a period.
    const plan = await asService("test: explain", async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`explain select count(*) from public.ideas i
        where i.network_id = ${network.id} and i.submitted_at >= app_private.oslo_start('2026-01-01') and i.submitted_at < app_private.oslo_start('2026-07-01')`.execute(trx);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    }, db);
    expect(plan).toMatch(/ideas_network_submitted_idx/);
  });
});
