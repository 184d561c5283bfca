import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { answerCocreation } from "~/modules/cocreators/answer-cocreation.server";
import { inviteCocreator } from "~/modules/cocreators/invite-cocreator.server";
import { listCocreators } from "~/modules/cocreators/list-cocreators.server";
import { removeCocreator } from "~/modules/cocreators/remove-cocreator.server";
import { requestCocreation } from "~/modules/cocreators/request-cocreation.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { updateIdea } from "~/modules/ideas/update-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // Asker, submitter
let hilde: User; // Asker
let marius: User; // Asker, coordinator of the Asker network
let ahmed: User; // Drammen
let lene: User; // Drammen
let idea: { ideaId: string; publicId: string };
let privateIdea: { ideaId: string; publicId: string };

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
function input(overrides: Record<string, unknown> = {}) {
  return IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Felles rutine for nattlige tilsyn",
    problem: "Hver sone gjør nattlige tilsyn på sin egen måte, og vi lærer ikke av hverandre.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("rutiner-og-organisering"),
    privacyConfirmed: "on",
    ...overrides,
  });
}
const edit = (title: string, overrides: Record<string, unknown> = {}) => {
  const { title: _t, ...rest } = input(overrides);
  return { ...rest, title };
};

const service = <T>(work: Parameters<typeof asService<T>>[1]) => asService("test: inspect", work);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const notificationsOf = (profileId: string, kind: string) =>
  service((trx) => trx.selectFrom("notifications").select(["id", "values", "link"]).where("recipient_id", "=", profileId).where("kind", "=", kind).execute());
const outboxFor = (notificationId: string) =>
  service((trx) => trx.selectFrom("outbox_messages").select(["kind", "recipient_email"]).where("idempotency_key", "=", `notification:${notificationId}`).execute());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  lene = await demoUser(testDb.db, "lene.dahl@drammen.example.no");
  idea = await submitIdea({ user: kari, input: input(), proposal });
  privateIdea = await submitIdea({ user: kari, input: input({ visibility: "organisation" }), proposal });
});
afterAll(async () => {
  await testDb.close();
});

describe("co-creators", () => {
  it("asks to join: the submitter is told in-app and by e-mail; asking twice adds nothing", async () => {
    expect(await requestCocreation({ user: ahmed, ideaId: idea.ideaId, message: "Vi har prøvd noe lignende i Drammen." })).toEqual({ created: true });
    expect(await requestCocreation({ user: ahmed, ideaId: idea.ideaId })).toEqual({ created: false });
    const told = await notificationsOf(kari.id, "cocreator_requested");
    expect(told).toHaveLength(1);
    expect(told[0]!.values).toMatchObject({ name: "Ahmed Rahimi", publicId: idea.publicId });
    expect(await outboxFor(told[0]!.id)).toEqual([{ kind: "notification_email", recipient_email: kari.email }]);
    // Pending requests are for those concerned: a colleague of the submitter does not see it.
    const seenByHilde = await withUser(hilde, (trx) => listCocreators(trx, idea.ideaId));
    expect(seenByHilde).toEqual([]);
    const seenByKari = await withUser(kari, (trx) => listCocreators(trx, idea.ideaId));
    expect(seenByKari.map((c) => [c.name, c.status, c.message])).toEqual([["Ahmed Rahimi", "pending", "Vi har prøvd noe lignende i Drammen."]]);
  });

  it("only the submitter answers a request; accepting lists, follows, records and tells the asker", async () => {
    const [row] = await withUser(kari, (trx) => listCocreators(trx, idea.ideaId));
    expect(await code(answerCocreation({ user: ahmed, ideaId: idea.ideaId, cocreatorId: row!.id, accept: true }))).toBe("not_allowed");
    // A colleague does not even see the pending request.
    expect(await code(answerCocreation({ user: hilde, ideaId: idea.ideaId, cocreatorId: row!.id, accept: true }))).toBe("cocreator_not_found");
    await answerCocreation({ user: kari, ideaId: idea.ideaId, cocreatorId: row!.id, accept: true });
    expect(await code(answerCocreation({ user: kari, ideaId: idea.ideaId, cocreatorId: row!.id, accept: false }))).toBe("cocreator_already_answered");

    const seenByHilde = await withUser(hilde, (trx) => listCocreators(trx, idea.ideaId));
    expect(seenByHilde.map((c) => [c.name, c.organisationName, c.status, c.message])).toEqual([["Ahmed Rahimi", "Drammen kommune", "accepted", null]]);
    const follows = await service((trx) => trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", idea.ideaId).execute());
    expect(follows.map((f) => f.profile_id)).toContain(ahmed.id);
    const events = await service((trx) => trx.selectFrom("idea_events").select(["kind", "data"]).where("idea_id", "=", idea.ideaId).where("kind", "=", "cocreator_joined").execute());
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ name: "Ahmed Rahimi" });
    const told = await notificationsOf(ahmed.id, "cocreator_accepted");
    expect(told).toHaveLength(1);
    expect(await outboxFor(told[0]!.id)).toHaveLength(1);
    expect((await getIdea({ user: ahmed, publicId: idea.publicId }))?.isCocreator).toBe(true);
  });

  it("lets a co-creator edit the text while 'received', but not visibility, the name setting or the status", async () => {
    await updateIdea({ user: ahmed, ideaId: idea.ideaId, edit: edit("Felles rutine for nattlige tilsyn i to kommuner", { visibility: "organisation", hideName: true }), proposal });
    const after = await service((trx) => trx.selectFrom("ideas").select(["title", "visibility", "hide_name"]).where("id", "=", idea.ideaId).executeTakeFirstOrThrow());
    expect(after).toEqual({ title: "Felles rutine for nattlige tilsyn i to kommuner", visibility: "partners", hide_name: false });
    const events = await service((trx) => trx.selectFrom("idea_events").select(["kind", "actor_id"]).where("idea_id", "=", idea.ideaId).where("kind", "=", "edited").execute());
    expect(events).toEqual([{ kind: "edited", actor_id: ahmed.id }]);
    // Straight at the database: RLS and the guard hold even if the app forgot.
    const withdraw = withUser(ahmed, (trx) =>
      trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Jeg vil ikke mer" }).where("id", "=", idea.ideaId).execute(),
    );
    expect(await code(withdraw)).toBe("42501");
    const visibility = withUser(ahmed, (trx) => trx.updateTable("ideas").set({ visibility: "organisation" }).where("id", "=", idea.ideaId).execute());
    expect(await code(visibility)).toBe("42501");
    // Someone who is not a co-creator changes nothing (RLS filters the row away).
    const lenes = await withUser(lene, (trx) => trx.updateTable("ideas").set({ title: "Kapret tittel på idéen" }).where("id", "=", idea.ideaId).executeTakeFirst());
    expect(Number(lenes.numUpdatedRows)).toBe(0);
    expect(await code(updateIdea({ user: lene, ideaId: idea.ideaId, edit: edit("Kapret tittel på idéen"), proposal }))).toBe("idea_not_found");
  });

  it("invites a known user by e-mail; the invitee answers and the submitter is told", async () => {
    expect(await code(inviteCocreator({ user: kari, ideaId: idea.ideaId, email: "ingen.her@asker.example.no" }))).toBe("cocreator_unknown_email");
    expect(await code(inviteCocreator({ user: kari, ideaId: idea.ideaId, email: kari.email }))).toBe("cocreator_is_submitter");
    expect(await code(inviteCocreator({ user: kari, ideaId: idea.ideaId, email: ahmed.email }))).toBe("cocreator_exists");
    // Only the submitter can look people up by e-mail.
    expect(await code(inviteCocreator({ user: ahmed, ideaId: idea.ideaId, email: hilde.email }))).toBe("cocreator_unknown_email");
    const { cocreatorId } = await inviteCocreator({ user: kari, ideaId: idea.ideaId, email: " Hilde.Strand@asker.example.no " });
    expect(await notificationsOf(hilde.id, "cocreator_invited")).toHaveLength(1);
    expect(await code(answerCocreation({ user: kari, ideaId: idea.ideaId, cocreatorId, accept: true }))).toBe("not_allowed");
    await answerCocreation({ user: hilde, ideaId: idea.ideaId, cocreatorId, accept: true });
    expect(await notificationsOf(kari.id, "cocreator_joined")).toHaveLength(1);
    const list = await withUser(lene, (trx) => listCocreators(trx, idea.ideaId));
    expect(list.map((c) => c.name).sort()).toEqual(["Ahmed Rahimi", "Hilde Strand"]);
    // Hilde leaves again.
    await removeCocreator({ user: hilde, ideaId: idea.ideaId, cocreatorId });
    expect((await withUser(lene, (trx) => listCocreators(trx, idea.ideaId))).map((c) => c.name)).toEqual(["Ahmed Rahimi"]);
  });

  it("refuses a private idea of another organisation, and inviting someone who cannot see it", async () => {
    expect(await code(requestCocreation({ user: ahmed, ideaId: privateIdea.ideaId }))).toBe("idea_not_found");
    expect(await code(inviteCocreator({ user: kari, ideaId: privateIdea.ideaId, email: ahmed.email }))).toBe("cocreator_cannot_see");
    const rows = await service((trx) => trx.selectFrom("idea_cocreators").select("id").where("idea_id", "=", privateIdea.ideaId).execute());
    expect(rows).toEqual([]);
  });

  it("stops co-creator edits once triage has started", async () => {
    await changeIdeaStatus({ user: marius, change: { ideaId: idea.ideaId, toStatus: "under_review", body: "Vi ser på forslaget i neste møte." } });
    expect(await code(updateIdea({ user: ahmed, ideaId: idea.ideaId, edit: edit("Endret etter at vurderingen startet"), proposal }))).toBe("idea_not_editable");
    const direct = withUser(ahmed, (trx) => trx.updateTable("ideas").set({ title: "Endret etter at vurderingen startet" }).where("id", "=", idea.ideaId).executeTakeFirst());
    expect(Number((await direct).numUpdatedRows)).toBe(0);
    const { rows } = await withUser(ahmed, (trx) => sql<{ ok: boolean }>`select app_private.is_idea_cocreator(${idea.ideaId}) as ok`.execute(trx));
    expect(rows[0]?.ok).toBe(true);
  });
});
