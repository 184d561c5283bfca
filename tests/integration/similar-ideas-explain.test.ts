import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { findSimilarIdeas, similarIdeasQuery } from "~/modules/ideas/find-similar-ideas.server";
import { demoUser } from "../support/demo-data";
import { insertIdeasForQueryPlans } from "../support/query-plan-ideas";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;

// A few thousand ideas across four municipalities, a third of them organisation-only.
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await insertIdeasForQueryPlans(testDb);
}, 120_000);
afterAll(async () => {
  await testDb.close();
});

const KARI = "kari.nordby@asker.example.no";
const NINA = "nina.aas@kongsberg.example.no";

describe("similar ideas on 3000 ideas", () => {
  it("finds candidates through the definer helpers and reads ideas only by primary key as the user", async () => {
    const query = similarIdeasQuery({ title: "Forslag om turnus", text: "Et problem som handler om vakter og turnus" })!;
    const user = await demoUser(testDb.db, KARI);
    const plan = await withUser(
      user,
      async (trx) => {
        // A few thousand rows are cheap to scan; forbid that to see whether the plan *needs* a scan.
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ "QUERY PLAN": string }>`explain ${query}`.execute(trx);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      },
      testDb.db,
    );
    expect(plan).toContain("Function Scan on similar_idea_text_candidates");
    expect(plan).toContain("Function Scan on search_ideas_nearest_titles");
    expect(plan).toMatch(/Index Scan using ideas_pkey on ideas|Index Only Scan using ideas_pkey on ideas/);
    expect(plan).not.toContain("Seq Scan on ideas");
  });

  it("matches the title's words whole, and only the word still being typed as a prefix", () => {
    const textQuery = (options: Parameters<typeof similarIdeasQuery>[0]) =>
      similarIdeasQuery(options)!.compile(testDb.db).parameters.find((p) => typeof p === "string" && p.includes("&"));
    // A finished title (the idea page, the receipt): prefixes on short common words made the index
    // gather tens of thousands of ideas.
    expect(textQuery({ title: "Felles mal for digitale kalendere" })).toBe("kalendere & digitale & felles & mal & for");
    expect(textQuery({ title: "Felles mal for digitale kalen", typing: true })).toBe("digitale & felles & kalen:* & mal & for");
  });

  it("finds the nearest titles by walking the GiST trigram index in distance order (no scan of every match)", async () => {
    // The lookup inside search_ideas_nearest_titles, on the service path (the helper runs as its owner).
    const plan = await asService(
      "test: explain nearest titles",
      async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ "QUERY PLAN": string }>`explain select i.id from public.ideas i
          where lower(i.title) operator(extensions.%) ${"Forslag nummer 12 om vakter"}
          order by lower(i.title) operator(extensions.<->) ${"Forslag nummer 12 om vakter"} limit 50`.execute(trx);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      },
      testDb.db,
    );
    expect(plan).toContain("Index Scan using ideas_title_trgm_gist_idx on ideas");
    expect(plan).toMatch(/Order By: \(lower\(title\) OPERATOR\(extensions\.<->\)/);
  });

  it("returns at most n of the nearest titles, nearest first, and nothing the caller may not see", async () => {
    // Idea 12 is Asker's (Kari's organisation) and organisation-only: visible to her.
    const kari = await demoUser(testDb.db, KARI);
    const rows = await withUser(
      kari,
      async (trx) =>
        (
          await sql<{ idea_id: string; rank: number; title: string; visibility: string; org: string }>`
            select m.idea_id, m.rank, i.title, i.visibility, o.slug as org
            from app_private.search_ideas_nearest_titles(${"Forslag nummer 12 om vakter"}, 10) with ordinality m(idea_id, rank, n)
            left join public.ideas i on i.id = m.idea_id left join public.organisations o on o.id = i.organisation_id
            order by m.n`.execute(trx)
        ).rows,
      testDb.db,
    );
    expect(rows.length).toBe(10);
    expect(rows[0]?.title).toBe("Forslag nummer 12 om vakter");
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.rank).toBeLessThanOrEqual(rows[k - 1]!.rank);
    // The ideas are read back as Kari (left join): a row the helper returned but RLS hides has no title.
    for (const row of rows) expect(row.title !== null && (row.visibility === "partners" || row.org === "asker")).toBe(true);
  });

  it("never shows another organisation's organisation-only idea, even when its title matches exactly", async () => {
    // Idea 3 belongs to Kongsberg and is organisation-only (3 % 3 = 0).
    const title = "Forslag nummer 3 om bil";
    const kari = await findSimilarIdeas({ user: await demoUser(testDb.db, KARI), title, text: "ting nummer 3" });
    const nina = await findSimilarIdeas({ user: await demoUser(testDb.db, NINA), title, text: "ting nummer 3" });

    expect(nina[0]?.title).toBe(title);
    expect(kari.map((idea) => idea.title)).not.toContain(title);
    expect(kari.length).toBeGreaterThan(0);
    expect(kari.length).toBeLessThanOrEqual(5);
    const visibleToKari = await asService(
      "test: what Kari may see",
      (trx) =>
        trx
          .selectFrom("ideas")
          .innerJoin("organisations", "organisations.id", "ideas.organisation_id")
          .select("ideas.id")
          .where((eb) => eb.or([eb("ideas.visibility", "=", "partners"), eb("organisations.slug", "=", "asker")]))
          .execute(),
      testDb.db,
    );
    const allowed = new Set(visibleToKari.map((r) => r.id));
    for (const idea of kari) expect(allowed.has(idea.id)).toBe(true);
  });

  it("leaves out withdrawn and merged ideas", async () => {
    const title = "Forslag nummer 5 om turnus";
    const user = await demoUser(testDb.db, KARI);
    expect((await findSimilarIdeas({ user, title }))[0]?.title).toBe(title);
    await asService("test: withdraw", (trx) => trx.updateTable("ideas").set({ status: "withdrawn" }).where("title", "=", title).execute(), testDb.db);
    expect((await findSimilarIdeas({ user, title })).map((idea) => idea.title)).not.toContain(title);
  });
});
