import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { seedIdea } from "./search-support";

// The search page counts and sorts the hits of two security definer helpers without joining each
// hit back to public.ideas (20261124220000_search_hits_with_columns.sql). The helpers repeat the
// ideas_select policy's rule, so they must see exactly the ideas that the policy shows, for every
// demo user: otherwise counts would include ideas a user may not see (or miss some they may).

let testDb: TestDatabase;
type Person = { id: string; email: string };
let people: Person[];
/** A tsquery (text, already lexemes) that every idea matches: each idea's first title lexeme, or-ed together. */
let everything: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  // Organisation-only ideas in two organisations and one of a network coordinator's own, besides the demo data.
  await seedIdea(testDb.db, { submitter: "ahmed.rahimi@drammen.example.no", title: "Synlighetsprøve kun Drammen", visibility: "organisation" });
  await seedIdea(testDb.db, { submitter: "kari.nordby@asker.example.no", title: "Synlighetsprøve kun Asker", visibility: "organisation" });
  await seedIdea(testDb.db, { submitter: "maria.haugen@lier.example.no", title: "Synlighetsprøve for partnere" });
  people = await asService("test: every demo profile", (trx) => trx.selectFrom("profiles").select(["id", "email"]).orderBy("email").execute(), testDb.db);
  everything = await asService(
    "test: a query matching every idea",
    async (trx) =>
      (
        await sql<{ q: string }>`select string_agg(distinct quote_literal(w), ' | ') as q
          from (select (tsvector_to_array(to_tsvector('norwegian', title)))[1] as w from public.ideas) words`.execute(trx)
      ).rows[0]!.q,
    testDb.db,
  );
}, 120_000);
afterAll(async () => {
  await testDb.close();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("the search helpers' visibility rule is the ideas_select policy's", () => {
  it("full text: the helper's hits are the ideas the user can select, for every demo user", async () => {
    const total = await asService("test: all ideas", async (trx) => (await sql<{ n: number }>`select count(*)::int as n from public.ideas`.execute(trx)).rows[0]!.n, testDb.db);
    const seen = new Set<number>();
    for (const person of people) {
      const { helper, policy } = await withUser(
        person,
        async (trx) => ({
          helper: ids((await sql<{ id: string }>`select id from app_private.search_idea_hits_text(${everything}::tsquery)`.execute(trx)).rows),
          policy: ids((await sql<{ id: string }>`select id from public.ideas`.execute(trx)).rows),
        }),
        testDb.db,
      );
      expect({ who: person.email, ids: helper }).toEqual({ who: person.email, ids: policy });
      seen.add(policy.length);
    }
    // The demo users see different sets (organisation-only ideas), and someone (the admin) sees all.
    expect(seen.size).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBe(total);
  });

  it("similar ideas' text candidates: the open ideas the policy shows, for every demo user", async () => {
    for (const person of people) {
      const { helper, policy } = await withUser(
        person,
        async (trx) => ({
          helper: ids((await sql<{ id: string }>`select idea_id as id from app_private.similar_idea_text_candidates(${everything}::tsquery, 200)`.execute(trx)).rows),
          policy: ids((await sql<{ id: string }>`select id from public.ideas where status not in ('withdrawn', 'merged')`.execute(trx)).rows),
        }),
        testDb.db,
      );
      expect(policy.length).toBeLessThan(200);
      expect({ who: person.email, ids: helper }).toEqual({ who: person.email, ids: policy });
    }
  });

  it("similar titles: the helper's hits are the ones the policy shows, for every demo user", async () => {
    for (const person of people) {
      const { helper, policy } = await withUser(
        person,
        async (trx) => ({
          helper: ids((await sql<{ id: string }>`select id from app_private.search_idea_hits_similar_title('synlighetsprove')`.execute(trx)).rows),
          policy: ids(
            (
              await sql<{ id: string }>`select id from public.ideas i
                where i.title operator(extensions.%>) 'synlighetsprove' or i.title operator(extensions.%) 'synlighetsprove'`.execute(trx)
            ).rows,
          ),
        }),
        testDb.db,
      );
      expect(policy.length, person.email).toBeGreaterThan(0);
      expect({ who: person.email, ids: helper }).toEqual({ who: person.email, ids: policy });
    }
  });

  it("returns the filter and sort columns as stored, not the ideas a user may not see", async () => {
    const kari = people.find((p) => p.email === "kari.nordby@asker.example.no")!;
    const rows = await withUser(
      kari,
      async (trx) =>
        (
          await sql<{ same: boolean; title: string }>`select (h.status, h.organisation_id, h.network_id, h.theme_id, h.service_area_ids,
                     h.submitted_at, h.updated_at, h.next_due_at)
                  is not distinct from (i.status, i.organisation_id, i.network_id, i.theme_id, i.service_area_ids,
                     i.submitted_at, i.updated_at, i.next_due_at) as same, i.title
            from app_private.search_idea_hits_text(to_tsquery('norwegian', 'synlighetsprøve:*')) h
            join public.ideas i on i.id = h.id`.execute(trx)
        ).rows,
      testDb.db,
    );
    expect(rows.map((r) => r.title).sort()).toEqual(["Synlighetsprøve for partnere", "Synlighetsprøve kun Asker"]);
    expect(rows.every((r) => r.same)).toBe(true);
  });
});
