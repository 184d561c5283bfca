import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { deleteComment } from "~/modules/comments/delete-comment.server";
import { editComment } from "~/modules/comments/edit-comment.server";
import { hideComment } from "~/modules/comments/hide-comment.server";
import { listComments } from "~/modules/comments/list-comments.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // Asker, submitter
let hilde: User; // Asker
let ingrid: User; // Asker, member of digi-asker
let marius: User; // Asker, coordinator of digi-asker
let ahmed: User; // Drammen
let torArne: User; // Drammen, coordinator of another network
let lene: User; // Drammen
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

const service = <T>(work: Parameters<typeof asService<T>>[1]) => asService("test: inspect", work);

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  ingrid = await demoUser(testDb.db, "ingrid.solberg@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  torArne = await demoUser(testDb.db, "tor.arne.myhre@drammen.example.no");
  lene = await demoUser(testDb.db, "lene.dahl@drammen.example.no");
  openIdea = await submitIdea({ user: kari, input: input(), proposal });
  privateIdea = await submitIdea({ user: kari, input: input({ visibility: "organisation" }), proposal });
});
afterAll(async () => {
  await testDb.close();
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("comments", () => {
  it("lets the submitter follow automatically and a commenter follow by commenting", async () => {
    const follows = await service((trx) => trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", openIdea.ideaId).execute());
    expect(follows.map((f) => f.profile_id)).toEqual([kari.id]);
    await addComment({ user: ahmed, ideaId: openIdea.ideaId, body: "Vi i Drammen har prøvd noe lignende." });
    const after = await service((trx) => trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", openIdea.ideaId).execute());
    expect(after.map((f) => f.profile_id).sort()).toEqual([kari.id, ahmed.id].sort());
  });

  it("notifies mentioned people in-app and by e-mail, and other followers in-app, in the same transaction", async () => {
    const { commentId } = await addComment({ user: hilde, ideaId: openIdea.ideaId, body: "Spør @ingrid.solberg og @Kari.Nordby om dette." });
    const notifications = await service((trx) =>
      trx.selectFrom("notifications").select(["recipient_id", "kind", "link"]).where("idea_id", "=", openIdea.ideaId).where("link", "like", `%${commentId}`).execute(),
    );
    expect(notifications.map((n) => [n.recipient_id, n.kind]).sort()).toEqual(
      [
        [ingrid.id, "comment_mention"],
        // Kari follows as the submitter but is told once, about the mention.
        [kari.id, "comment_mention"],
        [ahmed.id, "comment_added"],
      ].sort(),
    );
    const mails = await service((trx) => trx.selectFrom("outbox_messages").select(["kind", "recipient_profile_id"]).where("kind", "=", "comment_mention").execute());
    expect(mails.map((m) => m.recipient_profile_id).sort()).toEqual([ingrid.id, kari.id].sort());
  });

  it("refuses unknown mentions with their names and saves nothing", async () => {
    const before = await service((trx) => trx.selectFrom("idea_comments").select("id").execute());
    await expect(addComment({ user: hilde, ideaId: openIdea.ideaId, body: "Hei @finnes.ikke og @ingrid.solberg" })).rejects.toMatchObject({
      code: "mention_unknown",
      details: { names: "@finnes.ikke" },
    });
    const after = await service((trx) => trx.selectFrom("idea_comments").select("id").execute());
    expect(after.length).toBe(before.length);
  });

  it("refuses to mention someone who cannot see a private idea", async () => {
    expect(await code(addComment({ user: hilde, ideaId: privateIdea.ideaId, body: "Hei @tor.arne.myhre" }))).toBe("mention_cannot_see");
  });

  it("allows one level of replies only, enforced by the database as well", async () => {
    const top = await addComment({ user: ingrid, ideaId: openIdea.ideaId, body: "Toppkommentar" });
    const reply = await addComment({ user: kari, ideaId: openIdea.ideaId, body: "Svar", parentId: top.commentId });
    expect(await code(addComment({ user: kari, ideaId: openIdea.ideaId, body: "Svar på svar", parentId: reply.commentId }))).toBe("reply_too_deep");
    await expect(
      withUser(kari, (trx) =>
        trx.insertInto("idea_comments").values({ idea_id: openIdea.ideaId, author_id: kari.id, parent_id: reply.commentId, body: "direkte" }).execute(),
      ),
    ).rejects.toThrow(/one level/);
  });

  it("refuses empty and huge comments", async () => {
    expect(await code(addComment({ user: lene, ideaId: openIdea.ideaId, body: "   " }))).toBe("body_required");
    expect(await code(addComment({ user: lene, ideaId: openIdea.ideaId, body: "x".repeat(4001) }))).toBe("body_too_long");
  });

  it("lets only the author edit and delete; a deleted comment keeps its replies", async () => {
    const top = await addComment({ user: lene, ideaId: openIdea.ideaId, body: "Første versjon" });
    await addComment({ user: ahmed, ideaId: openIdea.ideaId, body: "Et svar", parentId: top.commentId });
    expect(await code(editComment({ user: ahmed, commentId: top.commentId, body: "kapret" }))).toBe("not_comment_author");
    await expect(withUser(ahmed, (trx) => trx.updateTable("idea_comments").set({ body: "kapret" }).where("id", "=", top.commentId).execute())).resolves.toBeDefined();
    await editComment({ user: lene, commentId: top.commentId, body: "Andre versjon" });
    let rows = await withUser(hilde, (trx) => listComments(trx, openIdea.ideaId));
    expect(rows.find((r) => r.id === top.commentId)).toMatchObject({ body: "Andre versjon", deleted: false });
    expect(rows.find((r) => r.id === top.commentId)?.editedAt).toBeInstanceOf(Date);
    await deleteComment({ user: lene, commentId: top.commentId });
    rows = await withUser(hilde, (trx) => listComments(trx, openIdea.ideaId));
    expect(rows.find((r) => r.id === top.commentId)).toMatchObject({ body: null, deleted: true });
    expect(rows.filter((r) => r.parentId === top.commentId).map((r) => r.body)).toEqual(["Et svar"]);
    expect(await code(editComment({ user: lene, commentId: top.commentId, body: "igjen" }))).toBe("comment_deleted");
  });

  it("lets a coordinator of the idea's network hide a comment with a reason and tells the author; others are refused", async () => {
    const { commentId } = await addComment({ user: ahmed, ideaId: openIdea.ideaId, body: "Upassende tekst" });
    expect(await code(hideComment({ user: torArne, commentId, reason: "Upassende" }))).toBe("not_coordinator");
    expect(await code(hideComment({ user: ingrid, commentId, reason: "Upassende" }))).toBe("not_coordinator");
    await expect(
      withUser(torArne, (trx) => trx.updateTable("idea_comments").set({ hidden_reason: "x", hidden_at: new Date() }).where("id", "=", commentId).execute()),
    ).resolves.toMatchObject([{ numUpdatedRows: 0n }]);
    await expect(
      withUser(ahmed, (trx) => trx.updateTable("idea_comments").set({ hidden_reason: "meg selv", hidden_at: new Date() }).where("id", "=", commentId).execute()),
    ).rejects.toThrow(/coordinators/);
    expect(await code(hideComment({ user: marius, commentId, reason: "  " }))).toBe("reason_required");
    await hideComment({ user: marius, commentId, reason: "Personopplysninger" });
    const forOther = (await withUser(lene, (trx) => listComments(trx, openIdea.ideaId))).find((r) => r.id === commentId);
    expect(forOther).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    const forAuthor = (await withUser(ahmed, (trx) => listComments(trx, openIdea.ideaId))).find((r) => r.id === commentId);
    expect(forAuthor).toMatchObject({ hidden: true, body: "Upassende tekst", hiddenReason: "Personopplysninger" });
    const forNetwork = (await withUser(ingrid, (trx) => listComments(trx, openIdea.ideaId))).find((r) => r.id === commentId);
    expect(forNetwork).toMatchObject({ body: "Upassende tekst" });
    await expect(withUser(lene, (trx) => sql`select body from public.idea_comments`.execute(trx))).rejects.toThrow(/permission denied/);
    const told = await service((trx) =>
      Promise.all([
        trx.selectFrom("notifications").select("kind").where("recipient_id", "=", ahmed.id).where("kind", "=", "comment_hidden").execute(),
        trx.selectFrom("outbox_messages").select("kind").where("recipient_profile_id", "=", ahmed.id).where("kind", "=", "comment_hidden").execute(),
      ]),
    );
    expect(told.map((rows) => rows.length)).toEqual([1, 1]);
  });

  it("keeps a private idea's comments invisible to another organisation", async () => {
    await addComment({ user: hilde, ideaId: privateIdea.ideaId, body: "Intern kommentar" });
    expect((await withUser(hilde, (trx) => listComments(trx, privateIdea.ideaId))).length).toBe(1);
    expect(await withUser(ahmed, (trx) => listComments(trx, privateIdea.ideaId))).toEqual([]);
    const direct = await withUser(ahmed, (trx) => trx.selectFrom("idea_comments").select("id").where("idea_id", "=", privateIdea.ideaId).execute());
    expect(direct).toEqual([]);
    expect(await code(addComment({ user: ahmed, ideaId: privateIdea.ideaId, body: "Hei" }))).toBe("idea_not_found");
    await expect(
      withUser(ahmed, (trx) => trx.insertInto("idea_comments").values({ idea_id: privateIdea.ideaId, author_id: ahmed.id, body: "Hei" }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("refuses comments on a withdrawn idea", async () => {
    const idea = await submitIdea({ user: kari, input: input(), proposal });
    await service((trx) => trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ikke aktuelt" }).where("id", "=", idea.ideaId).execute());
    expect(await code(addComment({ user: hilde, ideaId: idea.ideaId, body: "For sent" }))).toBe("idea_closed");
    await expect(
      withUser(hilde, (trx) => trx.insertInto("idea_comments").values({ idea_id: idea.ideaId, author_id: hilde.id, body: "For sent" }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("refuses writing a comment as someone else and mentions outside the creating transaction", async () => {
    await expect(
      withUser(hilde, (trx) => trx.insertInto("idea_comments").values({ idea_id: openIdea.ideaId, author_id: kari.id, body: "Som Kari" }).execute()),
    ).rejects.toThrow(/row-level security/);
    const { commentId } = await addComment({ user: hilde, ideaId: openIdea.ideaId, body: "Uten omtale" });
    await expect(
      withUser(hilde, (trx) => trx.insertInto("idea_comment_mentions").values({ comment_id: commentId, profile_id: ahmed.id }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("rate-limits commenting per user", async () => {
    const results: string[] = [];
    for (let i = 0; i < 11; i++) results.push(await code(addComment({ user: torArne, ideaId: openIdea.ideaId, body: `Kommentar ${i}` })));
    expect(results.slice(0, 10).every((r) => r === "ok")).toBe(true);
    expect(results[10]).toBe("comment_rate_limited");
  });
});
