import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAnon, withUser } from "~/db/client.server";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { changeStoryStatus } from "~/modules/stories/change-story-status.server";
import { createStory } from "~/modules/stories/create-story.server";
import { getStory } from "~/modules/stories/get-story.server";
import { loadStoryGallery } from "~/modules/stories/load-story-gallery.server";
import { tryStory } from "~/modules/stories/try-story.server";
import { updateStory } from "~/modules/stories/update-story.server";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { service, storyInput, storyUser } from "./stories-support";

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;
let kari: CurrentUser; // Asker, submitter of the idea
let hilde: CurrentUser; // Asker, follows the idea
let ingrid: CurrentUser; // Asker, member of digi-asker
let marius: CurrentUser; // Asker, coordinator of digi-asker
let ahmed: CurrentUser; // Drammen
let torArne: CurrentUser; // Drammen, coordinator of digi-drammen (not Asker's network)
let ragnhild: CurrentUser; // Ål, in the Hallingdal region

const body = plainTextToRichTextState("Bakgrunn, hva vi gjorde og hvordan det gikk i tre måneder.");
const noFilter = { text: "", theme: null, serviceArea: null, organisation: null, region: null, benefitCategory: null, page: 1 };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-stories-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
  kari = await storyUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await storyUser(testDb.db, "hilde.strand@asker.example.no");
  ingrid = await storyUser(testDb.db, "ingrid.solberg@asker.example.no");
  marius = await storyUser(testDb.db, "marius.bakken@asker.example.no");
  ahmed = await storyUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  torArne = await storyUser(testDb.db, "tor.arne.myhre@drammen.example.no");
  ragnhild = await storyUser(testDb.db, "ragnhild.kvisla@al.example.no");
});
afterAll(async () => {
  setFileStorage(undefined);
  await testDb.close();
  await fs.rm(storageDir, { recursive: true, force: true });
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );

async function publishedStory(visibility: "organisation" | "partners" | "public", title: string) {
  const story = await createStory({ user: kari, input: storyInput(ref, { visibility, title, intent: "submit" }), body });
  await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "publish" } });
  return story;
}

describe("visibility (RLS)", () => {
  it("keeps a story for one organisation from other organisations and from anonymous visitors", async () => {
    const story = await publishedStory("organisation", "Bare for Asker kommune");
    expect(await getStory({ viewer: hilde, slug: story.slug, locale: "nb" })).toMatchObject({ status: "published", visibility: "organisation" });
    expect(await getStory({ viewer: ahmed, slug: story.slug, locale: "nb" })).toBeNull();
    expect(await getStory({ viewer: null, slug: story.slug, locale: "nb" })).toBeNull();
    // Also straight at the tables: no row, no benefit rows, no organisations.
    const anonRows = await withAnon((trx) =>
      Promise.all([
        trx.selectFrom("stories").select("id").where("id", "=", story.storyId).execute(),
        trx.selectFrom("story_benefits").select("id").where("story_id", "=", story.storyId).execute(),
      ]),
    );
    expect(anonRows.map((r) => r.length)).toEqual([0, 0]);
    const drammenRows = await withUser(ahmed, (trx) => trx.selectFrom("story_benefits").select("id").where("story_id", "=", story.storyId).execute());
    expect(drammenRows).toHaveLength(0);
  });

  it("lets anyone read a public published story without signing in, but not a partners-only one", async () => {
    const open = await publishedStory("public", "Offentlig historie om tilsyn");
    const partners = await publishedStory("partners", "Bare for partnerne om tilsyn");
    const anonymous = await getStory({ viewer: null, slug: open.slug, locale: "nb" });
    expect(anonymous).toMatchObject({ title: "Offentlig historie om tilsyn", canTry: false, isAuthor: false });
    expect(anonymous!.benefits).toEqual([expect.objectContaining({ indicator: "Kjørte km per uke", baseline: 420, after: 260 })]);
    expect(await getStory({ viewer: null, slug: partners.slug, locale: "nb" })).toBeNull();
    expect(await getStory({ viewer: ahmed, slug: partners.slug, locale: "nb" })).not.toBeNull();
    const gallery = await loadStoryGallery({ viewer: null, query: noFilter, locale: "nb" });
    expect(gallery.stories.hits.map((h) => h.slug)).toContain(open.slug);
    expect(gallery.stories.hits.map((h) => h.slug)).not.toContain(partners.slug);
    expect(gallery).toMatchObject({ mine: [], queue: [] });
  });

  it("shows each gallery card's first image, and none for a story without", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const withImages = await createStory({
      user: kari,
      input: storyInput(ref, { title: "Historie med to bilder", intent: "submit" }),
      body,
      images: [
        { fileName: "forst.png", contentType: "image/png", bytes: png, altText: "Det første bildet" },
        { fileName: "andre.png", contentType: "image/png", bytes: png, altText: "Det andre bildet" },
      ],
    });
    await changeStoryStatus({ user: marius, storyId: withImages.storyId, change: { intent: "publish" } });
    const without = await publishedStory("partners", "Historie uten bilder");
    const [first] = await service((trx) => trx.selectFrom("story_images").select(["id"]).where("story_id", "=", withImages.storyId).orderBy("position").execute());
    const gallery = await loadStoryGallery({ viewer: kari, query: noFilter, locale: "nb" });
    expect(gallery.stories.hits.find((h) => h.slug === withImages.slug)).toMatchObject({ imageId: first!.id, imageAlt: "Det første bildet" });
    expect(gallery.stories.hits.find((h) => h.slug === without.slug)).toMatchObject({ imageId: null, imageAlt: null });
  });

  it("gives the gallery, read in one transaction, each viewer's own drafts and review queue", async () => {
    const draft = await createStory({ user: kari, input: storyInput(ref, { title: "Kladd til galleriet" }), body });
    const waiting = await createStory({ user: kari, input: storyInput(ref, { title: "Venter på vurdering i galleriet", intent: "submit" }), body });
    const asKari = await loadStoryGallery({ viewer: kari, query: noFilter, locale: "nb" });
    expect(asKari.mine.map((s) => s.slug)).toEqual(expect.arrayContaining([draft.slug, waiting.slug]));
    expect(asKari.queue).toEqual([]);
    const asMarius = await loadStoryGallery({ viewer: marius, query: noFilter, locale: "nb" });
    expect(asMarius.mine.map((s) => s.slug)).not.toContain(draft.slug);
    expect(asMarius.queue.map((s) => s.slug)).toContain(waiting.slug);
    expect(asMarius.queue.map((s) => s.slug)).not.toContain(draft.slug);
    // Tor Arne coordinates Drammen's network, not the one the story went to.
    const asTorArne = await loadStoryGallery({ viewer: torArne, query: noFilter, locale: "nb" });
    expect(asTorArne.queue.map((s) => s.slug)).not.toContain(waiting.slug);
    expect(asKari.stories.hits.map((h) => h.slug)).not.toContain(waiting.slug);
  });

  it("hides drafts from everyone but the author, also from the reviewing network", async () => {
    const draft = await createStory({ user: kari, input: storyInput(ref, { title: "Et utkast ingen andre ser" }), body });
    expect(await getStory({ viewer: kari, slug: draft.slug, locale: "nb" })).toMatchObject({ status: "draft", canEdit: true });
    expect(await getStory({ viewer: hilde, slug: draft.slug, locale: "nb" })).toBeNull();
    expect(await getStory({ viewer: marius, slug: draft.slug, locale: "nb" })).toBeNull();
    await changeStoryStatus({ user: kari, storyId: draft.storyId, change: { intent: "submit" } });
    expect(await getStory({ viewer: marius, slug: draft.slug, locale: "nb" })).toMatchObject({ status: "ready_for_review", canReview: true });
  });
});

describe("publishing workflow", () => {
  it("denies publishing to the author, to a member who is not coordinator and to another network's coordinator", async () => {
    const story = await createStory({ user: kari, input: storyInput(ref, { intent: "submit", title: "Prøver å publisere selv" }), body });
    expect(await code(changeStoryStatus({ user: kari, storyId: story.storyId, change: { intent: "publish" } }))).toBe("story_not_reviewer");
    expect(await code(changeStoryStatus({ user: ingrid, storyId: story.storyId, change: { intent: "publish" } }))).toBe("story_not_reviewer");
    expect(await code(changeStoryStatus({ user: torArne, storyId: story.storyId, change: { intent: "publish" } }))).toBe("story_not_found");
    // Straight at the table: the guard says no.
    await expect(withUser(kari, (trx) => trx.updateTable("stories").set({ status: "published" }).where("id", "=", story.storyId).execute())).rejects.toThrow(
      /only a coordinator/,
    );
    const row = await service((trx) => trx.selectFrom("stories").select(["status", "published_at"]).where("id", "=", story.storyId).executeTakeFirstOrThrow());
    expect(row).toEqual({ status: "ready_for_review", published_at: null });
  });

  it("returns with a required comment, takes changes, publishes, unpublishes with a reason and tells the author", async () => {
    const story = await createStory({ user: kari, input: storyInput(ref, { intent: "submit", title: "Historie som sendes tilbake" }), body });
    await expect(
      withUser(marius, (trx) => trx.updateTable("stories").set({ status: "returned" }).where("id", "=", story.storyId).execute()),
    ).rejects.toThrow(/comment is required/);
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "return", comment: "Legg til nullpunktet for besøk." } });
    expect(await getStory({ viewer: kari, slug: story.slug, locale: "nb" })).toMatchObject({ status: "returned", reviewComment: "Legg til nullpunktet for besøk." });
    // A coordinator may decide, but not rewrite the author's text.
    await expect(withUser(marius, (trx) => trx.updateTable("stories").set({ title: "Endret av koordinator" }).where("id", "=", story.storyId).execute())).rejects.toThrow();
    await updateStory({ user: kari, storyId: story.storyId, input: storyInput(ref, { intent: "submit", title: "Historie som ble rettet" }), body });
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "publish" } });
    expect(await code(updateStory({ user: kari, storyId: story.storyId, input: storyInput(ref, { title: "Endret etter publisering" }), body }))).toBe("story_not_editable");
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "unpublish", reason: "Tallene må kontrolleres." } });
    expect(await getStory({ viewer: hilde, slug: story.slug, locale: "nb" })).toBeNull();
    const notes = await service((trx) =>
      trx.selectFrom("notifications").select(["kind", "recipient_id"]).where("link", "=", `/historier/${story.slug}`).orderBy("created_at").execute(),
    );
    expect(notes.filter((n) => n.recipient_id === kari.id).map((n) => n.kind)).toEqual(["story_returned", "story_published", "story_unpublished"]);
    expect(notes.filter((n) => n.kind === "story_ready_for_review").map((n) => n.recipient_id)).toContain(marius.id);
  });

  it("refuses to send a story without a measured benefit for review", async () => {
    expect(await code(createStory({ user: kari, input: storyInput(ref, { intent: "submit", benefits: [] }), body }))).toBe("story_needs_benefit");
  });
});

describe("a story about an idea", () => {
  it("notifies the submitter, co-creators and followers who may see it when published, once, and not the people who may not", async () => {
    const input = IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Digitalt tilsyn hos brukere som sover godt",
      problem: "Nattpatruljen kjører lange runder for å se til brukere som sover.",
      beneficiaries: ["staff_and_leaders"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
    });
    const idea = await submitIdea({ user: kari, input, proposal: plainTextToRichTextState("Prøve digitalt tilsyn om natta hos dem som vil.") });
    // Astrid is an accepted co-creator (and does not follow the idea).
    const astrid = await storyUser(testDb.db, "astrid.hovland@asker.example.no");
    await service((trx) => trx.insertInto("idea_cocreators").values({ idea_id: idea.ideaId, profile_id: astrid.id, kind: "invitation" }).execute());
    await service((trx) => trx.updateTable("idea_cocreators").set({ status: "accepted" }).where("idea_id", "=", idea.ideaId).execute());
    await service((trx) => trx.deleteFrom("idea_follows").where("idea_id", "=", idea.ideaId).where("profile_id", "=", astrid.id).execute());
    // Not yet in Ny praksis: no story about it.
    expect(await code(createStory({ user: ingrid, input: storyInput(ref, { ideaId: idea.ideaId }), body }))).toBe("story_idea_not_allowed");
    await service((trx) => trx.updateTable("ideas").set({ status: "new_practice" }).where("id", "=", idea.ideaId).execute());
    await service((trx) =>
      trx.insertInto("idea_follows").values([
        { idea_id: idea.ideaId, profile_id: hilde.id },
        { idea_id: idea.ideaId, profile_id: ahmed.id },
      ]).execute(),
    );
    // Ahmed (Drammen) cannot write about an Asker idea that is not his organisation's or network's.
    expect(await code(createStory({ user: ahmed, input: storyInput(ref, { ideaId: idea.ideaId, contactEmail: ahmed.email }), body }))).toBe("story_idea_not_allowed");

    const story = await createStory({ user: ingrid, input: storyInput(ref, { ideaId: idea.ideaId, visibility: "organisation", intent: "submit", contactEmail: ingrid.email }), body });
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "publish" } });
    const about = await service((trx) =>
      trx.selectFrom("notifications").select(["id", "recipient_id", "idea_id", "values"]).where("kind", "=", "story_about_idea_published").where("idea_id", "=", idea.ideaId).execute(),
    );
    // Ahmed follows but the story is for Asker only; Marius published it himself; Ingrid wrote it.
    expect(about.map((n) => n.recipient_id).sort()).toEqual([kari.id, hilde.id, astrid.id].sort());
    expect(about[0]!.values).toMatchObject({ ideaTitle: "Digitalt tilsyn hos brukere som sover godt" });
    const mails = await service((trx) =>
      trx
        .selectFrom("outbox_messages")
        .select("recipient_profile_id")
        .where("kind", "=", "notification_email")
        .where(sql<string>`payload->>'notificationId'`, "in", about.map((n) => n.id))
        .execute(),
    );
    expect(mails.map((m) => m.recipient_profile_id).sort()).toEqual([kari.id, hilde.id, astrid.id].sort());

    // Unpublish and publish again: nobody is told twice about the same story.
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "unpublish", reason: "Retter et tall." } });
    await changeStoryStatus({ user: ingrid, storyId: story.storyId, change: { intent: "submit" } });
    await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "publish" } });
    const again = await service((trx) => trx.selectFrom("notifications").select("id").where("kind", "=", "story_about_idea_published").where("idea_id", "=", idea.ideaId).execute());
    expect(again).toHaveLength(3);

    const shown = await getStory({ viewer: hilde, slug: story.slug, locale: "nb" });
    expect(shown!.idea).toMatchObject({ publicId: idea.publicId });
    expect(shown!.credits).toEqual([
      { name: "Kari Nordby", role: "submitter" },
      { name: "Astrid Hovland", role: "cocreator" },
    ]);
  });
});

describe("Vi vil prøve dette", () => {
  it("creates a linked idea in the reader's organisation, routed by the normal rules, and tells the contact person", async () => {
    const story = await publishedStory("partners", "Medisindispenser som andre kan prøve");
    const result = await tryStory({
      user: ragnhild,
      slug: story.slug,
      input: { idempotencyKey: crypto.randomUUID(), title: "Prøve: medisindispenser i Ål", problem: "Vi har same behov i heimetenesta.", proposal: "Vi vil prøve det Asker har gjort.", privacyConfirmed: true },
    });
    const idea = await service((trx) =>
      trx.selectFrom("ideas").select(["organisation_id", "network_id", "theme_id", "service_area_ids", "status", "expected_benefits"]).where("id", "=", result.ideaId).executeTakeFirstOrThrow(),
    );
    const expected = await sql<{ network_id: string }>`select network_id from public.route_idea(${ragnhild.organisationId}::uuid, ${idea.theme_id}::uuid, ${sql.val(idea.service_area_ids)}::uuid[], false)`.execute(testDb.db);
    expect(idea).toMatchObject({ organisation_id: ragnhild.organisationId, status: "received", theme_id: ref.theme("mestringsteknologi"), expected_benefits: ["less_driving"] });
    // Ål is in Hallingdal: the regional e-health network, by rule, not Asker's network.
    expect(idea.network_id).toBe(expected.rows[0]!.network_id);
    expect(idea.network_id).toBe(ref.network("ehelse-hallingdal"));

    const shown = await getStory({ viewer: ahmed, slug: story.slug, locale: "nb" });
    expect(shown!.trials.map((t) => t.organisationName)).toEqual(["Ål kommune"]);
    const own = await getStory({ viewer: ragnhild, slug: story.slug, locale: "nn" });
    expect(own).toMatchObject({ canTry: false, ownTrial: { ideaPublicId: result.publicId } });
    const told = await service((trx) => trx.selectFrom("notifications").select(["recipient_id", "values"]).where("kind", "=", "story_trial").where("link", "=", `/historier/${story.slug}`).execute());
    expect(told).toEqual([{ recipient_id: kari.id, values: expect.objectContaining({ organisation: "Ål kommune" }) }]);
    // The receipt for the new idea went out as for any idea.
    const receipt = await service((trx) => trx.selectFrom("outbox_messages").select("id").where("kind", "=", "idea_receipt").where("recipient_profile_id", "=", ragnhild.id).execute());
    expect(receipt.length).toBeGreaterThan(0);
  });

  it("refuses a second trial from the same organisation and trials of your own organisation's story, saving no idea", async () => {
    const story = await publishedStory("partners", "Bare én prøve per organisasjon");
    const input = () => ({ idempotencyKey: crypto.randomUUID(), title: "Prøve dette i Drammen", problem: "Vi har samme behov i Drammen.", proposal: "Vi vil prøve det samme.", privacyConfirmed: true as const });
    await tryStory({ user: ahmed, slug: story.slug, input: input() });
    const before = await service((trx) => trx.selectFrom("ideas").select("id").execute());
    expect(await code(tryStory({ user: torArne, slug: story.slug, input: input() }))).toBe("story_already_trying");
    expect(await code(tryStory({ user: hilde, slug: story.slug, input: input() }))).toBe("story_own_organisation");
    const after = await service((trx) => trx.selectFrom("ideas").select("id").execute());
    expect(after.length).toBe(before.length);
    // The database refuses a trial row without an idea created in the same transaction.
    const oldIdea = await service((trx) => trx.selectFrom("ideas").select("id").where("organisation_id", "=", ragnhild.organisationId).executeTakeFirstOrThrow());
    const other = await publishedStory("partners", "En annen historie");
    await expect(
      withUser(ragnhild, (trx) => trx.insertInto("story_trials").values({ story_id: other.storyId, organisation_id: ragnhild.organisationId, idea_id: oldIdea.id, profile_id: ragnhild.id }).execute()),
    ).rejects.toThrow(/row-level security/);
  });
});
