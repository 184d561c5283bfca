import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { StoryStatus, StoryVisibility } from "~/db/schema";
import { commitUserSession } from "~/modules/auth/session.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { tryStory } from "~/modules/stories/try-story.server";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import * as editPage from "~/routes/ideer.$publicId.rediger";
import * as newStoryPage from "~/routes/historier.ny";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { storyUser } from "./stories-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;

const KARI = "kari.nordby@asker.example.no"; // submitter, Asker, no network
const HILDE = "hilde.strand@asker.example.no"; // colleague in Asker, no network
const INGRID = "ingrid.solberg@asker.example.no"; // member of Asker's network, which receives Asker's ideas
const AHMED = "ahmed.rahimi@drammen.example.no"; // Drammen; made a co-creator below
const MARIA = "maria.haugen@lier.example.no"; // Lier, no part in the idea

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  await testDb?.close();
});

type Person = { user: Awaited<ReturnType<typeof storyUser>>; jar: CookieJar };

async function signIn(email: string): Promise<Person> {
  const user = await storyUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return { user, jar };
}

async function createIdea(person: Person, overrides: Record<string, unknown> = {}) {
  const input = IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Sensorer i stedet for faste nattrunder",
    problem: "Nattevakten går faste runder og vekker beboere som sover godt.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("sykehjem")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    visibility: "partners",
    privacyConfirmed: "on",
    ...overrides,
  });
  return submitIdea({ user: person.user, input, proposal: plainTextToRichTextState("Vi prøver sensorer på ti rom i tre måneder.") });
}

const service = <T,>(work: Parameters<typeof asService<T>>[1]) => asService("test: idea page and stories", work, testDb.db);

async function addCocreator(ideaId: string, profileId: string) {
  // Asked and accepted (a new row always starts as pending).
  await service(async (trx) => {
    await trx.insertInto("idea_cocreators").values({ idea_id: ideaId, profile_id: profileId, kind: "request" }).execute();
    await trx.updateTable("idea_cocreators").set({ status: "accepted", responded_at: sql`now()` }).where("idea_id", "=", ideaId).where("profile_id", "=", profileId).execute();
  });
}

async function setStatus(ideaId: string, status: "new_practice" | "piloting") {
  await service((trx) => sql`update public.ideas set status = ${status}::public.idea_status where id = ${ideaId}`.execute(trx));
}

/** A story about the idea, written on the service path (the database picks the idea's network). */
async function addStory(ideaId: string, author: Person, status: StoryStatus, visibility: StoryVisibility, title: string) {
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${crypto.randomUUID().slice(0, 6)}`;
  await service((trx) =>
    sql`insert into public.stories (slug, status, visibility, organisation_id, author_id, idea_id, title, summary, body_json, body_html, body_text,
        what_changed, theme_id, service_area_ids, contact_name, contact_email, published_at, first_published_at)
      values (${slug}, ${status}::public.story_status, ${visibility}::public.story_visibility, ${author.user.organisationId}, ${author.user.id}, ${ideaId},
        ${title}, 'Et sammendrag som er langt nok for regelen.', '{}'::jsonb, '<p>Tekst</p>', 'Tekst', 'Tjenesten endret seg.',
        ${ref.theme("trygghetsskapende-teknologi")}, ${[ref.serviceArea("sykehjem")]}::uuid[], 'Kari Nordby', 'kari.nordby@asker.example.no',
        ${status === "published" ? sql`now()` : null}, ${status === "published" ? sql`now()` : null})`.execute(trx),
  );
  return slug;
}

type IdeaPageData = Awaited<ReturnType<typeof ideaPage.loader>>;
const openIdea = async (person: Person, publicId: string) =>
  ((await settle(ideaPage.loader(routeArgs(person.jar.get(`/ideer/${publicId}`), { publicId })))) as IdeaPageData).idea;

describe("success stories on the idea page", () => {
  it("offers 'Skriv en suksesshistorie' in Ny praksis to the submitter, a co-creator and the network, and to nobody before", async () => {
    const kari = await signIn(KARI);
    const ahmed = await signIn(AHMED);
    const ingrid = await signIn(INGRID);
    const hilde = await signIn(HILDE);
    const maria = await signIn(MARIA);
    const idea = await createIdea(kari);
    await addCocreator(idea.ideaId, ahmed.user.id);

    await setStatus(idea.ideaId, "piloting");
    for (const person of [kari, ahmed, ingrid, hilde, maria]) {
      expect((await openIdea(person, idea.publicId)).canWriteStory, person.user.email).toBe(false);
    }
    await setStatus(idea.ideaId, "new_practice");
    for (const person of [kari, ahmed, ingrid]) {
      const page = await openIdea(person, idea.publicId);
      expect(page.canWriteStory, person.user.email).toBe(true);
      expect(page.stories).toEqual([]);
    }
    for (const person of [hilde, maria]) {
      expect((await openIdea(person, idea.publicId)).canWriteStory, person.user.email).toBe(false);
    }

    // The link leads to the story form about this idea, which the co-creator may use.
    const form = (await settle(newStoryPage.loader(routeArgs(ahmed.jar.get(`/historier/ny?ide=${idea.publicId}`))))) as Awaited<ReturnType<typeof newStoryPage.loader>>;
    expect(form.idea).toEqual({ publicId: idea.publicId, title: "Sensorer i stedet for faste nattrunder" });
    expect(form.ideaNotAllowed).toBe(false);
  });

  it("lists the published stories about the idea that the reader may see, with links", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    await setStatus(idea.ideaId, "new_practice");
    const shared = await addStory(idea.ideaId, kari, "published", "partners", "Sensorer for alle partnere");
    const asker = await addStory(idea.ideaId, kari, "published", "organisation", "Sensorer bare for Asker");
    await addStory(idea.ideaId, kari, "ready_for_review", "partners", "Sensorer under vurdering");
    await addStory(idea.ideaId, kari, "unpublished", "public", "Sensorer tatt ned");

    const slugs = async (email: string) => (await openIdea(await signIn(email), idea.publicId)).stories.map((s) => s.slug).sort();
    expect(await slugs(HILDE)).toEqual([shared, asker].sort());
    expect(await slugs(INGRID)).toEqual([shared, asker].sort());
    expect(await slugs(AHMED)).toEqual([shared]);
    const page = await openIdea(await signIn(MARIA), idea.publicId);
    expect(page.stories).toEqual([{ slug: shared, title: "Sensorer for alle partnere", organisationName: "Asker kommune", published: expect.objectContaining({ iso: expect.any(String) }) }]);
    expect(page.canWriteStory).toBe(false);
    expect(JSON.stringify(page)).not.toContain("Sensorer bare for Asker");
    expect(JSON.stringify(page)).not.toContain("under vurdering");
  });

  it("says which story an idea made with 'Vi vil prøve dette' was inspired by", async () => {
    const kari = await signIn(KARI);
    const tried = await tryStory({
      user: kari.user,
      slug: "elektronisk-medisindispenser-demo",
      input: {
        idempotencyKey: crypto.randomUUID(),
        title: "Medisindispenser i hjemmesykepleien i Asker",
        problem: "Mange besøk handler bare om å gi medisiner til faste tider.",
        proposal: "Vi vil prøve elektroniske medisindispensere slik Drammen gjorde.",
        privacyConfirmed: true,
      },
    });
    for (const email of [KARI, INGRID, MARIA]) {
      expect((await openIdea(await signIn(email), tried.publicId)).inspiredBy, email).toEqual({
        slug: "elektronisk-medisindispenser-demo",
        title: "Elektronisk medisindispenser gav færre avvik",
      });
    }
    const plain = await createIdea(kari);
    expect((await openIdea(kari, plain.publicId)).inspiredBy).toBeNull();
  });
});

describe("the edit page for a co-creator", () => {
  const editFields = (overrides: Record<string, string> = {}) => ({
    title: "Sensorer i stedet for faste nattrunder, prøvd i to kommuner",
    problem: "Nattevakten går faste runder og vekker beboere som sover godt.",
    proposalText: "Vi prøver sensorer på ti rom i tre måneder, i Asker og Drammen.",
    beneficiaries: "users_and_relatives",
    ...overrides,
  });
  const ideaRow = (id: string) =>
    service((trx) => trx.selectFrom("ideas").select(["title", "visibility", "hide_name"]).where("id", "=", id).executeTakeFirstOrThrow());

  it("hides visibility and the name setting from a co-creator, saves their text and keeps the submitter's settings", async () => {
    const kari = await signIn(KARI);
    const ahmed = await signIn(AHMED);
    const idea = await createIdea(kari);
    await addCocreator(idea.ideaId, ahmed.user.id);
    const params = { publicId: idea.publicId };
    const url = `/ideer/${idea.publicId}/rediger`;

    const asSubmitter = (await settle(editPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof editPage.loader>>;
    expect(asSubmitter.isSubmitter).toBe(true);
    const asCocreator = (await settle(editPage.loader(routeArgs(ahmed.jar.get(url), params)))) as Awaited<ReturnType<typeof editPage.loader>>;
    expect(asCocreator.isSubmitter).toBe(false);

    // The co-creator's form has no visibility field; a hand-made post with the settings changes nothing of them.
    expectRedirect(await settle(editPage.action(routeArgs(ahmed.jar.post(url, editFields()), params))));
    expect(await ideaRow(idea.ideaId)).toEqual({ title: "Sensorer i stedet for faste nattrunder, prøvd i to kommuner", visibility: "partners", hide_name: false });
    expectRedirect(await settle(editPage.action(routeArgs(ahmed.jar.post(url, editFields({ title: "Sensorer på ti rom", visibility: "organisation", hideName: "on" })), params))));
    expect(await ideaRow(idea.ideaId)).toEqual({ title: "Sensorer på ti rom", visibility: "partners", hide_name: false });

    // The submitter still chooses them, and must.
    const missing = (await settle(editPage.action(routeArgs(kari.jar.post(url, editFields()), params)))) as { result: { error: Record<string, string[]> } };
    expect(missing.result.error.visibility).toEqual(["edit.errors.visibilityRequired"]);
    expectRedirect(await settle(editPage.action(routeArgs(kari.jar.post(url, editFields({ visibility: "organisation", hideName: "on" })), params))));
    expect(await ideaRow(idea.ideaId)).toMatchObject({ visibility: "organisation", hide_name: true });
  });
});
