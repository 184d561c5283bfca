import crypto from "node:crypto";
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
let kari: User; // employee, Asker
let hilde: User; // colleague, Asker
let ahmed: User; // employee, Drammen
let askerNetworkMember: User;
let privateIdea: { ideaId: string; publicId: string };
let hiddenNameIdea: { ideaId: string; publicId: string };

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

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  const member = await asService("test: find a member of digi-asker", (trx) =>
    trx
      .selectFrom("network_members")
      .innerJoin("profiles", "profiles.id", "network_members.profile_id")
      .select("profiles.email")
      .where("network_members.network_id", "=", ref.network("digi-asker"))
      .executeTakeFirstOrThrow(),
  );
  askerNetworkMember = await demoUser(testDb.db, member.email);
  privateIdea = await submitIdea({ user: kari, input: input({ visibility: "organisation" }), proposal });
  hiddenNameIdea = await submitIdea({ user: kari, input: input({ hideName: "on" }), proposal });
});
afterAll(async () => {
  await testDb.close();
});

const visibleIdeaIds = (user: User) =>
  withUser(user, async (trx) => (await trx.selectFrom("ideas").select("id").execute()).map((r) => r.id));

describe("ideas RLS", () => {
  it("shows an organisation-only idea to colleagues and the network, not to another organisation", async () => {
    expect(await visibleIdeaIds(hilde)).toContain(privateIdea.ideaId);
    expect(await visibleIdeaIds(askerNetworkMember)).toContain(privateIdea.ideaId);
    expect(await visibleIdeaIds(ahmed)).not.toContain(privateIdea.ideaId);
    expect(await visibleIdeaIds(ahmed)).toContain(hiddenNameIdea.ideaId);
  });

  it("hides the submitter's name from other employees but not from the submitter or the network", async () => {
    const submitterRow = (user: User) =>
      withUser(user, (trx) => trx.selectFrom("idea_submitters").selectAll().where("idea_id", "=", hiddenNameIdea.ideaId).executeTakeFirst());
    expect(await submitterRow(kari)).toMatchObject({ submitter_id: kari.id });
    expect(await submitterRow(askerNetworkMember)).toMatchObject({ submitter_id: kari.id });
    expect(await submitterRow(hilde)).toBeUndefined();
    expect(await submitterRow(ahmed)).toBeUndefined();
  });

  it("refuses to let anyone claim to be the submitter of an existing idea", async () => {
    await expect(
      withUser(hilde, (trx) =>
        trx.insertInto("idea_submitters").values({ idea_id: privateIdea.ideaId, submitter_id: hilde.id, display_name: "Hilde" }).execute(),
      ),
    ).rejects.toThrow();
  });

  it("lets only the submitter edit while received, and never the routing", async () => {
    const editAs = (user: User, title: string) =>
      withUser(user, (trx) => trx.updateTable("ideas").set({ title }).where("id", "=", privateIdea.ideaId).executeTakeFirst());
    expect(Number((await editAs(hilde, "Hilde prøver å endre tittelen")).numUpdatedRows)).toBe(0);
    expect(Number((await editAs(ahmed, "Ahmed prøver å endre tittelen")).numUpdatedRows)).toBe(0);
    expect(Number((await editAs(kari, "Felles oppskrift for dispensere")).numUpdatedRows)).toBe(1);
    await expect(
      withUser(kari, (trx) => trx.updateTable("ideas").set({ network_id: ref.network("hh-dho") }).where("id", "=", privateIdea.ideaId).execute()),
    ).rejects.toThrow(/not allowed/);
    await expect(
      withUser(kari, (trx) => trx.updateTable("ideas").set({ status: "piloting" }).where("id", "=", privateIdea.ideaId).execute()),
    ).rejects.toThrow(/only withdraw/);

    await asService("test: triage starts", (trx) => trx.updateTable("ideas").set({ status: "under_review" }).where("id", "=", privateIdea.ideaId).execute());
    await expect(editAs(kari, "For sent å endre tittelen nå")).rejects.toThrow(/triage has started/);
  });

  it("keeps drafts private to their owner", async () => {
    const draft = await withUser(kari, (trx) =>
      trx.insertInto("idea_drafts").values({ owner_id: kari.id, title: "Min kladd" }).returning("id").executeTakeFirstOrThrow(),
    );
    expect(await withUser(hilde, (trx) => trx.selectFrom("idea_drafts").select("id").where("id", "=", draft.id).execute())).toEqual([]);
    const deleted = await withUser(hilde, (trx) => trx.deleteFrom("idea_drafts").where("id", "=", draft.id).executeTakeFirst());
    expect(Number(deleted.numDeletedRows)).toBe(0);
    await expect(
      withUser(hilde, (trx) => trx.insertInto("idea_drafts").values({ owner_id: kari.id, title: "Falsk kladd" }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("keeps the outbox and the number counters out of reach of signed-in users", async () => {
    await expect(withUser(kari, (trx) => trx.selectFrom("outbox_messages").selectAll().execute())).rejects.toThrow(/permission denied/);
    await expect(
      withUser(kari, (trx) =>
        trx.insertInto("outbox_messages").values({ kind: "spam", recipient_email: "x@example.no", idempotency_key: "x" }).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("makes the timeline append-only", async () => {
    const changed = await withUser(kari, (trx) =>
      trx.deleteFrom("idea_events").where("idea_id", "=", hiddenNameIdea.ideaId).executeTakeFirst(),
    );
    expect(Number(changed.numDeletedRows)).toBe(0);
    const events = await withUser(kari, (trx) => trx.selectFrom("idea_events").select("kind").where("idea_id", "=", hiddenNameIdea.ideaId).execute());
    expect(events.map((e) => e.kind)).toEqual(["submitted"]);
  });
});
