import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});

describe("row-level security coverage", () => {
  it("is enabled on every table in the public and app_private schemas", async () => {
    const { rows } = await sql<{ table_name: string; rls: boolean }>`
      select n.nspname || '.' || c.relname as table_name, c.relrowsecurity as rls
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'app_private') and c.relkind = 'r'
      order by 1`.execute(testDb.db);
    expect(rows.map((r) => r.table_name)).toContain("app_private.idea_count_deltas");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => !r.rls).map((r) => r.table_name)).toEqual([]);
  });

  it("gives every table that API roles may use a policy for each operation", async () => {
    const { rows } = await sql<{ table_name: string; cmds: string[] }>`
      select t.tablename as table_name,
             coalesce(array_agg(distinct lower(p.cmd)) filter (where p.cmd is not null), '{}') as cmds
      from pg_tables t
      join pg_class c on c.relname = t.tablename and c.relnamespace = 'public'::regnamespace
      left join pg_policies p on p.schemaname = t.schemaname and p.tablename = t.tablename
      where t.schemaname = 'public' and has_table_privilege('authenticated', c.oid, 'select')
      group by t.tablename`.execute(testDb.db);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.cmds.sort(), row.table_name).toEqual(expect.arrayContaining(["delete", "insert", "select", "update"]));
    }
  });

  it("records applied migrations where the Supabase CLI looks for them", async () => {
    const { rows } = await sql<{ version: string }>`select version from supabase_migrations.schema_migrations order by version`.execute(testDb.db);
    expect(rows.map((r) => r.version)).toContain("20261123090000");
  });
});
