import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withAnon, withUser } from "~/db/client.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// withUser/withAnon send `begin` and the transaction-local role and claims as one message with the
// claims as a quoted literal (decision 012): the quoting, the scope and the rollback are checked here.

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
});
afterAll(async () => {
  await testDb.close();
});

const KARI = "50000000-0000-4000-8000-000000000001";

describe("transactions as a user", () => {
  it("passes the claims intact, whatever the e-mail contains", async () => {
    for (const email of ["kari@asker.kommune.no", "o'brien@x.no", "back\\slash'); drop table public.ideas; --@x.no", "\"quoted\" æøå@x.no"]) {
      const row = await withUser({ id: KARI, email }, async (trx) =>
        (await sql<{ uid: string; email: string; role: string }>`select auth.uid()::text as uid, auth.jwt()->>'email' as email, current_user as role`.execute(trx)).rows[0],
      testDb.db);
      expect(row).toEqual({ uid: KARI, email, role: "authenticated" });
    }
    const ideas = await asService("test: the table is still there", (trx) => sql<{ n: number }>`select count(*)::int as n from public.ideas`.execute(trx), testDb.db);
    expect(ideas.rows[0]!.n).toBeGreaterThan(0);
  });

  it("keeps the role and claims to the transaction: the connection is back to the service role afterwards", async () => {
    await withAnon(async (trx) => {
      expect((await sql<{ role: string }>`select current_user as role`.execute(trx)).rows[0]!.role).toBe("anon");
    }, testDb.db);
    const after = await asService("test: who am I now", (trx) => sql<{ role: string; claims: string | null }>`
      select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims`.execute(trx), testDb.db);
    expect(after.rows[0]!.role).not.toBe("anon");
    expect(after.rows[0]!.role).not.toBe("authenticated");
    expect(after.rows[0]!.claims).toBeNull();
  });

  it("rolls back everything the work did when it throws, and commits when it returns", async () => {
    const user = { id: KARI, email: "kari@asker.kommune.no" };
    const unread = (trx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
      sql<{ n: number }>`select count(*)::int as n from public.notifications where recipient_id = ${KARI} and read_at is null`.execute(trx);
    await asService("test: give Kari an unread notification", (trx) => sql`
      insert into public.notifications (recipient_id, kind, title_key, link) values (${KARI}, 'status_changed', 'test.title', '/ideer')`.execute(trx), testDb.db);
    const before = (await withUser(user, unread, testDb.db)).rows[0]!.n;
    expect(before).toBeGreaterThan(0);
    await expect(
      withUser(user, async (trx) => {
        await sql`update public.notifications set read_at = now() where recipient_id = ${KARI}`.execute(trx);
        expect((await unread(trx)).rows[0]!.n).toBe(0);
        throw new Error("stop");
      }, testDb.db),
    ).rejects.toThrow("stop");
    expect((await withUser(user, unread, testDb.db)).rows[0]!.n).toBe(before);
    await withUser(user, (trx) => sql`update public.notifications set read_at = now() where recipient_id = ${KARI}`.execute(trx), testDb.db);
    expect((await withUser(user, unread, testDb.db)).rows[0]!.n).toBe(0);
  });

  it("rolls back a statement error and leaves the connection usable", async () => {
    const user = { id: KARI, email: "kari@asker.kommune.no" };
    await expect(withUser(user, (trx) => sql`select 1/0`.execute(trx), testDb.db)).rejects.toThrow();
    const row = await withUser(user, async (trx) => (await sql<{ one: number }>`select 1 as one`.execute(trx)).rows[0], testDb.db);
    expect(row).toEqual({ one: 1 });
  });
});
