import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { searchIdeas } from "~/modules/search/search-ideas.server";
import { demoUser } from "../support/demo-data";
import { insertIdeasForQueryPlans } from "../support/query-plan-ideas";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { query } from "./search-support";

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

async function plan(statement: ReturnType<typeof sql>, as: "service" | "user") {
  const run = async (trx: Parameters<Parameters<typeof asService>[1]>[0]) => {
    // A few thousand rows are cheap to scan; forbid that to see whether an index *can* be used.
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await statement.execute(trx);
    return (rows as Record<string, string>[]).map((r) => r["QUERY PLAN"]).join("\n");
  };
  if (as === "service") return asService("test: explain", run, testDb.db);
  return withUser(await demoUser(testDb.db, "kari.nordby@asker.example.no"), run, testDb.db);
}

describe("query plans on 3000 ideas", () => {
  it("cannot use the search indexes directly under RLS (the reason for the definer helpers)", async () => {
    const direct = await plan(sql`explain select i.id from public.ideas i where i.search_vector @@ to_tsquery('norwegian', 'turnus:*')`, "user");
    expect(direct).not.toContain("ideas_search_idx");
  });

  it("uses the full-text indexes and ideas_title_trgm_idx for similar titles in the helpers' lookups", async () => {
    const text = await plan(sql`explain select i.id from public.ideas i where i.search_vector @@ to_tsquery('norwegian', 'turnus:*')`, "service");
    expect(text).toContain("Bitmap Index Scan on ideas_search_idx");
    // The search page's helper reads the narrow copy (20261125000000_search_documents.sql).
    const copy = await plan(
      sql`explain select d.id from app_private.idea_search_documents d where d.search_vector @@ to_tsquery('norwegian', 'turnus:*')`,
      "service",
    );
    expect(copy).toContain("Bitmap Index Scan on idea_search_documents_vector_idx");
    const similar = await plan(
      sql`explain select i.id from public.ideas i where i.title operator(extensions.%>) 'turnsu' or i.title operator(extensions.%) 'turnsu'`,
      "service",
    );
    expect(similar).toContain("Bitmap Index Scan on ideas_title_trgm_idx");
  });

  it("joins the helper's hits back to ideas by primary key as the user", async () => {
    const joined = await plan(
      sql`explain select i.id from app_private.search_idea_hits_text(to_tsquery('norwegian', 'turnus:*')) h join public.ideas i on i.id = h.id`,
      "user",
    );
    expect(joined).toContain("Function Scan on search_idea_hits_text");
    expect(joined).not.toContain("Seq Scan on ideas");
  });

  it("still finds, counts and pages correctly, and only what the user may see", async () => {
    const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    const result = await searchIdeas({ user, query: query("q=turnus") });
    // 375 ideas mention "turnus"; a third are organisation-only, of which Kari sees only Asker's.
    const expected = await asService(
      "test: count visible",
      (trx) =>
        sql<{ n: number }>`select count(*)::int as n from public.ideas i join public.organisations o on o.id = i.organisation_id
          where i.title like '%turnus' and (i.visibility = 'partners' or o.slug = 'asker')`.execute(trx),
      testDb.db,
    );
    expect(result.total).toBe(expected.rows[0]!.n);
    expect(result.hits).toHaveLength(20);
    expect(result.pageCount).toBe(Math.ceil(result.total / 20));
  });
});
