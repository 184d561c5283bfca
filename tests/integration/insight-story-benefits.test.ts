import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import type { StoryStatus, StoryVisibility } from "~/db/schema";
import { commitUserSession } from "~/modules/auth/session.server";
import { getTranslator } from "~/i18n/i18n.server";
import { buildInsightCsv } from "~/modules/insight/insight-csv";
import { loadInsightDashboard, type StoryBenefitRow } from "~/modules/insight/load-insight-dashboard.server";
import * as csvRoute from "~/routes/innsikt.csv.$dataset";
import * as insightPage from "~/routes/innsikt._index";
import { addNetworkMember, createNetwork, createOrganisation, createUser, type CreatedUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { addRoutingRule, insertInsightIdea } from "./insight-support";

// A fixed set of stories (dates in Oslo time); every expected sum below is worked out by hand.
// Period 2026-01..2026-06 = [2026-01-01 00:00, 2026-07-01 00:00) Oslo.
const PERIOD = { from: "2026-01", to: "2026-06", networkSlug: null };

let testDb: TestDatabase;
let admin: CreatedUser, coordA: CreatedUser, coordB: CreatedUser, employee: CreatedUser, partner: CreatedUser, partnerB: CreatedUser;
let netA: { id: string; slug: string }, netB: { id: string; slug: string };
const ref = { orgA: "", orgB: "", orgC: "", theme: "", area: "" };

type Benefit = { indicator: string; unit: string; baseline: number; after: number; category: string };
type StorySpec = {
  organisationId: string;
  networkId: string;
  ideaId?: string;
  status?: StoryStatus;
  visibility: StoryVisibility;
  firstPublishedAt: string | null;
  publishedAt?: string;
  benefits: Benefit[];
};

async function insertStory(spec: StorySpec) {
  return asService(
    "test: a story with fixed publication dates",
    async (trx) => {
      const id = crypto.randomUUID();
      await sql`insert into public.stories (id, slug, status, visibility, organisation_id, idea_id, title, summary, body_json, body_html,
          body_text, what_changed, theme_id, service_area_ids, contact_name, contact_email)
        values (${id}, ${`gevinst-${id.slice(0, 8)}`}, ${spec.status ?? "published"}::public.story_status, ${spec.visibility}::public.story_visibility,
          ${spec.organisationId}, ${spec.ideaId ?? null}, 'Historie til innsikt', 'Et sammendrag som er langt nok for regelen.', '{}'::jsonb,
          '<p>Tekst</p>', 'Tekst', 'Tjenesten endret seg.', ${ref.theme}, ${[ref.area]}::uuid[], 'Demo Kontakt', 'kontakt@example.no')`.execute(trx);
      // The reviewing network is set here on purpose (the database would pick it from routing or the idea).
      const first = spec.firstPublishedAt ? new Date(spec.firstPublishedAt) : null;
      const published = spec.publishedAt ? new Date(spec.publishedAt) : first;
      await sql`update public.stories set network_id = ${spec.networkId}, first_published_at = ${first}, published_at = ${published} where id = ${id}`.execute(trx);
      for (const [position, b] of spec.benefits.entries()) {
        await trx
          .insertInto("story_benefits")
          .values({ story_id: id, position, indicator: b.indicator, unit: b.unit as never, baseline: b.baseline, after: b.after, category: b.category })
          .execute();
      }
      return id;
    },
    testDb.db,
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await useTestEnv();
  const db = testDb.db;
  const orgA = await createOrganisation({ name: "Aklund kommune" });
  const orgB = await createOrganisation({ name: "Berg kommune" });
  const orgC = await createOrganisation({ name: "Cedal kommune" });
  const orgP = await createOrganisation({ name: "Partnerhøgskolen", kind: "university" });
  Object.assign(ref, { orgA: orgA.id, orgB: orgB.id, orgC: orgC.id });
  netA = await createNetwork({ ownerOrganisationId: orgA.id, name: "Nettverk Aklund" });
  netB = await createNetwork({ ownerOrganisationId: orgB.id, name: "Nettverk Berg" });
  admin = await createUser({ organisationId: orgP.id, platformRole: "admin", fullName: "Ada Admin" });
  coordA = await createUser({ organisationId: orgA.id, fullName: "Kari Koordinator" });
  coordB = await createUser({ organisationId: orgB.id, fullName: "Berit Berg" });
  employee = await createUser({ organisationId: orgA.id, fullName: "Emil Ansatt" });
  partner = await createUser({ organisationId: orgP.id, platformRole: "partner_viewer", fullName: "Per Partner" });
  partnerB = await createUser({ organisationId: orgB.id, platformRole: "partner_viewer", fullName: "Bodil Leder" });
  await addNetworkMember(netA.id, coordA.id, "coordinator");
  await addNetworkMember(netB.id, coordB.id, "coordinator");
  await addRoutingRule(db, 1, orgA.id, netA.id);
  await addRoutingRule(db, 2, orgC.id, netA.id);
  await addRoutingRule(db, 3, orgB.id, netB.id);
  const reference = await sql<{ id: string }>`select id from public.themes order by slug limit 1`.execute(db);
  const area = await sql<{ id: string }>`select id from public.service_areas order by slug limit 1`.execute(db);
  ref.theme = reference.rows[0].id;
  ref.area = area.rows[0].id;
  // An idea now owned by network A (it was transferred there after Berg's network reviewed the story about it).
  const ideaInA = await insertInsightIdea(db, { organisationId: orgA.id, networkId: netA.id, themeId: ref.theme, areaIds: [ref.area], submittedAt: "2025-06-02T10:00:00+02:00" });

  const km = (baseline: number, after: number, indicator = "Kjørte km per uke"): Benefit => ({ indicator, unit: "km", baseline, after, category: "less_driving" });
  const a = { organisationId: orgA.id, networkId: netA.id };
  const b = { organisationId: orgB.id, networkId: netB.id };
  // S1: Aklund, own organisation only.
  await insertStory({ ...a, visibility: "organisation", firstPublishedAt: "2026-02-10T10:00:00+01:00", benefits: [km(420, 260), { indicator: "Tid per besøk", unit: "minutes", baseline: 30, after: 20, category: "time_saved" }] });
  // S2: Cedal (routed to A), for partners: the same indicator written with other spaces (summed), and once in hours (not summed).
  await insertStory({ organisationId: ref.orgC, networkId: netA.id, visibility: "partners", firstPublishedAt: "2026-05-05T10:00:00+02:00", benefits: [km(100, 80, "  Kjørte km   per uke "), { indicator: "Kjørte km per uke", unit: "hours", baseline: 10, after: 6, category: "less_driving" }] });
  // S3: reviewed by B, about the idea now in A: counts for both networks, once for someone who sees both.
  await insertStory({ ...b, ideaId: ideaInA, visibility: "partners", firstPublishedAt: "2026-03-01T10:00:00+01:00", benefits: [{ indicator: "Fall per måned", unit: "count", baseline: 9, after: 5, category: "fewer_falls" }] });
  // S4: Berg, public.
  await insertStory({ ...b, visibility: "public", firstPublishedAt: "2026-04-01T10:00:00+02:00", benefits: [km(50, 40)] });
  // S8: Berg, own organisation only.
  await insertStory({ ...b, visibility: "organisation", firstPublishedAt: "2026-02-01T10:00:00+01:00", benefits: [{ indicator: "Avvik i medisinhåndtering", unit: "count", baseline: 18, after: 4, category: "patient_safety" }] });
  // S10: the last evening of the period (Oslo), with decimals.
  await insertStory({ ...a, visibility: "partners", firstPublishedAt: "2026-06-30T23:30:00+02:00", benefits: [{ indicator: "Tid per besøk", unit: "minutes", baseline: 25.5, after: 20, category: "time_saved" }] });
  // Not counted: first published before the period (published again inside it), just after the period,
  // unpublished, and waiting for review.
  await insertStory({ ...a, visibility: "public", firstPublishedAt: "2025-12-31T23:30:00+01:00", publishedAt: "2026-01-15T10:00:00+01:00", benefits: [km(1000, 1)] });
  await insertStory({ ...a, visibility: "public", firstPublishedAt: "2026-07-01T00:30:00+02:00", benefits: [km(2000, 2)] });
  await insertStory({ ...a, status: "unpublished", visibility: "public", firstPublishedAt: "2026-03-01T10:00:00+01:00", benefits: [km(500, 100)] });
  await insertStory({ ...a, status: "ready_for_review", visibility: "public", firstPublishedAt: null, benefits: [km(700, 100)] });
});

afterAll(async () => {
  await testDb?.close();
});

const benefitsFor = async (user: CreatedUser, filters: { from: string; to: string; networkSlug: string | null } = PERIOD) =>
  (await loadInsightDashboard({ user, filters, locale: "nb" })).storyBenefits;

const row = (category: string, indicator: string, unit: string, stories: number, baseline: number, after: number): StoryBenefitRow =>
  ({ category, indicator, unit, stories, baseline, after, change: Math.round((after - baseline) * 100) / 100 }) as StoryBenefitRow;

describe("benefits from published stories on /innsikt, checked by hand", () => {
  it("sums a coordinator's network: reviewed by it or about its ideas, every visibility, only rows with the same indicator and unit", async () => {
    expect(await benefitsFor(coordA)).toEqual([
      row("fewer_falls", "Fall per måned", "count", 1, 9, 5),
      row("less_driving", "Kjørte km per uke", "km", 2, 520, 340),
      row("less_driving", "Kjørte km per uke", "hours", 1, 10, 6),
      row("time_saved", "Tid per besøk", "minutes", 2, 55.5, 40),
    ]);
  });

  it("gives network B its own stories and nothing of A's, whatever the request asks for", async () => {
    expect(await benefitsFor(coordB)).toEqual([
      row("fewer_falls", "Fall per måned", "count", 1, 9, 5),
      row("less_driving", "Kjørte km per uke", "km", 1, 50, 40),
      row("patient_safety", "Avvik i medisinhåndtering", "count", 1, 18, 4),
    ]);
    const asked = await withUser(coordB, (trx) =>
      sql`select * from public.insight_story_benefits(${[netA.id]}::uuid[], '2026-01-01'::date, '2026-07-01'::date)`.execute(trx),
    );
    expect(asked.rows).toEqual([]);
  });

  it("shows partner viewers only stories shared with partners or the public, plus their own organisation's", async () => {
    expect(await benefitsFor(partner)).toEqual([
      row("fewer_falls", "Fall per måned", "count", 1, 9, 5),
      row("less_driving", "Kjørte km per uke", "km", 2, 150, 120),
      row("less_driving", "Kjørte km per uke", "hours", 1, 10, 6),
      row("time_saved", "Tid per besøk", "minutes", 1, 25.5, 20),
    ]);
    expect((await benefitsFor(partnerB)).find((r) => r.category === "patient_safety")).toEqual(row("patient_safety", "Avvik i medisinhåndtering", "count", 1, 18, 4));
    expect((await benefitsFor(partnerB)).find((r) => r.unit === "km")).toEqual(row("less_driving", "Kjørte km per uke", "km", 2, 150, 120));
  });

  it("counts a story in two of the caller's networks once (admin), and narrows to one network with the filter", async () => {
    const all = await benefitsFor(admin);
    expect(all.find((r) => r.category === "fewer_falls")).toEqual(row("fewer_falls", "Fall per måned", "count", 1, 9, 5));
    expect(all.find((r) => r.unit === "km")).toEqual(row("less_driving", "Kjørte km per uke", "km", 3, 570, 380));
    expect(all).toHaveLength(5);
    const onlyB = await benefitsFor(admin, { ...PERIOD, networkSlug: netB.slug });
    expect(onlyB.map((r) => [r.category, r.stories, r.baseline])).toEqual([
      ["fewer_falls", 1, 9],
      ["less_driving", 1, 50],
      ["patient_safety", 1, 18],
    ]);
    // The month after the period holds only the story published at 00:30 on 1 July.
    expect(await benefitsFor(admin, { from: "2026-07", to: "2026-07", networkSlug: null })).toEqual([row("less_driving", "Kjørte km per uke", "km", 1, 2000, 2)]);
  });

  it("gives an employee outside every network nothing", async () => {
    const rows = await withUser(employee, (trx) =>
      sql`select * from public.insight_story_benefits(null::uuid[], '2026-01-01'::date, '2026-07-01'::date)`.execute(trx),
    );
    expect(rows.rows).toEqual([]);
  });
});

describe("the benefits table and CSV file", () => {
  async function jarFor(user: CreatedUser) {
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
    return jar;
  }

  it("shows the sums on the page, written out in Norwegian", async () => {
    const jar = await jarFor(coordA);
    const data = (await settle(insightPage.loader(routeArgs(jar.get("/innsikt?fra=2026-01&til=2026-06"))))) as Awaited<ReturnType<typeof insightPage.loader>>;
    expect(data.storyBenefits.find((r) => r.unit === "minutes")).toEqual({
      category: "time_saved",
      indicator: "Tid per besøk",
      unit: "minutes",
      stories: 2,
      baseline: "55,5",
      after: "40",
      change: "−15,5",
    });
  });

  it("downloads the sums with semicolons, a decimal comma in Norwegian and a decimal point in English", async () => {
    const jar = await jarFor(coordA);
    const response = (await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/gevinster?fra=2026-01&til=2026-06"), { dataset: "gevinster" })))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="innsikt-gevinster-2026-01-2026-06.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1)).toBe(
      [
        "Type gevinst;Indikator;Enhet;Historier;Nullpunkt (før), sum;Etter, sum;Endring",
        "Færre fall;Fall per måned;antall;1;9;5;-4",
        "Mindre bilkjøring;Kjørte km per uke;km;2;520;340;-180",
        "Mindre bilkjøring;Kjørte km per uke;timer;1;10;6;-4",
        "Spart tid / bedre ressursutnyttelse;Tid per besøk;minutter;2;55,5;40;-15,5",
        "",
      ].join("\r\n"),
    );

    const english = buildInsightCsv(await loadInsightDashboard({ user: coordA, filters: PERIOD, locale: "en" }), "gevinster", await getTranslator("en"), PERIOD, "en");
    expect(english.split("\r\n")[0]).toBe("\uFEFFType of benefit;Indicator;Unit;Stories;Baseline (before), total;After, total;Change");
    expect(english.split("\r\n").at(-2)).toBe("Time saved / better use of resources;Tid per besøk;minutes;2;55.5;40;-15.5");

    const empty = (await settle(csvRoute.loader(routeArgs(jar.get("/innsikt/csv/gevinster?fra=2020-01&til=2020-03"), { dataset: "gevinster" })))) as Response;
    expect((await empty.text()).replace(/^\uFEFF/, "")).toBe("Type gevinst;Indikator;Enhet;Historier;Nullpunkt (før), sum;Etter, sum;Endring\r\nIngen tall for perioden 2020-01–2020-03;;;;;;\r\n");
  });
});
