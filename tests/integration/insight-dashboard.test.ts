import { sql } from "kysely";
import { BREAKDOWN_DIMENSIONS } from "~/modules/insight/insight-vocabulary";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAnon, withUser } from "~/db/client.server";
import { getTranslator } from "~/i18n/i18n.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { getAnswerGuarantee } from "~/modules/insight/get-answer-guarantee.server";
import { buildInsightCsv } from "~/modules/insight/insight-csv";
import { parseInsightFilters } from "~/modules/insight/insight-period";
import { loadInsightDashboard } from "~/modules/insight/load-insight-dashboard.server";
import * as csvRoute from "~/routes/innsikt.csv.$dataset";
import * as insightPage from "~/routes/innsikt._index";
import * as guaranteePage from "~/routes/svargaranti";
import { addNetworkMember, createNetwork, createOrganisation, createUnit, createUser, type CreatedUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { addRoutingRule, addSameNeed, insertInsightIdea } from "./insight-support";

// A fixed data set (dates in Oslo time) and a fixed "now": every expected figure below is worked out by hand.
// Easter 2026 is 5 April (holidays 2, 3, 5, 6 April); Ascension 14 May, Whit Monday 25 May.
const NOW = new Date("2026-07-01T10:00:00+02:00");
const PERIOD = { from: "2026-01", to: "2026-06", networkSlug: null };

let testDb: TestDatabase;
let admin: CreatedUser, coordA: CreatedUser, memberA: CreatedUser, coordB: CreatedUser, employee: CreatedUser, partner: CreatedUser;
let netA: { id: string; slug: string }, netB: { id: string; slug: string }, netC: { id: string; slug: string };
const ids: Record<string, string> = {};
const ref = { orgA: "", orgB: "", orgC: "", orgP: "", unitA: "", t1: "", t2: "", s1: "", s2: "" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await useTestEnv();
  const db = testDb.db;
  const orgA = await createOrganisation({ name: "Aklund kommune" });
  const orgB = await createOrganisation({ name: "Berg kommune" });
  const orgC = await createOrganisation({ name: "Cedal kommune" });
  const orgP = await createOrganisation({ name: "Partnerhøgskolen", kind: "university" });
  Object.assign(ref, { orgA: orgA.id, orgB: orgB.id, orgC: orgC.id, orgP: orgP.id });
  ref.unitA = await createUnit(orgA.id, { name: "Hjemmetjenesten Aklund" });
  netA = await createNetwork({ ownerOrganisationId: orgA.id, name: "Nettverk Aklund" });
  netB = await createNetwork({ ownerOrganisationId: orgB.id, name: "Nettverk Berg" });
  netC = await createNetwork({ ownerOrganisationId: orgC.id, name: "Nettverk Cedal uten ideer" });
  admin = await createUser({ organisationId: orgP.id, platformRole: "admin", fullName: "Ada Admin" });
  coordA = await createUser({ organisationId: orgA.id, fullName: "Kari Koordinator" });
  memberA = await createUser({ organisationId: orgA.id, fullName: "Mona Medlem" });
  coordB = await createUser({ organisationId: orgB.id, fullName: "Berit Berg" });
  employee = await createUser({ organisationId: orgA.id, fullName: "Emil Ansatt" });
  partner = await createUser({ organisationId: orgP.id, platformRole: "partner_viewer", fullName: "Per Partner" });
  await addNetworkMember(netA.id, coordA.id, "coordinator");
  await addNetworkMember(netA.id, memberA.id, "member");
  await addNetworkMember(netB.id, coordB.id, "coordinator");
  await addRoutingRule(db, 1, orgA.id, netA.id);
  await addRoutingRule(db, 2, orgC.id, netA.id);
  await addRoutingRule(db, 3, orgB.id, netB.id);
  const reference = await sql<{ kind: string; slug: string; id: string }>`
    select 't' as kind, slug, id from public.themes union all select 's', slug, id from public.service_areas`.execute(db);
  const find = (kind: string, slug: string) => reference.rows.find((r) => r.kind === kind && r.slug === slug)!.id;
  Object.assign(ref, { t1: find("t", "mestringsteknologi"), t2: find("t", "kompetanse-og-opplaering"), s1: find("s", "hjemmetjenester"), s2: find("s", "sykehjem") });

  const a = { organisationId: orgA.id, networkId: netA.id, themeId: ref.t1, areaIds: [ref.s1] };
  // Network A, submitted in the period (8 ideas):
  ids.A1 = await insertInsightIdea(db, { ...a, unitId: ref.unitA, areaIds: [ref.s1, ref.s2], submittedAt: "2026-03-02T10:00:00+01:00", firstAnsweredAt: "2026-03-04T12:00:00+01:00", status: "under_review", nextDueAt: "2026-09-01T10:00:00+02:00", ownerId: coordA.id }); // 2 wd, on time
  ids.A2 = await insertInsightIdea(db, { ...a, unitId: ref.unitA, submittedAt: "2026-03-02T10:00:00+01:00", firstAnsweredAt: "2026-03-09T09:00:00+01:00", status: "new_practice", closedAt: "2026-05-20T10:00:00+02:00" }); // 5 wd, on time; closed in May
  ids.A3 = await insertInsightIdea(db, { ...a, themeId: ref.t2, submittedAt: "2026-04-01T10:00:00+02:00", firstAnsweredAt: "2026-04-15T10:00:00+02:00", status: "not_prioritised", closedAt: "2026-04-15T10:00:00+02:00" }); // 7 wd over Easter, on time (due 20 Apr); closed in April
  ids.A4 = await insertInsightIdea(db, { ...a, themeId: ref.t2, submittedAt: "2026-05-04T10:00:00+02:00", firstAnsweredAt: "2026-05-28T10:00:00+02:00", status: "piloting", nextDueAt: "2026-06-20T10:00:00+02:00", ownerId: memberA.id }); // 16 wd, late (due 19 May); overdue now
  ids.A5 = await insertInsightIdea(db, { ...a, submittedAt: "2026-06-01T10:00:00+02:00" }); // unanswered, due 15 Jun passed: late, overdue
  ids.A6 = await insertInsightIdea(db, { ...a, submittedAt: "2026-06-22T10:00:00+02:00" }); // unanswered, due 6 Jul: not due yet
  ids.A7 = await insertInsightIdea(db, { ...a, submittedAt: "2026-03-10T10:00:00+01:00", status: "withdrawn", withdrawnAt: "2026-03-11T10:00:00+01:00" }); // withdrawn before its deadline: not due
  ids.A9 = await insertInsightIdea(db, { ...a, organisationId: orgC.id, visibility: "organisation", submittedAt: "2026-05-04T10:00:00+02:00", firstAnsweredAt: "2026-05-05T10:00:00+02:00", status: "under_review", nextDueAt: "2026-08-01T10:00:00+02:00", ownerId: memberA.id }); // 1 wd; Cedal only
  // Network A, before the period: counts in the backlog and in the 12-month guarantee only.
  ids.A8 = await insertInsightIdea(db, { ...a, submittedAt: "2025-12-01T10:00:00+01:00", firstAnsweredAt: "2025-12-03T10:00:00+01:00", status: "under_review", nextDueAt: "2026-08-01T10:00:00+02:00", ownerId: coordA.id }); // 2 wd
  // Network B:
  const b = { organisationId: orgB.id, networkId: netB.id, themeId: ref.t1, areaIds: [ref.s1] };
  ids.B1 = await insertInsightIdea(db, { ...b, submittedAt: "2026-03-02T10:00:00+01:00", firstAnsweredAt: "2026-03-03T10:00:00+01:00", status: "under_review", nextDueAt: "2026-09-01T10:00:00+02:00" }); // 1 wd
  ids.B2 = await insertInsightIdea(db, { ...b, submittedAt: "2026-03-02T10:00:00+01:00" }); // unanswered, overdue since 16 Mar

  await addSameNeed(db, ids.A1, orgB.id, "2026-04-10T10:00:00+02:00");
  await addSameNeed(db, ids.A1, orgP.id, "2026-04-11T10:00:00+02:00");
  await addSameNeed(db, ids.A3, orgB.id, "2025-11-01T10:00:00+01:00"); // before the period
});

afterAll(async () => {
  await testDb?.close();
});

const dashboardFor = (user: CreatedUser, filters: { from: string; to: string; networkSlug: string | null } = PERIOD) =>
  loadInsightDashboard({ user, filters, locale: "nb", now: NOW });

describe("insight figures, checked by hand", () => {
  it("counts ideas received and closed per Oslo month for a coordinator of network A", async () => {
    const d = await dashboardFor(coordA);
    expect(d.networks.map((n) => n.name)).toEqual(["Nettverk Aklund"]);
    expect(d.monthly).toEqual([
      { month: "2026-01", received: 0, closed: 0 },
      { month: "2026-02", received: 0, closed: 0 },
      { month: "2026-03", received: 3, closed: 1 },
      { month: "2026-04", received: 1, closed: 1 },
      { month: "2026-05", received: 2, closed: 1 },
      { month: "2026-06", received: 2, closed: 0 },
    ]);
    expect(d.receivedTotal).toBe(8);
  });

  it("gives time to first answer in working days (median, 90th percentile) and the on-time share against the SLA", async () => {
    const d = await dashboardFor(coordA);
    // Answer times [1, 2, 5, 7, 16]: median 5; p90 at rank 0.9 × 4 = 3.6 → 7 + 0.6 × (16 − 7) = 12.4.
    // Due: five answered + A5 (deadline passed) = 6; on time: A1, A2, A3, A9 = 4.
    expect(d.firstAnswers).toHaveLength(1);
    expect(d.firstAnswers[0]).toMatchObject({ networkName: "Nettverk Aklund", slaDays: 10, submitted: 8, answered: 5, waiting: 2, due: 6, onTime: 4, medianDays: 5 });
    expect(d.firstAnswers[0].p90Days).toBeCloseTo(12.4, 10);
    expect(d.firstAnswers[0].onTimeShare).toBeCloseTo(4 / 6, 10);
    expect(d.firstAnswersTotal).toMatchObject({ submitted: 8, due: 6, onTime: 4, medianDays: 5 });
  });

  it("shows the overdue backlog, the status funnel, breakdowns, workload and same-need signals", async () => {
    const d = await dashboardFor(coordA);
    expect(d.backlog).toEqual([{ networkId: netA.id, networkName: "Nettverk Aklund", open: 6, overdue: 2 }]);
    expect(d.backlogTotal).toEqual({ open: 6, overdue: 2 });
    const funnel = Object.fromEntries(d.funnel.filter((f) => f.ideas).map((f) => [f.status, f.ideas]));
    expect(funnel).toEqual({ received: 2, under_review: 2, piloting: 1, new_practice: 1, not_prioritised: 1, withdrawn: 1 });
    expect(d.breakdowns.organisation).toEqual([
      { key: ref.orgA, label: "Aklund kommune", ideas: 7, open: 4 },
      { key: ref.orgC, label: "Cedal kommune", ideas: 1, open: 1 },
    ]);
    expect(d.breakdowns.theme.map((r) => [r.label, r.ideas, r.open])).toEqual([
      ["Mestringsteknologi (digitale kalendere, medisindispensere, treningsapper)", 6, 4],
      ["Kompetanse og opplæring", 2, 1],
    ]);
    expect(d.breakdowns.service_area.map((r) => [r.key, r.ideas])).toEqual([
      [ref.s1, 8],
      [ref.s2, 1],
    ]);
    expect(d.breakdowns.unit.map((r) => [r.label, r.ideas, r.open])).toEqual([
      [null, 6, 4],
      ["Hjemmetjenesten Aklund (Aklund kommune)", 2, 1],
    ]);
    expect(d.workload).toEqual(
      expect.arrayContaining([
        { networkName: "Nettverk Aklund", ownerName: "Kari Koordinator", open: 2, overdue: 0 },
        { networkName: "Nettverk Aklund", ownerName: "Mona Medlem", open: 2, overdue: 1 },
        { networkName: "Nettverk Aklund", ownerName: null, open: 2, overdue: 1 },
      ]),
    );
    expect(d.workload).toHaveLength(3);
    expect(d.sameNeed).toEqual([{ publicId: expect.stringMatching(/^IDE-\d{4}-\d{4}$/), title: expect.stringContaining("Innsiktsprøve"), organisations: 2 }]);
    expect(d.sameNeedTotal).toBe(2);
  });

  it("lets an admin see every network; totals combine them", async () => {
    const d = await dashboardFor(admin);
    expect(d.networks.map((n) => n.name).sort()).toEqual(["Nettverk Aklund", "Nettverk Berg", "Nettverk Cedal uten ideer"]);
    // [1, 1, 2, 5, 7, 16]: median (2 + 5) / 2 = 3.5; p90 at rank 4.5 → 7 + 0.5 × 9 = 11.5. Due 6 + B1 + B2 = 8, on time 5.
    expect(d.firstAnswersTotal).toMatchObject({ submitted: 10, answered: 6, due: 8, onTime: 5, medianDays: 3.5 });
    expect(d.firstAnswersTotal.p90Days).toBeCloseTo(11.5, 10);
    expect(d.backlogTotal).toEqual({ open: 8, overdue: 3 });
    const b = await dashboardFor(admin, { ...PERIOD, networkSlug: netB.slug });
    expect(b.selected?.slug).toBe(netB.slug);
    expect(b.firstAnswersTotal).toMatchObject({ submitted: 2, answered: 1, due: 2, onTime: 1, medianDays: 1 });
  });

  it("gives partner viewers every network but only ideas shared with partners, and no workload", async () => {
    const d = await dashboardFor(partner);
    // Without A9 (Cedal only): [1 (B1), 2, 5, 7, 16] → median 5, p90 12.4.
    expect(d.firstAnswersTotal).toMatchObject({ submitted: 9, answered: 5, medianDays: 5 });
    expect(d.firstAnswersTotal.p90Days).toBeCloseTo(12.4, 10);
    expect(d.breakdowns.organisation.map((r) => r.label)).not.toContain("Cedal kommune");
    expect(d.workload).toBeNull();
  });
});

describe("insight scope (row-level)", () => {
  it("never gives a coordinator of network A the figures of network B, even when asked for them", async () => {
    const d = await dashboardFor(coordA, { ...PERIOD, networkSlug: netB.slug });
    expect(d.unknownNetwork).toBe(true);
    expect(d.selected).toBeNull();
    expect(d.firstAnswers.map((r) => r.networkName)).toEqual(["Nettverk Aklund"]);
    expect(d.backlog.map((r) => r.networkId)).toEqual([netA.id]);

    // Straight to the database functions with network B's id: nothing comes back.
    await withUser(coordA, async (trx) => {
      const b = [netB.id];
      const first = await sql<{ network_id: string | null; submitted: number }>`select * from public.insight_first_answers(${b}::uuid[], '2026-01-01', '2026-07-01', ${NOW})`.execute(trx);
      expect(first.rows.filter((r) => r.network_id !== null)).toEqual([]);
      expect(first.rows.every((r) => r.submitted === 0)).toBe(true);
      const monthly = await sql<{ received: number }>`select * from public.insight_received_closed(${b}::uuid[], '2026-01-01', '2026-07-01')`.execute(trx);
      expect(monthly.rows.reduce((s, r) => s + r.received, 0)).toBe(0);
      expect((await sql`select * from public.insight_backlog(${b}::uuid[], ${NOW})`.execute(trx)).rows).toEqual([{ network_id: null, open: 0, overdue: 0 }]);
      expect((await sql`select * from public.insight_owner_workload(${b}::uuid[], ${NOW})`.execute(trx)).rows).toEqual([]);
      expect((await sql`select * from public.insight_status_funnel(${b}::uuid[], '2026-01-01', '2026-07-01')`.execute(trx)).rows).toEqual([]);
      expect((await sql`select * from public.insight_breakdown(${b}::uuid[], '2026-01-01', '2026-07-01', 'organisation')`.execute(trx)).rows).toEqual([]);
      expect((await sql`select * from public.insight_breakdowns(${b}::uuid[], '2026-01-01', '2026-07-01')`.execute(trx)).rows).toEqual([]);
    });
    const other = await dashboardFor(coordB);
    expect(other.firstAnswersTotal).toMatchObject({ submitted: 2 });
    expect(other.sameNeed).toEqual([]);
  });

  it("gives the four breakdowns in one pass with exactly the rows of one call per dimension, for every kind of reader", async () => {
    for (const [who, user] of Object.entries({ admin, partner, coordA, memberA, coordB })) {
      for (const networks of [null, [netA.id], [netB.id, netC.id]]) {
        await withUser(user, async (trx) => {
          const ids = networks ? sql`${networks}::uuid[]` : sql`null::uuid[]`;
          const together = (await sql<{ dimension: string; key: string | null; ideas: number; open: number }>`
            select * from public.insight_breakdowns(${ids}, '2026-01-01', '2026-07-01')`.execute(trx)).rows;
          let compared = 0;
          for (const dimension of BREAKDOWN_DIMENSIONS) {
            const alone = (await sql`select * from public.insight_breakdown(${ids}, '2026-01-01', '2026-07-01', ${dimension})`.execute(trx)).rows;
            const fromTogether = together.filter((r) => r.dimension === dimension).map(({ dimension: _, ...rest }) => rest);
            expect(fromTogether, `${who} ${dimension} ${JSON.stringify(networks)}`).toEqual(alone);
            compared += alone.length;
          }
          expect(together).toHaveLength(compared);
        });
      }
    }
    // Not vacuous: the admin's breakdowns have rows in every dimension.
    const d = await dashboardFor(admin);
    for (const dimension of BREAKDOWN_DIMENSIONS) expect(d.breakdowns[dimension].length, dimension).toBeGreaterThan(0);
  });

  it("gives an employee outside every network no figures at all, and anonymous visitors none either", async () => {
    await expect(dashboardFor(employee)).rejects.toMatchObject({ code: "no_insight_access" });
    await withUser(employee, async (trx) => {
      expect((await sql`select * from public.insight_networks()`.execute(trx)).rows).toEqual([]);
    });
    await expect(withAnon((trx) => sql`select * from public.insight_networks()`.execute(trx))).rejects.toThrow(/permission denied/);
  });
});

describe("the public answer guarantee", () => {
  it("gives per-network aggregates over the last 12 months to anonymous visitors, with no personal data", async () => {
    const rows = await getAnswerGuarantee({ now: NOW });
    const byName = Object.fromEntries(rows.map((r) => [r.networkName, r]));
    // A: A8 (2 wd, on time) joins the period's ideas: due 7, on time 5; times [1, 2, 2, 5, 7, 16] → median 3.5; overdue A4, A5.
    expect(byName["Nettverk Aklund"]).toMatchObject({ slaDays: 10, due: 7, onTime: 5, medianDays: 3.5, openOverdue: 2 });
    expect(byName["Nettverk Aklund"].onTimeShare).toBeCloseTo(5 / 7, 10);
    expect(byName["Nettverk Berg"]).toMatchObject({ due: 2, onTime: 1, medianDays: 1, openOverdue: 1 });
    expect(byName["Nettverk Cedal uten ideer"]).toMatchObject({ due: 0, onTime: 0, medianDays: null, openOverdue: 0, onTimeShare: null });
    // A year later nothing was submitted in the last 12 months, and every open idea in A (6) is past its date.
    const later = await getAnswerGuarantee({ now: new Date("2027-07-02T10:00:00+02:00") });
    expect(later.find((r) => r.networkName === "Nettverk Aklund")).toMatchObject({ due: 0, medianDays: null, openOverdue: 6 });
  });

  it("renders /svargaranti without signing in, and the page data holds no names, titles or addresses", async () => {
    const result = await settle(guaranteePage.loader(routeArgs(new Request(`${APP_URL}/svargaranti`))));
    expect(result).not.toBeInstanceOf(Response);
    const data = result as Awaited<ReturnType<typeof guaranteePage.loader>>;
    expect(data.title).toBe("Svargaranti");
    expect(data.networks.map((n) => n.networkName)).toEqual(expect.arrayContaining(["Nettverk Aklund", "Nettverk Berg"]));
    const text = JSON.stringify(data);
    for (const secret of ["Kari Koordinator", "Mona Medlem", "Innsiktsprøve", "@", "IDE-", "Aklund kommune", "Cedal kommune"]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(data.networks[0]).sort()).toEqual(["due", "medianDays", "networkName", "networkSlug", "onTime", "onTimeShare", "openOverdue", "slaDays"]);
  });
});

describe("/innsikt and its CSV files", () => {
  async function jarFor(user: CreatedUser) {
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
    return jar;
  }

  it("answers 403 to an employee outside every network, for the page and the CSV", async () => {
    const jar = await jarFor(employee);
    const page = await settle(insightPage.loader(routeArgs(jar.get("/innsikt"))));
    expect(page).toBeInstanceOf(Response);
    expect((page as Response).status).toBe(403);
    const file = await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/status"), { dataset: "status" })));
    expect((file as Response).status).toBe(403);
  });

  it("keeps period and network in the URL, says what it ignored, and links CSV files with the same filters", async () => {
    const jar = await jarFor(coordA);
    const data = (await settle(insightPage.loader(routeArgs(jar.get(`/innsikt?fra=2026-06&til=2026-01&nettverk=${netB.slug}`))))) as Awaited<ReturnType<typeof insightPage.loader>>;
    expect(data.filters).toMatchObject({ from: "2026-01", to: "2026-06" });
    expect(data.notices).toEqual(["swapped", "unknownNetwork"]);
    expect(data.query).toBe("fra=2026-01&til=2026-06");
    expect(data.dashboard.receivedTotal).toBe(8);
    const bad = (await settle(insightPage.loader(routeArgs(jar.get("/innsikt?fra=2026-13&til=x"))))) as Awaited<ReturnType<typeof insightPage.loader>>;
    expect(bad.notices).toEqual(["badFrom", "badTo"]);
  });

  it("downloads a table as CSV with the hand-counted figures, and an empty period as a header and a note", async () => {
    const jar = await jarFor(coordA);
    const response = (await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/status?fra=2026-01&til=2026-06"), { dataset: "status" })))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="innsikt-status-2026-01-2026-06.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Status;Ideer");
    expect(lines).toContain("Mottatt;2");
    expect(lines).toContain("Under vurdering;2");
    expect(lines).toContain("Ikke prioritert nå;1");
    expect(lines).toHaveLength(12);

    const monthly = (await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/maned?fra=2026-03&til=2026-04"), { dataset: "maned" })))) as Response;
    expect((await monthly.text()).replace(/^\uFEFF/, "")).toBe("Måned;Mottatt;Avsluttet\r\n2026-03;3;1\r\n2026-04;1;1\r\n");

    // Decimals with a comma in Norwegian (66.7 % on time, p90 12.4 working days), no thousands separator.
    const answers = buildInsightCsv(await dashboardFor(coordA), "svartid", await getTranslator("nb"), PERIOD, "nb");
    expect(answers.split("\r\n")[1]).toBe("Nettverk Aklund;10;8;5;2;6;4;66,7;5;12,4");

    const empty = (await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/status?fra=2020-01&til=2020-03"), { dataset: "status" })))) as Response;
    expect(empty.status).toBe(200);
    expect((await empty.text()).replace(/^\uFEFF/, "")).toBe("Status;Ideer\r\nIngen tall for perioden 2020-01–2020-03;\r\n");
    for (const dataset of ["maned", "svartid", "organisasjon", "samme-behov", "gevinster"]) {
      const r = (await settle(csvRoute.loader(routeArgs(jar.get(`/innsikt/csv/${dataset}?fra=2020-01&til=2020-03`), { dataset })))) as Response;
      expect(r.status).toBe(200);
      expect(await r.text()).toContain("Ingen tall for perioden 2020-01–2020-03");
    }
    const unknown = await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/passord"), { dataset: "passord" })));
    expect((unknown as Response).status).toBe(404);
  });

  it("neutralises spreadsheet formulas in idea titles", async () => {
    const d = await dashboardFor(coordA);
    const t = await getTranslator("nb");
    const csv = buildInsightCsv(
      { ...d, sameNeed: [{ publicId: "IDE-2026-0001", title: '=HYPERLINK("x";"y")', organisations: 1 }, { publicId: "IDE-2026-0002", title: "-1+1; a, b", organisations: 2 }] },
      "samme-behov",
      t,
      PERIOD,
      "nb",
    );
    expect(csv).toContain(`IDE-2026-0001;"'=HYPERLINK(""x"";""y"")";1\r\n`);
    expect(csv).toContain(`IDE-2026-0002;"'-1+1; a, b";2\r\n`);
  });
});

describe("the period filter", () => {
  it("defaults to the last 12 Oslo months and caps a period at 36 months", () => {
    expect(parseInsightFilters(new URLSearchParams(""), new Date("2026-01-01T00:30:00+01:00")).filters).toEqual({ from: "2025-02", to: "2026-01", networkSlug: null });
    expect(parseInsightFilters(new URLSearchParams("fra=2020-01&til=2026-06")).filters).toMatchObject({ from: "2023-07", to: "2026-06" });
    expect(parseInsightFilters(new URLSearchParams("fra=2020-01&til=2026-06")).notices).toEqual(["tooLong"]);
    expect(parseInsightFilters(new URLSearchParams("nettverk=DROP TABLE")).filters.networkSlug).toBeNull();
  });
});
