import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { commitUserSession } from "~/modules/auth/session.server";
import { saveIdeaDraft } from "~/modules/ideas/idea-drafts.server";
import { SUPPORT_INTENTS } from "~/components/idea/support-form";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import * as supportRoute from "~/routes/ideer.$publicId.stott";
import * as editPage from "~/routes/ideer.$publicId.rediger";
import * as withdrawPage from "~/routes/ideer.$publicId.trekk";
import * as attachmentRoute from "~/routes/ideer.$publicId.vedlegg.$attachmentId";
import * as myIdeasPage from "~/routes/mine-forslag";
import * as deleteDraftPage from "~/routes/mine-forslag_.kladd.$draftId.slett";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;

const KARI = "kari.nordby@asker.example.no"; // submitter, Asker, no network
const HILDE = "hilde.strand@asker.example.no"; // colleague in Asker, no network
const INGRID = "ingrid.solberg@asker.example.no"; // member of digi-asker, which receives Asker's ideas
const AHMED = "ahmed.rahimi@drammen.example.no"; // another organisation

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-my-ideas-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  setFileStorage(undefined);
  await testDb.close();
  await fs.rm(storageDir, { recursive: true, force: true });
});

type Person = { user: Awaited<ReturnType<typeof demoUser>>; jar: CookieJar };

async function signIn(email: string): Promise<Person> {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return { user, jar };
}

const proposal = plainTextToRichTextState("Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

async function createIdea(person: Person, overrides: Record<string, unknown> = {}, withAttachment = false) {
  const input = IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Digitalt tilsyn om natten i hjemmetjenesten",
    problem: "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    needContexts: ["home"],
    expectedBenefits: ["less_driving"],
    visibility: "partners",
    privacyConfirmed: "on",
    ...overrides,
  });
  const attachments = withAttachment ? [{ fileName: "skisse over ruta å.png", contentType: "image/png", bytes: PNG }] : [];
  const result = await submitIdea({ user: person.user, input, proposal, attachments });
  return { ideaId: result.ideaId, publicId: result.publicId };
}

type IdeaPageData = Awaited<ReturnType<typeof ideaPage.loader>>;

async function openIdea(person: Person, publicId: string, search = "") {
  return settle(ideaPage.loader(routeArgs(person.jar.get(`/ideer/${publicId}${search}`), { publicId })));
}

async function ideaRow(ideaId: string) {
  return asService("test: read idea", (trx) =>
    trx.selectFrom("ideas").select(["title", "problem", "status", "hide_name", "visibility", "withdrawn_reason"]).where("id", "=", ideaId).executeTakeFirstOrThrow(),
  );
}

async function events(ideaId: string) {
  return asService("test: read events", (trx) =>
    trx.selectFrom("idea_events").select(["kind", "data"]).where("idea_id", "=", ideaId).orderBy("created_at").execute(),
  );
}

async function setStatus(ideaId: string, status: IdeaStatus) {
  await asService("test: triage", (trx) => trx.updateTable("ideas").set({ status }).where("id", "=", ideaId).execute());
}

function editFields(overrides: Record<string, string> = {}) {
  return {
    title: "Nattlig tilsyn med kamera og sensor",
    problem: "Nattevakten kjører langt for å se til brukere som sover.",
    proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere.\n\nNattevakten ser bare et varsel.",
    beneficiaries: "staff_and_leaders",
    expectedBenefits: "time_saved",
    visibility: "partners",
    ...overrides,
  };
}

function expectNotFound(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).status).toBe(404);
}

describe("Mine forslag", () => {
  it("lists only my own ideas and drafts, newest first, with status, network and a due date", async () => {
    const kari = await signIn(KARI);
    const ahmed = await signIn(AHMED);
    const mine = await createIdea(kari, { title: "Kari sitt forslag om nattlig tilsyn" });
    const theirs = await createIdea(ahmed, { title: "Ahmed sitt forslag om medisinrobot" });
    const myDraft = await saveIdeaDraft({ user: kari.user, values: { title: "Halvferdig idé om GPS" } });
    const theirDraft = await saveIdeaDraft({ user: ahmed.user, values: { title: "Ahmeds kladd" } });

    const page = (await settle(myIdeasPage.loader(routeArgs(kari.jar.get("/mine-forslag?kladd=lagret"))))) as Awaited<ReturnType<typeof myIdeasPage.loader>>;
    const publicIds = page.ideas.map((i) => i.publicId);
    expect(publicIds).toContain(mine.publicId);
    expect(publicIds).not.toContain(theirs.publicId);
    expect(page.drafts.map((d) => d.id)).toEqual(expect.arrayContaining([myDraft]));
    expect(page.drafts.map((d) => d.id)).not.toContain(theirDraft);
    expect(page.flash).toBe("flash.draftSaved");
    const card = page.ideas.find((i) => i.publicId === mine.publicId)!;
    expect(card).toMatchObject({ status: "received", networkName: "Nettverk for digitalisering og e-helse – Asker" });
    expect(card.due).toMatchObject({ overdue: false });
    expect(card.due!.date.text).toMatch(/\d{4}$/);
    expect(card.submittedAt.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const result = await settle(myIdeasPage.loader(routeArgs(new CookieJar().get("/mine-forslag"))));
    expect(expectRedirect(result).headers.get("Location")).toBe(`/logg-inn?redirectTo=${encodeURIComponent("/mine-forslag")}`);
  });

  it("deletes a draft only after the confirm step, and only the owner's", async () => {
    const kari = await signIn(KARI);
    const ahmed = await signIn(AHMED);
    const draftId = await saveIdeaDraft({ user: kari.user, values: { title: "" } });
    const params = { draftId };
    const url = `/mine-forslag/kladd/${draftId}/slett`;

    const confirm = (await settle(deleteDraftPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof deleteDraftPage.loader>>;
    expect(confirm.draft.id).toBe(draftId);
    expectNotFound(await settle(deleteDraftPage.loader(routeArgs(ahmed.jar.get(url), params))));

    // Someone else's post deletes nothing.
    await settle(deleteDraftPage.action(routeArgs(ahmed.jar.post(url, {}), params)));
    const stillThere = (await settle(myIdeasPage.loader(routeArgs(kari.jar.get("/mine-forslag"))))) as Awaited<ReturnType<typeof myIdeasPage.loader>>;
    expect(stillThere.drafts.map((d) => d.id)).toContain(draftId);

    const done = expectRedirect(await settle(deleteDraftPage.action(routeArgs(kari.jar.post(url, {}), params))));
    expect(done.headers.get("Location")).toBe("/mine-forslag?kladd=slettet");
    const after = (await settle(myIdeasPage.loader(routeArgs(kari.jar.get("/mine-forslag?kladd=slettet"))))) as Awaited<ReturnType<typeof myIdeasPage.loader>>;
    expect(after.drafts.map((d) => d.id)).not.toContain(draftId);
    expect(after.flash).toBe("flash.draftDeleted");
  });
});

describe("the idea page and attachments", () => {
  it("hides an organisation-only idea and its attachment from another organisation, with the same 404 as a missing idea", async () => {
    const kari = await signIn(KARI);
    const hilde = await signIn(HILDE);
    const ahmed = await signIn(AHMED);
    const idea = await createIdea(kari, { visibility: "organisation" }, true);
    const page = (await openIdea(kari, idea.publicId)) as IdeaPageData;
    expect(page.idea.attachments).toHaveLength(1);
    const attachment = page.idea.attachments[0];
    expect(attachment).toMatchObject({ fileName: "skisse over ruta å.png", typeKey: "png" });

    expectNotFound(await openIdea(ahmed, idea.publicId));
    expectNotFound(await openIdea(ahmed, "IDE-1999-9999"));

    const download = (person: Person, attachmentId = attachment.id) =>
      settle(
        attachmentRoute.loader(
          routeArgs(person.jar.get(`/ideer/${idea.publicId}/vedlegg/${attachmentId}`), { publicId: idea.publicId, attachmentId }),
        ),
      );
    expectNotFound(await download(ahmed));
    expectNotFound(await download(kari, crypto.randomUUID()));
    expectNotFound(await download(kari, "../../etc/passwd"));

    // A colleague in the same organisation may see the idea and fetch the file.
    expect(((await openIdea(hilde, idea.publicId)) as IdeaPageData).idea.publicId).toBe(idea.publicId);
    const response = (await download(hilde)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''skisse%20over%20ruta%20%C3%A5.png`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("hides the name from a colleague but shows it to the submitter and to the owning network", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari, { hideName: "on" });
    const asKari = (await openIdea(kari, idea.publicId)) as IdeaPageData;
    expect(asKari.idea.submitter?.displayName).toBe("Kari Nordby");
    expect(asKari.idea.isMine).toBe(true);
    expect(asKari.idea.canEdit).toBe(true);
    expect(asKari.idea.canWithdraw).toBe(true);

    const asColleague = (await openIdea(await signIn(HILDE), idea.publicId)) as IdeaPageData;
    expect(asColleague.idea.submitter).toBeNull();
    expect(asColleague.idea.canEdit).toBe(false);
    expect(asColleague.idea.canWithdraw).toBe(false);
    expect(JSON.stringify(asColleague)).not.toContain("Kari Nordby");

    const asNetwork = (await openIdea(await signIn(INGRID), idea.publicId)) as IdeaPageData;
    expect(asNetwork.idea.submitter?.displayName).toBe("Kari Nordby");
  });

  it("explains where the idea went and why, in the reader's words", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    const page = (await openIdea(kari, idea.publicId)) as IdeaPageData;
    expect(page.idea.routing.networkName).toBe("Nettverk for digitalisering og e-helse – Asker");
    expect(page.idea.routing.reasons).toEqual([{ key: "routing.fallback", values: { organisation: "Asker kommune" } }]);
    expect(page.idea.events.map((e) => e.kind)).toEqual(["submitted"]);
    expect(page.idea.themeName).toBeTruthy();
  });

  it("counts a support once however often it is given, and undoing it works", async () => {
    const kari = await signIn(KARI);
    const hilde = await signIn(HILDE);
    const idea = await createIdea(kari);
    const url = `/ideer/${idea.publicId}/stott`;
    const params = { publicId: idea.publicId };
    const back = `/ideer/${idea.publicId}`;
    // The button on the idea page posts exactly these fields; a double click sends them twice.
    for (let i = 0; i < 2; i++) {
      const response = expectRedirect(await settle(supportRoute.action(routeArgs(hilde.jar.post(url, { intent: SUPPORT_INTENTS.support, redirectTo: back }), params))));
      expect(response.headers.get("Location")).toBe(back);
    }
    let page = (await openIdea(hilde, idea.publicId)) as IdeaPageData;
    expect(page.idea).toMatchObject({ supportCount: 1, supportedByMe: true, canSupport: true });
    expect(((await openIdea(kari, idea.publicId)) as IdeaPageData).idea).toMatchObject({ supportCount: 1, supportedByMe: false });

    expectRedirect(await settle(supportRoute.action(routeArgs(hilde.jar.post(url, { intent: SUPPORT_INTENTS.undo, redirectTo: back }), params))));
    page = (await openIdea(hilde, idea.publicId)) as IdeaPageData;
    expect(page.idea).toMatchObject({ supportCount: 0, supportedByMe: false });
  });
});

describe("editing", () => {
  it("saves the submitter's changes while the idea is received, and records it on the timeline", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    const params = { publicId: idea.publicId };
    const url = `/ideer/${idea.publicId}/rediger`;

    const form = (await settle(editPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof editPage.loader>>;
    expect(form.editable).toBe(true);
    expect(form.idea.proposal).toMatchObject({ root: { type: "root" } });

    const saved = expectRedirect(await settle(editPage.action(routeArgs(kari.jar.post(url, editFields({ hideName: "on" })), params))));
    expect(saved.headers.get("Location")).toBe(`/ideer/${idea.publicId}?endret=1`);
    expect(await ideaRow(idea.ideaId)).toMatchObject({ title: "Nattlig tilsyn med kamera og sensor", hide_name: true, status: "received" });
    expect((await events(idea.ideaId)).map((e) => e.kind)).toEqual(["submitted", "edited"]);
    const page = (await openIdea(kari, idea.publicId, "?endret=1")) as IdeaPageData;
    expect(page.flash).toBe("flash.edited");
    expect(page.idea.proposalHtml).toContain("<p>Nattevakten ser bare et varsel.</p>");
  });

  it("keeps what was typed and names the problem when a field is invalid or a fødselsnummer is found", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    const params = { publicId: idea.publicId };
    const url = `/ideer/${idea.publicId}/rediger`;

    const invalid = (await settle(editPage.action(routeArgs(kari.jar.post(url, editFields({ title: "Kort", proposalText: "Kort" })), params)))) as {
      result: { status: string; error: Record<string, string[]>; initialValue: Record<string, unknown> };
    };
    expect(invalid.result.status).toBe("error");
    expect(invalid.result.error.title).toEqual(["edit.errors.titleTooShort"]);
    expect(invalid.result.error.proposal).toEqual(["edit.errors.proposalTooShort"]);
    expect(invalid.result.initialValue.problem).toBe("Nattevakten kjører langt for å se til brukere som sover.");

    const blocked = (await settle(
      editPage.action(routeArgs(kari.jar.post(url, editFields({ problem: "Brukeren 13097248022 faller ofte om natten." })), params)),
    )) as { result: { error: Record<string, string[]> }; findings: { field: string; kind: string; masked: string }[] };
    expect(blocked.result.error[""]).toEqual(["edit.errors.privacyBlocked"]);
    expect(blocked.findings).toEqual([expect.objectContaining({ field: "problem", kind: "national-id" })]);
    expect(JSON.stringify(blocked.findings)).not.toContain("13097248022");

    const broken = (await settle(editPage.action(routeArgs(kari.jar.post(url, { ...editFields(), proposal: "{not json" }), params)))) as {
      result: { error: Record<string, string[]> };
    };
    expect(broken.result.error.proposal).toEqual(["editor:errors.invalid_json"]);

    expect(await ideaRow(idea.ideaId)).toMatchObject({ title: "Digitalt tilsyn om natten i hjemmetjenesten" });
    expect((await events(idea.ideaId)).map((e) => e.kind)).toEqual(["submitted"]);
  });

  it("refuses an edit, with a clear message and nothing changed, once triage has started", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    const params = { publicId: idea.publicId };
    const url = `/ideer/${idea.publicId}/rediger`;
    await setStatus(idea.ideaId, "under_review");

    const form = (await settle(editPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof editPage.loader>>;
    expect(form.editable).toBe(false);
    const reply = (await settle(editPage.action(routeArgs(kari.jar.post(url, editFields()), params)))) as { result: { error: Record<string, string[]> } };
    expect(reply.result.error[""]).toEqual(["edit.errors.notEditable"]);
    expect(await ideaRow(idea.ideaId)).toMatchObject({ title: "Digitalt tilsyn om natten i hjemmetjenesten", status: "under_review" });
    expect(((await openIdea(kari, idea.publicId)) as IdeaPageData).idea).toMatchObject({ canEdit: false, canWithdraw: true, due: null });
  });

  it("gives another person the same 404 for the edit and withdraw pages and changes nothing", async () => {
    const kari = await signIn(KARI);
    const hilde = await signIn(HILDE);
    const idea = await createIdea(kari);
    const params = { publicId: idea.publicId };
    expectNotFound(await settle(editPage.loader(routeArgs(hilde.jar.get(`/ideer/${idea.publicId}/rediger`), params))));
    expectNotFound(await settle(editPage.action(routeArgs(hilde.jar.post(`/ideer/${idea.publicId}/rediger`, editFields()), params))));
    expectNotFound(await settle(withdrawPage.action(routeArgs(hilde.jar.post(`/ideer/${idea.publicId}/trekk`, { reason: "Ikke min, men likevel" }), params))));
    expect(await ideaRow(idea.ideaId)).toMatchObject({ title: "Digitalt tilsyn om natten i hjemmetjenesten", status: "received" });
  });
});

describe("withdrawing", () => {
  it("requires a reason, records it on the timeline, and leaves the idea closed to edits", async () => {
    const kari = await signIn(KARI);
    const idea = await createIdea(kari);
    const params = { publicId: idea.publicId };
    const url = `/ideer/${idea.publicId}/trekk`;

    const confirm = (await settle(withdrawPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof withdrawPage.loader>>;
    expect(confirm.idea.closed).toBe(false);

    for (const reason of ["", "  ", "ok"]) {
      const reply = (await settle(withdrawPage.action(routeArgs(kari.jar.post(url, { reason }), params)))) as { status: string; error: Record<string, string[]> };
      expect(reply.status, JSON.stringify(reason)).toBe("error");
      expect(reply.error.reason).toEqual(["withdraw.errors.reasonRequired"]);
    }
    expect((await ideaRow(idea.ideaId)).status).toBe("received");

    const done = expectRedirect(await settle(withdrawPage.action(routeArgs(kari.jar.post(url, { reason: "Vi har løst det med en ny rutine." }), params))));
    expect(done.headers.get("Location")).toBe("/mine-forslag?trukket=1");
    expect(await ideaRow(idea.ideaId)).toMatchObject({ status: "withdrawn", withdrawn_reason: "Vi har løst det med en ny rutine." });
    const timeline = await events(idea.ideaId);
    expect(timeline.at(-1)).toEqual({ kind: "withdrawn", data: { reason: "Vi har løst det med en ny rutine." } });

    const page = (await openIdea(kari, idea.publicId)) as IdeaPageData;
    expect(page.idea).toMatchObject({ status: "withdrawn", canEdit: false, canWithdraw: false, canSupport: false });
    expect(page.idea.events.at(-1)).toMatchObject({ kind: "withdrawn", reason: "Vi har løst det med en ny rutine." });

    const edit = (await settle(editPage.action(routeArgs(kari.jar.post(`/ideer/${idea.publicId}/rediger`, editFields()), params)))) as {
      result: { error: Record<string, string[]> };
    };
    expect(edit.result.error[""]).toEqual(["edit.errors.notEditable"]);
    expect((await ideaRow(idea.ideaId)).title).toBe("Digitalt tilsyn om natten i hjemmetjenesten");

    expect(((await settle(withdrawPage.loader(routeArgs(kari.jar.get(url), params)))) as Awaited<ReturnType<typeof withdrawPage.loader>>).idea.closed).toBe(true);
    const again = (await settle(withdrawPage.action(routeArgs(kari.jar.post(url, { reason: "En gang til" }), params)))) as { error: Record<string, string[]> };
    expect(again.error[""]).toEqual(["withdraw.errors.closed"]);

    const list = (await settle(myIdeasPage.loader(routeArgs(kari.jar.get("/mine-forslag?trukket=1"))))) as Awaited<ReturnType<typeof myIdeasPage.loader>>;
    expect(list.flash).toBe("flash.withdrawn");
    expect(list.ideas.find((i) => i.publicId === idea.publicId)).toMatchObject({ status: "withdrawn", due: null });
  });
});
