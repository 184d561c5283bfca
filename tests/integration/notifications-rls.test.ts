import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { createOrganisation, createUser, type CreatedUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
let anna: CreatedUser;
let bjorn: CreatedUser;

async function notify(recipientId: string, titleKey = "items.sla_overdue") {
  return asService("test: write a notification", async (trx) =>
    (
      await trx
        .insertInto("notifications")
        .values({ recipient_id: recipientId, kind: "sla_overdue", title_key: titleKey, values: JSON.stringify({ title: "Test" }), link: "/varsler" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id,
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await createOrganisation();
  anna = await createUser({ organisationId: org.id });
  bjorn = await createUser({ organisationId: org.id });
});
afterAll(async () => {
  await testDb.close();
});

describe("notifications RLS", () => {
  it("lets a recipient read and mark read only their own notifications", async () => {
    const annas = await notify(anna.id);
    const bjorns = await notify(bjorn.id);
    const seen = await withUser(anna, (trx) => trx.selectFrom("notifications").select("id").execute());
    expect(seen.map((r) => r.id)).toEqual([annas]);

    const marked = await withUser(anna, (trx) =>
      trx.updateTable("notifications").set({ read_at: new Date() }).where("id", "in", [annas, bjorns]).returning("id").execute(),
    );
    expect(marked.map((r) => r.id)).toEqual([annas]);
    const bjornsRow = await asService("test: read", (trx) => trx.selectFrom("notifications").select("read_at").where("id", "=", bjorns).executeTakeFirstOrThrow());
    expect(bjornsRow.read_at).toBeNull();
  });

  it("refuses to change anything but read_at, to hand a notification to someone else, or to delete it", async () => {
    const id = await notify(anna.id);
    await expect(
      withUser(anna, (trx) => trx.updateTable("notifications").set({ title_key: "items.hacked" }).where("id", "=", id).execute()),
    ).rejects.toThrow(/only read_at/);
    await expect(
      withUser(anna, (trx) => trx.updateTable("notifications").set({ recipient_id: bjorn.id }).where("id", "=", id).execute()),
    ).rejects.toThrow();
    const deleted = await withUser(anna, (trx) => trx.deleteFrom("notifications").where("id", "=", id).executeTakeFirst()).catch((e: Error) => e);
    expect(deleted instanceof Error || Number(deleted.numDeletedRows) === 0).toBe(true);
    const still = await asService("test: read", (trx) => trx.selectFrom("notifications").select("id").where("id", "=", id).execute());
    expect(still).toHaveLength(1);
  });

  it("refuses direct inserts and direct calls of the writing function", async () => {
    await expect(
      withUser(anna, (trx) =>
        trx.insertInto("notifications").values({ recipient_id: anna.id, kind: "sla_overdue", title_key: "items.sla_overdue", link: null }).execute(),
      ),
    ).rejects.toThrow(/permission denied|row-level security/);
    await expect(
      withUser(anna, (trx) => sql`select app_private.create_notification(${anna.id}::uuid, 'x_y', null, 'items.x', '{}'::jsonb, null)`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
  });

  it("keeps preferences to their owner", async () => {
    await withUser(anna, (trx) => trx.insertInto("notification_preferences").values({ profile_id: anna.id, email_mode: "off" }).execute());
    await expect(
      withUser(anna, (trx) => trx.insertInto("notification_preferences").values({ profile_id: bjorn.id, email_mode: "off" }).execute()),
    ).rejects.toThrow(/row-level security/);
    const fromBjorn = await withUser(bjorn, (trx) => trx.selectFrom("notification_preferences").selectAll().execute());
    expect(fromBjorn).toEqual([]);
    const changed = await withUser(bjorn, (trx) =>
      trx.updateTable("notification_preferences").set({ email_mode: "immediate" }).where("profile_id", "=", anna.id).executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
  });

  it("keeps SLA escalations away from API roles' writes", async () => {
    await expect(
      withUser(anna, (trx) => sql`insert into public.sla_escalations (idea_id, level, due_at) values (gen_random_uuid(), 'admins', now())`.execute(trx)),
    ).rejects.toThrow(/permission denied|row-level security/);
  });
});
