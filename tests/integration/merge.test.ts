import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { supportIdea } from "~/modules/ideas/support-idea.server";
import { followIdea } from "~/modules/follows/follow-idea.server";
import { findMergedFrom, findMergeTarget } from "~/modules/merge/find-merge-target.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { recordSameNeed } from "~/modules/same-need/record-same-need.server";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // Asker, submits A
let hilde: User; // Asker
let marius: User; // Asker, coordinator of A's network
let ahmed: User; // Drammen, submits B
let lene: User; // Drammen
let emily: User; // Drammen
let maria: User; // Lier
let sofie: User; // Kongsberg
let a: { ideaId: string; publicId: string };
let b: { ideaId: string; publicId: string };

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
function input(title: string) {
  return IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title,
    problem: "Pårørende ringer mange ganger om dagen for å høre om medisinene er tatt.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("mestringsteknologi"),
    privacyConfirmed: "on",
  });
}
const service = <T>(work: Parameters<typeof asService<T>>[1]) => asService("test: inspect", work);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const supporters = (ideaId: string) =>
  service((trx) => trx.selectFrom("idea_supports").select("profile_id").where("idea_id", "=", ideaId).execute()).then((r) => r.map((x) => x.profile_id).sort());
const sameNeed = (ideaId: string) =>
  service((trx) =>
    trx
      .selectFrom("idea_same_need")
      .innerJoin("organisations", "organisations.id", "idea_same_need.organisation_id")
      .select(["organisations.name", "idea_same_need.note"])
      .where("idea_id", "=", ideaId)
      .orderBy("organisations.name")
      .execute(),
  );
const followers = (ideaId: string) =>
  service((trx) => trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", ideaId).execute()).then((r) => r.map((x) => x.profile_id).sort());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  [kari, hilde, marius, ahmed, lene, emily, maria, sofie] = await Promise.all(
    [
      "kari.nordby@asker.example.no",
      "hilde.strand@asker.example.no",
      "marius.bakken@asker.example.no",
      "ahmed.rahimi@drammen.example.no",
      "lene.dahl@drammen.example.no",
      "emily.carter@drammen.example.no",
      "maria.haugen@lier.example.no",
      "sofie.kvam@kongsberg.example.no",
    ].map((email) => demoUser(testDb.db, email)),
  );
  a = await submitIdea({ user: kari, input: input("Medisindispenser som varsler pårørende"), proposal });
  b = await submitIdea({ user: ahmed, input: input("Varsel til pårørende fra medisindispenseren"), proposal });
  // Hilde supports both; Lene only A; Emily only B.
  for (const [user, idea] of [[hilde, a], [hilde, b], [lene, a], [emily, b]] as const) await supportIdea({ user, ideaId: idea.ideaId });
  // Lier has the same need on both (with different notes), Kongsberg only on A.
  await recordSameNeed({ user: maria, ideaId: a.ideaId, note: "Notat på A" });
  await recordSameNeed({ user: maria, ideaId: b.ideaId, note: "Notat på B" });
  await recordSameNeed({ user: sofie, ideaId: a.ideaId, note: "Kongsberg trenger det også" });
  await followIdea({ user: lene, ideaId: a.ideaId });
  await followIdea({ user: lene, ideaId: b.ideaId });
});
afterAll(async () => {
  await testDb.close();
});

describe("merging A into B", () => {
  it("moves supporters, same-need signals and followers without double counting, in the answer's transaction", async () => {
    expect(await supporters(b.ideaId)).toHaveLength(2);
    await changeIdeaStatus({
      user: marius,
      change: { ideaId: a.ideaId, toStatus: "merged", mergeIntoPublicId: b.publicId, body: "Drammen har det samme forslaget. Vi samler arbeidet der." },
    });
    // Hilde supported both: counted once.
    expect(await supporters(b.ideaId)).toEqual([hilde.id, lene.id, emily.id].sort());
    expect(await supporters(a.ideaId)).toEqual([]);
    // Lier on both: once, with B's own note; Kongsberg moves with its note; Asker (A's organisation) now has the same need on B.
    expect(await sameNeed(b.ideaId)).toEqual([
      { name: "Asker kommune", note: null },
      { name: "Kongsberg kommune", note: "Kongsberg trenger det også" },
      { name: "Lier kommune", note: "Notat på B" },
    ]);
    expect(await sameNeed(a.ideaId)).toEqual([]);
    // Lene followed both: once. Kari (A's submitter) now follows B.
    expect(await followers(b.ideaId)).toEqual([ahmed.id, kari.id, lene.id].sort());
    expect(await followers(a.ideaId)).toEqual([]);
  });

  it("records it on B's timeline, tells B's submitter and sends A's submitter the written answer", async () => {
    const events = await service((trx) => trx.selectFrom("idea_events").select(["kind", "actor_id", "data"]).where("idea_id", "=", b.ideaId).where("kind", "=", "merged_in").execute());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: marius.id, data: { fromIdeaId: a.ideaId, fromPublicId: a.publicId } });
    const toAhmed = await service((trx) => trx.selectFrom("notifications").select(["id", "values", "link"]).where("recipient_id", "=", ahmed.id).where("kind", "=", "idea_merged_in").execute());
    expect(toAhmed).toHaveLength(1);
    expect(toAhmed[0]).toMatchObject({ link: `/ideer/${b.publicId}`, values: { fromPublicId: a.publicId, fromTitle: "Medisindispenser som varsler pårørende" } });
    const mail = await service((trx) => trx.selectFrom("outbox_messages").select(["kind", "recipient_email"]).where("idempotency_key", "=", `notification:${toAhmed[0]!.id}`).execute());
    expect(mail).toEqual([{ kind: "notification_email", recipient_email: ahmed.email }]);
    const answerMail = await service((trx) =>
      trx.selectFrom("outbox_messages").select(["recipient_email", "payload"]).where("kind", "=", "idea_answer").where("recipient_email", "=", kari.email).execute(),
    );
    expect(answerMail.filter((m) => m.payload.ideaId === a.ideaId)).toHaveLength(1);
  });

  it("finds where A went, for the redirect, and refuses new support and same-need on A", async () => {
    expect(await findMergeTarget({ user: lene, publicId: a.publicId })).toEqual({ publicId: b.publicId });
    expect(await findMergeTarget({ user: lene, publicId: b.publicId })).toBeNull();
    expect(await findMergedFrom({ user: lene, fromPublicId: a.publicId, intoIdeaId: b.ideaId })).toEqual({ publicId: a.publicId, title: "Medisindispenser som varsler pårørende" });
    expect(await findMergedFrom({ user: lene, fromPublicId: b.publicId, intoIdeaId: b.ideaId })).toBeNull();
    expect(await code(supportIdea({ user: sofie, ideaId: a.ideaId }))).toBe("idea_closed_for_support");
    expect(await code(recordSameNeed({ user: sofie, ideaId: a.ideaId }))).toBe("idea_closed");
    expect(await supporters(a.ideaId)).toEqual([]);
  });
});
