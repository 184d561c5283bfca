import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { seedIdea } from "./search-support";

// Search reads a narrow copy of each idea (app_private.idea_search_documents, 20261125000000): it
// must follow public.ideas through every kind of change, and no API role may read it.

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
}, 120_000);
afterAll(async () => {
  await testDb.close();
});

/** Ideas whose copy is missing or differs in any column, and copies without an idea. */
async function differences() {
  return asService("test: compare the copy with the ideas", async (trx) => {
    const { rows } = await sql<{ id: string; problem: string }>`
      select coalesce(i.id, d.id)::text as id, case when i.id is null then 'copy without idea' when d.id is null then 'missing' else 'differs' end as problem
      from public.ideas i full join app_private.idea_search_documents d on d.id = i.id
      where i.id is null or d.id is null
         or (d.status, d.visibility, d.organisation_id, d.network_id, d.theme_id, d.submitted_at, d.updated_at,
             d.next_due_at, d.service_area_ids, d.search_vector)
            is distinct from (i.status, i.visibility, i.organisation_id, i.network_id, i.theme_id, i.submitted_at,
             i.updated_at, i.next_due_at, i.service_area_ids, i.search_vector)`.execute(trx);
    return rows;
  }, testDb.db);
}

describe("the search copy of ideas", () => {
  it("holds every demo idea as it is", async () => {
    const count = await asService("test: count copies", (trx) => sql<{ n: number }>`select count(*)::int as n from app_private.idea_search_documents`.execute(trx), testDb.db);
    expect(count.rows[0]!.n).toBeGreaterThan(0);
    expect(await differences()).toEqual([]);
  });

  it("follows inserts, edits of text, status, visibility and routing, bulk updates and deletes", async () => {
    const idea = await seedIdea(testDb.db, { submitter: "kari.nordby@asker.example.no", title: "Kopiprøve med nattsensor" });
    expect(await differences()).toEqual([]);
    const change = (statement: ReturnType<typeof sql>) => asService("test: change an idea", (trx) => statement.execute(trx), testDb.db);
    await change(sql`update public.ideas set title = 'Kopiprøve med dørsensor', problem = 'Ny tekst om dørsensor' where id = ${idea.id}`);
    await change(sql`update public.ideas set status = 'under_review', next_due_at = now() + interval '3 days' where id = ${idea.id}`);
    await change(sql`update public.ideas set visibility = 'organisation' where id = ${idea.id}`);
    await change(sql`update public.ideas set network_id = (select id from public.networks where id <> ideas.network_id limit 1) where id = ${idea.id}`);
    expect(await differences()).toEqual([]);
    const found = await asService("test: find by the new word", (trx) => sql<{ n: number }>`
      select count(*)::int as n from app_private.idea_search_documents where id = ${idea.id} and search_vector @@ to_tsquery('norwegian', 'dørsensor')`.execute(trx), testDb.db);
    expect(found.rows[0]!.n).toBe(1);
    await change(sql`update public.ideas set next_due_at = next_due_at + interval '1 day' where next_due_at is not null`);
    expect(await differences()).toEqual([]);
    await change(sql`delete from public.ideas where id = ${idea.id}`);
    expect(await differences()).toEqual([]);
  });

  it("is rebuilt to match after changes made with triggers off", async () => {
    await asService("test: a bulk change with triggers off", async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update public.ideas set next_due_at = now() + interval '30 days' where status = 'received'`.execute(trx);
    }, testDb.db);
    expect((await differences()).length).toBeGreaterThan(0);
    await asService("test: rebuild", (trx) => sql`select app_private.rebuild_idea_search_documents()`.execute(trx), testDb.db);
    expect(await differences()).toEqual([]);
  });

  it("cannot be read or changed by a signed-in user", async () => {
    const user = { id: "50000000-0000-4000-8000-000000000001", email: "kari.nordby@asker.example.no" };
    await expect(withUser(user, (trx) => sql`select count(*) from app_private.idea_search_documents`.execute(trx), testDb.db)).rejects.toThrow(/permission denied/);
    await expect(withUser(user, (trx) => sql`delete from app_private.idea_search_documents`.execute(trx), testDb.db)).rejects.toThrow(/permission denied/);
    await expect(withUser(user, (trx) => sql`select app_private.rebuild_idea_search_documents()`.execute(trx), testDb.db)).rejects.toThrow(/permission denied/);
  });
});
