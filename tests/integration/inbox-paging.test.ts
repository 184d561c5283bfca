import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { INBOX_PAGE_SIZE } from "~/modules/triage/list-network-inbox.server";
import * as inbox from "~/routes/nettverk.$slug.innboks";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, routeArgs, useTestEnv } from "./auth-helpers";

// A network with a backlog: the inbox shows it a page at a time, never silently cut.
let testDb: TestDatabase;
let jar: CookieJar;
let open: number;
const SLUG = "digi-asker";
const EXTRA = INBOX_PAGE_SIZE + 12;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  const marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), marius) }));
  await asService(
    "test: a backlog in digi-asker",
    (trx) => sql`
      insert into public.ideas (organisation_id, network_id, title, problem, proposal_json, proposal_html, proposal_text,
        theme_id, service_area_ids, privacy_confirmed_at, idempotency_key, first_answer_due_at)
      select o.id, (select r.network_id from public.route_idea(o.id, th.id, array[sa.id], false) r),
        'Forslag i køen nummer ' || g, 'Et problem.', '{}'::jsonb, '<p>x</p>', 'x', th.id, array[sa.id], now(), gen_random_uuid(),
        now() + make_interval(days => g)
      from generate_series(1, ${EXTRA}) g
      join public.organisations o on o.slug = 'asker'
      join public.themes th on th.slug = 'mestringsteknologi'
      join public.service_areas sa on sa.slug = 'hjemmetjenester'`.execute(trx),
    testDb.db,
  );
  open = await asService(
    "test: open ideas in digi-asker",
    async (trx) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from public.ideas i join public.networks n on n.id = i.network_id
          where n.slug = ${SLUG} and i.status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')`.execute(trx)
      ).rows[0]!.n,
    testDb.db,
  );
});
afterAll(async () => {
  await testDb.close();
});

type InboxData = Awaited<ReturnType<typeof inbox.loader>>;
const load = async (query = "") => (await inbox.loader(routeArgs(jar.get(`/nettverk/${SLUG}/innboks${query}`), { slug: SLUG }))) as InboxData;

describe("the network inbox in pages", () => {
  it("shows the first page, says how many there are in all, and pages through every open idea once", async () => {
    expect(open).toBeGreaterThan(INBOX_PAGE_SIZE);
    const first = await load();
    expect(first.ideas).toHaveLength(INBOX_PAGE_SIZE);
    expect(first).toMatchObject({ total: open, page: 1, pageCount: Math.ceil(open / INBOX_PAGE_SIZE), firstShown: 1 });
    const seen = new Set(first.ideas.map((idea) => idea.id));
    for (let page = 2; page <= first.pageCount; page++) {
      const next = await load(`?side=${page}`);
      expect(next).toMatchObject({ page, total: open, firstShown: (page - 1) * INBOX_PAGE_SIZE + 1 });
      for (const idea of next.ideas) seen.add(idea.id);
    }
    expect(seen.size).toBe(open);
  });

  it("keeps the filters across pages and counts what they match", async () => {
    const notOverdue = await load("?ansvarlig=unassigned&side=2");
    expect(notOverdue.filters.owner).toBe("unassigned");
    expect(notOverdue.page).toBe(2);
    expect(notOverdue.ideas.every((idea) => idea.ownerId === null)).toBe(true);
  });

  it("shows the last page for a page past the end, and the first for nonsense", async () => {
    const past = await load("?side=999");
    expect(past.page).toBe(past.pageCount);
    expect(past.ideas.length).toBeGreaterThan(0);
    for (const nonsense of ["0", "-1", "abc", "1e3", "9999999"]) expect((await load(`?side=${nonsense}`)).page).toBe(1);
  });
});
