import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { useTestEnv } from "./auth-helpers";
import { submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let cleanStorage: () => Promise<void>;

const KARI = "kari.nordby@asker.example.no"; // submitter
const INGRID = "ingrid.solberg@asker.example.no"; // member of digi-asker
const MARIUS = "marius.bakken@asker.example.no"; // coordinator of digi-asker

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  cleanStorage = await useTempFileStorage();
});
afterAll(async () => {
  await cleanStorage();
  await testDb.close();
});

async function event(ideaId: string, kind: string, actorId: string | null, data: Record<string, unknown> = {}) {
  await asService("test: timeline event", (trx) =>
    sql`insert into public.idea_events (idea_id, kind, actor_id, data) values (${ideaId}, ${kind}, ${actorId}, ${JSON.stringify(data)}::jsonb)`.execute(trx),
  );
}

async function notificationsFor(ideaId: string) {
  return asService("test: read notifications", (trx) =>
    trx
      .selectFrom("notifications")
      .innerJoin("profiles", "profiles.id", "notifications.recipient_id")
      .select(["notifications.kind", "profiles.email", "notifications.link", "notifications.values"])
      .where("notifications.idea_id", "=", ideaId)
      .orderBy("notifications.created_at")
      .execute(),
  );
}

describe("triage events in the notification centre", () => {
  it("tells a new owner and the submitter, but nobody about their own action", async () => {
    const { ideaId, publicId } = await submitDemoIdea(testDb.db, KARI);
    const kari = await demoUser(testDb.db, KARI);
    const ingrid = await demoUser(testDb.db, INGRID);
    const marius = await demoUser(testDb.db, MARIUS);

    await event(ideaId, "assigned", marius.id, { ownerId: ingrid.id, previousOwnerId: null });
    await event(ideaId, "assigned", marius.id, { ownerId: marius.id, previousOwnerId: ingrid.id }); // took it himself
    await event(ideaId, "status_changed", marius.id, { from: "received", to: "under_review" });
    await event(ideaId, "note", marius.id, {});
    await event(ideaId, "withdrawn", kari.id, {});

    const rows = await notificationsFor(ideaId);
    expect(rows.map((r) => [r.kind, r.email])).toEqual([
      ["idea_assigned", INGRID],
      ["idea_answered", KARI],
    ]);
    expect(rows[0].link).toBe(`/ideer/${publicId}`);
    expect(rows[1].values).toMatchObject({ publicId, title: "Digitalt tilsyn om natten i hjemmetjenesten" });
  });
});
