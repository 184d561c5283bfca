import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // employee, Asker: the submitter
let ingrid: User; // member digi-asker
let marius: User; // coordinator digi-asker
let stian: User; // coordinator hh-dho (another network)

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
const input = () =>
  IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Felles oppskrift for medisindispensere",
    problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("mestringsteknologi"),
    privacyConfirmed: "on",
  });
const newIdea = () => submitIdea({ user: kari, input: input(), proposal });
const idea = (id: string) =>
  asService("test: read idea", (trx) => trx.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
const answerBody = "Takk for forslaget, vi ser på det i neste nettverksmøte.";

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  ingrid = await demoUser(testDb.db, "ingrid.solberg@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  stian = await demoUser(testDb.db, "stian.kolstad@responssenteret.example.no");
});
afterAll(async () => {
  await testDb.close();
});

describe("triage database guarantees", () => {
  it("starts a new idea owing its first answer", async () => {
    const { ideaId } = await newIdea();
    const row = await idea(ideaId);
    expect(row.network_id).toBe(ref.network("digi-asker"));
    expect(row.next_due_at?.getTime()).toBe(row.first_answer_due_at.getTime());
  });

  it("refuses a status change without an answer, for members and admins alike", async () => {
    const { ideaId } = await newIdea();
    await expect(
      withUser(ingrid, (trx) => trx.updateTable("ideas").set({ status: "under_review" }).where("id", "=", ideaId).execute()),
    ).rejects.toMatchObject({ code: "23514" });
    expect((await idea(ideaId)).status).toBe("received");
  });

  it("applies an answer: status, clock, timeline and outbox in one go", async () => {
    const { ideaId } = await newIdea();
    await withUser(ingrid, (trx) =>
      trx.insertInto("idea_answers").values({ idea_id: ideaId, to_status: "under_review", body: answerBody }).execute(),
    );
    const row = await idea(ideaId);
    expect(row.status).toBe("under_review");
    expect(row.first_answered_at).not.toBeNull();
    const days = (row.next_due_at!.getTime() - row.last_answer_at!.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(60, 3);
    const outbox = await asService("test", (trx) =>
      trx.selectFrom("outbox_messages").select(["kind", "recipient_email"]).where(sql`payload->>'ideaId'`, "=", ideaId).where("kind", "=", "idea_answer").execute(),
    );
    expect(outbox).toEqual([{ kind: "idea_answer", recipient_email: kari.email }]);
    const answers = await withUser(kari, (trx) => trx.selectFrom("idea_answers").select(["from_status", "to_status", "on_time", "author_id"]).where("idea_id", "=", ideaId).execute());
    expect(answers).toEqual([{ from_status: "received", to_status: "under_review", on_time: true, author_id: ingrid.id }]);
  });

  it("refuses answers from members of another network", async () => {
    const { ideaId } = await newIdea();
    await expect(
      withUser(stian, (trx) => trx.insertInto("idea_answers").values({ idea_id: ideaId, to_status: "under_review", body: answerBody }).execute()),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("transfers with a reason and keeps the clock", async () => {
    const { ideaId } = await newIdea();
    const before = await idea(ideaId);
    await withUser(marius, (trx) =>
      trx.insertInto("idea_transfers").values({ idea_id: ideaId, from_network_id: ref.network("digi-asker"), to_network_id: ref.network("hh-dho"), reason: "Dette gjelder digital hjemmeoppfølging." }).execute(),
    );
    const after = await idea(ideaId);
    expect(after.network_id).toBe(ref.network("hh-dho"));
    expect(after.next_due_at?.getTime()).toBe(before.next_due_at?.getTime());
  });
});
