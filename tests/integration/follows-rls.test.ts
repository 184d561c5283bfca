import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { followIdea } from "~/modules/follows/follow-idea.server";
import { unfollowIdea } from "~/modules/follows/unfollow-idea.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User;
let hilde: User;
let ingrid: User; // network member of digi-asker
let ahmed: User;
let openIdea: { ideaId: string; publicId: string };
let privateIdea: { ideaId: string; publicId: string };

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
function input(overrides: Record<string, unknown> = {}) {
  return IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Felles oppskrift for medisindispensere",
    problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("mestringsteknologi"),
    privacyConfirmed: "on",
    ...overrides,
  });
}
const followers = (ideaId: string) =>
  asService("test: followers", async (trx) =>
    (await trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", ideaId).execute()).map((r) => r.profile_id).sort(),
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  ingrid = await demoUser(testDb.db, "ingrid.solberg@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  openIdea = await submitIdea({ user: kari, input: input(), proposal });
  privateIdea = await submitIdea({ user: kari, input: input({ visibility: "organisation" }), proposal });
});
afterAll(async () => {
  await testDb.close();
});

describe("follows", () => {
  it("makes the submitter follow their idea", async () => {
    expect(await followers(openIdea.ideaId)).toEqual([kari.id]);
  });

  it("is idempotent to follow, and lets anyone (also the submitter) stop following", async () => {
    await Promise.all([followIdea({ user: ahmed, ideaId: openIdea.ideaId }), followIdea({ user: ahmed, ideaId: openIdea.ideaId })]);
    expect(await followers(openIdea.ideaId)).toEqual([kari.id, ahmed.id].sort());
    await unfollowIdea({ user: kari, ideaId: openIdea.ideaId });
    await unfollowIdea({ user: kari, ideaId: openIdea.ideaId });
    expect(await followers(openIdea.ideaId)).toEqual([ahmed.id]);
  });

  it("shows your own follows, and the idea's followers to its network only", async () => {
    await followIdea({ user: hilde, ideaId: openIdea.ideaId });
    const seen = (user: User) =>
      withUser(user, async (trx) => (await trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", openIdea.ideaId).execute()).map((r) => r.profile_id).sort());
    expect(await seen(hilde)).toEqual([hilde.id]);
    expect(await seen(ingrid)).toEqual([ahmed.id, hilde.id].sort());
  });

  it("refuses following for someone else, removing others' follows, and following an idea you cannot see", async () => {
    await expect(
      withUser(hilde, (trx) => trx.insertInto("idea_follows").values({ idea_id: openIdea.ideaId, profile_id: ahmed.id }).execute()),
    ).rejects.toThrow(/row-level security/);
    await withUser(hilde, (trx) => trx.deleteFrom("idea_follows").where("profile_id", "=", ahmed.id).execute());
    expect(await followers(openIdea.ideaId)).toContain(ahmed.id);
    await expect(followIdea({ user: ahmed, ideaId: privateIdea.ideaId })).rejects.toMatchObject({ code: "idea_not_found" });
    await expect(
      withUser(ahmed, (trx) => trx.insertInto("idea_follows").values({ idea_id: privateIdea.ideaId, profile_id: ahmed.id }).execute()),
    ).rejects.toThrow(/row-level security/);
  });
});
