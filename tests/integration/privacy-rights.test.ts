import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { addNetworkMember as addMemberAsAdmin } from "~/modules/admin/add-network-member.server";
import { createNetwork } from "~/modules/admin/create-network.server";
import { loadCurrentUser } from "~/modules/auth/current-user.server";
import { getTranslator } from "~/i18n/i18n.server";
import { notificationText } from "~/modules/notification-centre/notification-text.server";
import { getIdeaForTriage } from "~/modules/triage/get-idea-for-triage.server";
import { saveEvaluation } from "~/modules/triage/save-evaluation.server";
import { deleteMyAccount } from "~/modules/privacy-rights/delete-my-account.server";
import { exportMyData } from "~/modules/privacy-rights/export-my-data.server";
import { AppError } from "~/utils/app-error";
import { createUnit, createUser, type CreatedUser } from "../support/factories";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ADMIN, adminTestUser } from "./admin-support";
import { submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let cleanStorage: () => Promise<void>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  cleanStorage = await useTempFileStorage();
});
afterAll(async () => {
  await cleanStorage();
  await testDb.close();
});

/** A person who has done one of everything, each thing carrying `marker` so the export can be checked. */
async function personWithEverything(marker: string, name: string) {
  const organisationId = ref.organisation("asker");
  const unitId = await createUnit(organisationId, { name: `Enhet ${marker}` });
  const user = await createUser({ organisationId, unitId, fullName: name, email: `${marker.toLowerCase()}@asker.example.no` });
  const own = await submitDemoIdea(testDb.db, user.email, { title: `Eget forslag ${marker} om nattevakt` });
  // Someone else's ideas to support, comment on and so on: a Drammen idea (same need needs another organisation).
  const other = await submitDemoIdea(testDb.db, "lene.dahl@drammen.example.no", { title: `Drammens forslag for ${marker}` });
  await withUser(user, async (trx) => {
    await trx.insertInto("idea_drafts").values({ owner_id: user.id, title: `Kladd ${marker}`, form_data: JSON.stringify({ problem: `kladdetekst ${marker}` }) }).execute();
    await trx.insertInto("idea_comments").values({ idea_id: other.ideaId, author_id: user.id, body: `Kommentar ${marker}` }).execute();
    await trx.insertInto("idea_supports").values({ idea_id: other.ideaId, profile_id: user.id }).execute();
    await trx.insertInto("idea_same_need").values({ idea_id: other.ideaId, organisation_id: organisationId, profile_id: user.id, note: `Samme behov ${marker}` }).execute();
    await trx.insertInto("notification_preferences").values({ profile_id: user.id, email_mode: "daily_digest" }).execute();
  });
  // An answer and an internal note written as a member of the network that owns the own idea.
  const { network_id } = await asService("test: idea network", (trx) => trx.selectFrom("ideas").select("network_id").where("id", "=", own.ideaId).executeTakeFirstOrThrow());
  await asService("test: membership", (trx) => trx.insertInto("network_members").values({ network_id, profile_id: user.id, role: "member" }).execute());
  await withUser(user, async (trx) => {
    await trx.insertInto("idea_answers").values({ idea_id: own.ideaId, to_status: "under_review", body: `Svar ${marker}: vi ser på dette nå.` }).execute();
    await trx.insertInto("idea_internal_notes").values({ idea_id: own.ideaId, body: `Notat ${marker}` }).execute();
    await trx.insertInto("idea_evaluations").values({ idea_id: own.ideaId, criterion: "useful", score: 4, note: `Vurdering ${marker}` }).execute();
  });
  await asService("test: a notification", (trx) =>
    trx.insertInto("notifications").values({ recipient_id: user.id, kind: "test_notice", title_key: "items.idea_answered", values: JSON.stringify({ title: `Varsel ${marker}` }) }).execute(),
  );
  return { user, own, other, networkId: network_id };
}

describe("export my data", () => {
  it("contains every kind of data tied to me, and nothing of anybody else", async () => {
    const me = await personWithEverything("MEG7731", "Mira Eksport");
    const someone = await personWithEverything("ANNEN4410", "Otto Annen");
    const exported = await exportMyData({ user: me.user });
    const data = exported.data as Record<string, unknown[] | Record<string, unknown>>;
    const text = JSON.stringify(exported);

    expect(data.profile).toMatchObject({ email: "meg7731@asker.example.no", fullName: "Mira Eksport", unit: "Enhet MEG7731", organisation: "Asker kommune" });
    expect(data.notificationPreferences).toMatchObject({ email_mode: "daily_digest" });
    const sections: [string, string][] = [
      ["ideas", "Eget forslag MEG7731"],
      ["drafts", "Kladd MEG7731"],
      ["comments", "Kommentar MEG7731"],
      ["supports", "Drammens forslag for MEG7731"],
      ["sameNeed", "Samme behov MEG7731"],
      ["follows", "Eget forslag MEG7731"],
      ["follows", "Drammens forslag for MEG7731"],
      ["notifications", "Varsel MEG7731"],
      ["answersWritten", "Svar MEG7731"],
      ["internalNotesWritten", "Notat MEG7731"],
      ["networkMemberships", "Nettverk"],
      ["emails", "idea_receipt"],
    ];
    for (const [section, expected] of sections) {
      expect(JSON.stringify(data[section]), section).toContain(expected);
    }
    expect(text).toContain("kladdetekst MEG7731");

    for (const foreign of ["ANNEN4410", "annen4410", "Otto Annen", someone.user.id, "lene.dahl", "Lene Dahl"]) {
      expect(text, foreign).not.toContain(foreign);
    }
  });

  it("is only ever the caller's own", async () => {
    await expect(
      asService("test: export without a user", (trx) => sql`select public.export_my_data()`.execute(trx)),
    ).rejects.toThrow(/not signed in/);
  });
});

describe("delete my account", () => {
  let me: Awaited<ReturnType<typeof personWithEverything>>;
  let ownNetwork: string;

  beforeAll(async () => {
    me = await personWithEverything("SLETT2208", "Sverre Slett");
    // The only coordinator of a network an admin set up for them; and the owner of their own idea.
    const admin = await adminTestUser(testDb.db, ADMIN);
    const network = await createNetwork({ user: admin, slug: "slett-nett", name: "Slettenettverket", kind: "municipal", owner: `organisation:${ref.organisation("asker")}` });
    ownNetwork = network.id;
    await addMemberAsAdmin({ user: admin, networkId: network.id, email: me.user.email, role: "coordinator" });
    await asService("test: owner", (trx) => trx.updateTable("ideas").set({ owner_id: me.user.id }).where("id", "=", me.own.ideaId).execute());
    await withUser(me.user, (trx) => trx.insertInto("idea_follows").values({ idea_id: me.other.ideaId, profile_id: me.user.id }).onConflict((oc) => oc.doNothing()).execute());
    // The contact person of a published story (its name and address are copied onto the story).
    const [story, other] = await asService("test: two published stories", (trx) =>
      trx.selectFrom("stories").select(["id", "contact_name", "contact_email"]).where("status", "=", "published").orderBy("slug").limit(2).execute(),
    );
    await asService("test: contact person", (trx) => trx.updateTable("stories").set({ contact_profile_id: me.user.id }).where("id", "=", story!.id).execute());
    contactStory = story!.id;
    otherStory = other!;
  });
  let contactStory: string;
  let otherStory: { id: string; contact_name: string | null; contact_email: string | null };

  it("asks for the e-mail address as confirmation and changes nothing without it", async () => {
    const error = await deleteMyAccount({ user: me.user, confirmEmail: "feil@asker.example.no" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("confirm_mismatch");
    expect(await loadCurrentUser(me.user)).not.toBeNull();
  });

  it("deletes the person, keeps their ideas, comments and answers without them, and logs the event without them", async () => {
    // Their comment told Lene (the Drammen idea's submitter) "Sverre Slett kommenterte …".
    const lene = await adminTestUser(testDb.db, "lene.dahl@drammen.example.no");
    const naming = () =>
      asService("test: notifications naming the person", (trx) =>
        trx.selectFrom("notifications").select(["id", "kind", "title_key", "values"]).where(sql<boolean>`"values"::text like '%Sverre Slett%'`).execute(),
      );
    const before = await naming();
    expect(before.map((n) => n.kind)).toContain("comment_added");
    await deleteMyAccount({ user: me.user, confirmEmail: ` ${me.user.email.toUpperCase()} ` });
    const id = me.user.id;

    // The session cookie no longer finds anybody.
    expect(await loadCurrentUser(me.user)).toBeNull();
    const counts = await asService("test: what is left", async (trx) => {
      const count = async (query: Promise<{ n: number }[]>) => Number((await query)[0]!.n);
      const n = (table: "idea_drafts" | "idea_supports" | "idea_follows" | "notifications" | "network_members" | "notification_preferences", column: string) =>
        count(sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}::uuid`.execute(trx).then((r) => r.rows));
      return {
        authUser: await count(sql<{ n: number }>`select count(*)::int as n from auth.users where id = ${id}::uuid`.execute(trx).then((r) => r.rows)),
        profile: await count(sql<{ n: number }>`select count(*)::int as n from public.profiles where id = ${id}::uuid`.execute(trx).then((r) => r.rows)),
        drafts: await n("idea_drafts", "owner_id"),
        supports: await n("idea_supports", "profile_id"),
        follows: await n("idea_follows", "profile_id"),
        notifications: await n("notifications", "recipient_id"),
        memberships: await n("network_members", "profile_id"),
        preferences: await n("notification_preferences", "profile_id"),
        mail: await count(sql<{ n: number }>`select count(*)::int as n from public.outbox_messages where recipient_email = ${me.user.email}`.execute(trx).then((r) => r.rows)),
      };
    });
    expect(counts).toEqual({ authUser: 0, profile: 0, drafts: 0, supports: 0, follows: 0, notifications: 0, memberships: 0, preferences: 0, mail: 0 });

    const kept = await asService("test: what stays", async (trx) => ({
      idea: await trx.selectFrom("ideas").select(["title", "owner_id", "status"]).where("id", "=", me.own.ideaId).executeTakeFirstOrThrow(),
      submitter: await trx.selectFrom("idea_submitters").select(["submitter_id", "display_name"]).where("idea_id", "=", me.own.ideaId).executeTakeFirstOrThrow(),
      comment: await sql<{ author_id: string | null; body: string }>`select author_id, body from public.idea_comments where body = 'Kommentar SLETT2208'`.execute(trx).then((r) => r.rows[0]),
      answer: await trx.selectFrom("idea_answers").select(["author_id", "body"]).where("idea_id", "=", me.own.ideaId).executeTakeFirstOrThrow(),
      sameNeed: await trx.selectFrom("idea_same_need").select(["profile_id", "note"]).where("idea_id", "=", me.other.ideaId).where("organisation_id", "=", ref.organisation("asker")).executeTakeFirstOrThrow(),
      network: await trx.selectFrom("networks").select("id").where("id", "=", ownNetwork).executeTakeFirst(),
      note: await trx.selectFrom("idea_internal_notes").select(["author_id", "body"]).where("idea_id", "=", me.own.ideaId).executeTakeFirstOrThrow(),
      evaluation: await trx.selectFrom("idea_evaluations").select(["evaluator_id", "criterion", "score", "note"]).where("idea_id", "=", me.own.ideaId).executeTakeFirstOrThrow(),
    }));
    // The network's working notes and scores stay, without the person.
    expect(kept.note).toEqual({ author_id: null, body: "Notat SLETT2208" });
    expect(kept.evaluation).toEqual({ evaluator_id: null, criterion: "useful", score: 4, note: "Vurdering SLETT2208" });
    // On the triage page: the note without a name, the score in the average; a colleague still scores.
    const colleague = await adminTestUser(testDb.db, "marius.bakken@asker.example.no");
    const triage = await getIdeaForTriage({ user: colleague, publicId: me.own.publicId });
    expect(triage?.notes.map((n) => [n.body, n.author_name])).toEqual([["Notat SLETT2208", null]]);
    expect(triage?.evaluationAverages.useful).toEqual({ average: 4, count: 1 });
    await saveEvaluation({ user: colleague, ideaId: me.own.ideaId, scores: [{ criterion: "useful", score: 2, note: null }] });
    await saveEvaluation({ user: colleague, ideaId: me.own.ideaId, scores: [{ criterion: "useful", score: 3, note: null }] });
    expect((await getIdeaForTriage({ user: colleague, publicId: me.own.publicId }))?.evaluationAverages.useful).toEqual({ average: 3.5, count: 2 });
    expect(kept.idea).toMatchObject({ title: "Eget forslag SLETT2208 om nattevakt", owner_id: null, status: "under_review" });
    expect(kept.submitter).toEqual({ submitter_id: null, display_name: "" });
    expect(kept.comment).toEqual({ author_id: null, body: "Kommentar SLETT2208" });
    expect(kept.answer).toMatchObject({ author_id: null, body: "Svar SLETT2208: vi ser på dette nå." });
    expect(kept.sameNeed).toEqual({ profile_id: null, note: "Samme behov SLETT2208" });
    expect(kept.network).toBeDefined();

    // The story they were contact person for keeps no name or address of theirs; other stories keep theirs.
    const stories = await asService("test: story contacts", (trx) =>
      trx.selectFrom("stories").select(["id", "contact_profile_id", "contact_name", "contact_email"]).where("id", "in", [contactStory, otherStory.id]).execute(),
    );
    expect(stories.find((row) => row.id === contactStory)).toEqual({ id: contactStory, contact_profile_id: null, contact_name: null, contact_email: null });
    expect(stories.find((row) => row.id === otherStory.id)).toMatchObject({ contact_name: otherStory.contact_name, contact_email: otherStory.contact_email });
    expect(otherStory.contact_email).toMatch(/@/);

    // Readers see the comment without a name (the page shows "Tidligere ansatt").
    const reader = await adminTestUser(testDb.db, "lene.dahl@drammen.example.no");
    const view = await withUser(reader, (trx) => sql<{ author_id: string | null; author_name: string | null; body: string }>`select * from public.idea_comment_view(${me.other.ideaId}::uuid)`.execute(trx));
    expect(view.rows.find((c) => c.body === "Kommentar SLETT2208")).toMatchObject({ author_id: null, author_name: null });

    // Other people's notifications keep what happened, without the name.
    expect(await naming()).toEqual([]);
    const leneNotice = await asService("test: Lene's notice", (trx) =>
      trx.selectFrom("notifications").select(["kind", "title_key", "values", "recipient_id"]).where("id", "=", before.find((n) => n.kind === "comment_added")!.id).executeTakeFirstOrThrow(),
    );
    expect(leneNotice.recipient_id).toBe(lene.id);
    expect(notificationText(await getTranslator("nb"), "nb", leneNotice)).toMatch(/^Tidligere ansatt kommenterte «Drammens forslag for SLETT2208»/);
    expect(notificationText(await getTranslator("en"), "en", leneNotice)).toMatch(/^Former employee /);

    // The audit log has the event, and nowhere the person.
    const log = await asService("test: audit log", (trx) => trx.selectFrom("audit_log").selectAll().orderBy("id").execute());
    const deleted = log.filter((e) => e.action === "account.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor_id: null, target_id: null, before_data: null, after_data: null });
    const logText = JSON.stringify(log);
    for (const trace of [id, me.user.email, "Sverre Slett", "SLETT2208"]) expect(logText, trace).not.toContain(trace);
    // The admin's earlier change (adding the person as coordinator) is still there, without them.
    expect(log.some((e) => e.action === "network_members.insert" && e.network_id === ownNetwork)).toBe(true);
  });
});

describe("deleting an account that never did anything", () => {
  it("works too", async () => {
    const plain: CreatedUser = await createUser({ organisationId: ref.organisation("lier") });
    await deleteMyAccount({ user: plain, confirmEmail: plain.email });
    expect(await loadCurrentUser(plain)).toBeNull();
  });
});
