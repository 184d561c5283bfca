import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { answerCocreation } from "~/modules/cocreators/answer-cocreation.server";
import { inviteCocreator } from "~/modules/cocreators/invite-cocreator.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import * as attachmentsPage from "~/routes/ideer.$publicId.vedlegg._index";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, routeArgs, settle, useTestEnv } from "./auth-helpers";

// Adding and removing files after submission (until triage starts): the submitter and accepted
// co-creators, also from another organisation; nobody else. Through the route, with real forms.

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;

const KARI = "kari.nordby@asker.example.no"; // submitter, Asker
const HILDE = "hilde.strand@asker.example.no"; // colleague in Asker
const AHMED = "ahmed.rahimi@drammen.example.no"; // another organisation
const INGRID = "ingrid.solberg@asker.example.no"; // member of digi-asker

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-attachments-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  setFileStorage(undefined);
  await testDb.close();
  await fs.rm(storageDir, { recursive: true, force: true });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF = new TextEncoder().encode("%PDF-1.4\n% liten prøve\n");

async function cookieFor(email: string) {
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), await demoUser(testDb.db, email)) }));
  return jar.header();
}

async function newIdea(email = KARI) {
  const input = IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Bilde av oppsettet for trygghetsalarmen",
    problem: "Det er vanskelig å forklare med ord hvordan alarmen er montert hos brukerne.",
    beneficiaries: ["staff_and_leaders"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    visibility: "partners",
    privacyConfirmed: "on",
  });
  const proposal = plainTextToRichTextState("Vi tar bilder av oppsettet og deler dem med alle sonene.");
  return submitIdea({ user: await demoUser(testDb.db, email), input, proposal });
}

const pagePath = (publicId: string) => `/ideer/${encodeURIComponent(publicId)}/vedlegg`;

async function load(publicId: string, email: string, query = "") {
  const request = new Request(`${APP_URL}${pagePath(publicId)}${query}`, { headers: { Cookie: await cookieFor(email) } });
  return settle(attachmentsPage.loader(routeArgs(request, { publicId })));
}

async function post(publicId: string, email: string, fields: Record<string, string | File | File[]>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  const request = new Request(`${APP_URL}${pagePath(publicId)}`, { method: "POST", headers: { Cookie: await cookieFor(email) }, body });
  return settle(attachmentsPage.action(routeArgs(request, { publicId })));
}

type Loaded = Awaited<ReturnType<typeof attachmentsPage.loader>>;
type Refused = { type: string; data: { messages: string[] }; init: { status: number } };
const statusOf = (result: unknown) => (result instanceof Response ? result.status : (result as Refused).init.status);
const messagesOf = (result: unknown) => (result as Refused).data.messages;
// The local storage keeps each file with a ".type" file beside it: count the files themselves.
const storedFiles = async () => (await fs.readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.name.endsWith(".type")).length;
const rowsOf = (ideaId: string) =>
  asService("test: attachments", (trx) => trx.selectFrom("idea_attachments").select(["id", "file_name", "owner_id"]).where("idea_id", "=", ideaId).orderBy("created_at").execute());

describe("attachments after submission", () => {
  it("lets the submitter add files and remove them while the idea is received; the idea page links there", async () => {
    const { ideaId, publicId } = await newIdea();
    const page = (await load(publicId, KARI)) as Loaded;
    expect(page).toMatchObject({ editable: true, attachments: [], room: 5 });

    const added = await post(publicId, KARI, { intent: "add", attachments: [new File([PNG], "alarm på veggen.png"), new File([PDF], "monteringsanvisning.pdf")] });
    expect(statusOf(added)).toBe(303);
    expect((added as Response).headers.get("Location")).toBe(`${pagePath(publicId)}?lagt-til=2`);
    expect((await rowsOf(ideaId)).map((r) => r.file_name)).toEqual(["alarm på veggen.png", "monteringsanvisning.pdf"]);
    const after = (await load(publicId, KARI, "?lagt-til=2")) as Loaded;
    expect(after).toMatchObject({ added: 2, room: 3 });
    expect(after.attachments.map((a) => [a.fileName, a.typeKey, a.removable])).toEqual([
      ["alarm på veggen.png", "png", true],
      ["monteringsanvisning.pdf", "pdf", true],
    ]);
    // The idea page shows them, and the way here.
    const ideaData = (await settle(ideaPage.loader(routeArgs(new Request(`${APP_URL}/ideer/${publicId}`, { headers: { Cookie: await cookieFor(KARI) } }), { publicId })))) as {
      idea: { attachments: { fileName: string }[]; canEdit: boolean };
    };
    expect(ideaData.idea.attachments.map((a) => a.fileName)).toEqual(["alarm på veggen.png", "monteringsanvisning.pdf"]);
    expect(ideaData.idea.canEdit).toBe(true);

    const files = await storedFiles();
    const removed = await post(publicId, KARI, { intent: "remove", attachmentId: after.attachments[0]!.id });
    expect((removed as Response).headers.get("Location")).toBe(`${pagePath(publicId)}?fjernet=1`);
    expect((await rowsOf(ideaId)).map((r) => r.file_name)).toEqual(["monteringsanvisning.pdf"]);
    expect(await storedFiles()).toBe(files - 1);
  });

  it("refuses a wrong type, an empty choice, too many files and an unknown attachment with a message, saving nothing", async () => {
    const { ideaId, publicId } = await newIdea();
    const files = await storedFiles();
    const script = await post(publicId, KARI, { intent: "add", attachments: new File(["#!/bin/sh\necho hei"], "bilde.png", { type: "image/png" }) });
    expect(statusOf(script)).toBe(400);
    expect(messagesOf(script)).toEqual(['form.errors.attachmentWrongType|{"fileName":"bilde.png"}']);
    const none = await post(publicId, KARI, { intent: "add" });
    expect(messagesOf(none)).toEqual(["my-ideas:manageAttachments.errors.noFile"]);
    await post(publicId, KARI, { intent: "add", attachments: Array.from({ length: 4 }, (_, i) => new File([PNG], `bilde-${i}.png`)) });
    const tooMany = await post(publicId, KARI, { intent: "add", attachments: [new File([PNG], "fem.png"), new File([PNG], "seks.png")] });
    expect(messagesOf(tooMany)).toEqual(['my-ideas:manageAttachments.errors.tooMany|{"max":5,"room":1}']);
    expect((await rowsOf(ideaId)).length).toBe(4);
    expect(await storedFiles()).toBe(files + 4);
    expect(messagesOf(await post(publicId, KARI, { intent: "remove", attachmentId: crypto.randomUUID() }))).toEqual(["my-ideas:manageAttachments.errors.notFound"]);
    expect(messagesOf(await post(publicId, KARI, { intent: "remove", attachmentId: "'; drop table ideas; --" }))).toEqual(["my-ideas:manageAttachments.errors.notFound"]);
    expect(messagesOf(await post(publicId, KARI, { intent: "nonsense" }))).toEqual(["my-ideas:manageAttachments.errors.unknownIntent"]);
  });

  it("lets an accepted co-creator from another organisation add files and remove their own, not the submitter's", async () => {
    const { ideaId, publicId } = await newIdea();
    await post(publicId, KARI, { intent: "add", attachments: new File([PNG], "kari.png") });
    // Before accepting, Ahmed is nobody on this idea: the page does not exist for him.
    const kari = await demoUser(testDb.db, KARI);
    const ahmed = await demoUser(testDb.db, AHMED);
    const { cocreatorId } = await inviteCocreator({ user: kari, ideaId, email: AHMED });
    expect(statusOf(await load(publicId, AHMED))).toBe(404);
    await answerCocreation({ user: ahmed, ideaId, cocreatorId, accept: true });

    expect(statusOf(await post(publicId, AHMED, { intent: "add", attachments: new File([PDF], "drammen.pdf") }))).toBe(303);
    const page = (await load(publicId, AHMED)) as Loaded;
    expect(page.attachments.map((a) => [a.fileName, a.removable])).toEqual([
      ["kari.png", false],
      ["drammen.pdf", true],
    ]);
    // Not the submitter's file, whatever the form says.
    const karisFile = page.attachments[0]!.id;
    expect(messagesOf(await post(publicId, AHMED, { intent: "remove", attachmentId: karisFile }))).toEqual(["my-ideas:manageAttachments.errors.notFound"]);
    // The submitter may remove the co-creator's.
    expect(statusOf(await post(publicId, KARI, { intent: "remove", attachmentId: page.attachments[1]!.id }))).toBe(303);
    expect((await rowsOf(ideaId)).map((r) => r.file_name)).toEqual(["kari.png"]);
  });

  it("is a 404 for colleagues, network members and other organisations, and changes nothing for them", async () => {
    const { ideaId, publicId } = await newIdea();
    await post(publicId, KARI, { intent: "add", attachments: new File([PNG], "kari.png") });
    const [row] = await rowsOf(ideaId);
    for (const email of [HILDE, INGRID, AHMED]) {
      expect(statusOf(await load(publicId, email)), email).toBe(404);
      expect(statusOf(await post(publicId, email, { intent: "add", attachments: new File([PNG], "inntrenger.png") })), email).toBe(404);
      expect(statusOf(await post(publicId, email, { intent: "remove", attachmentId: row!.id })), email).toBe(404);
    }
    expect((await rowsOf(ideaId)).map((r) => r.file_name)).toEqual(["kari.png"]);
  });

  it("stops once triage has started: the files stay, the page says why", async () => {
    const { ideaId, publicId } = await newIdea();
    await post(publicId, KARI, { intent: "add", attachments: new File([PNG], "kari.png") });
    await changeIdeaStatus({ user: await demoUser(testDb.db, INGRID), change: { ideaId, toStatus: "under_review", body: "Takk, vi ser på forslaget i nettverksmøtet." } });
    const page = (await load(publicId, KARI)) as Loaded;
    expect(page.editable).toBe(false);
    const added = await post(publicId, KARI, { intent: "add", attachments: new File([PNG], "sent.png") });
    expect(statusOf(added)).toBe(409);
    expect(messagesOf(added)).toEqual(["my-ideas:manageAttachments.errors.notEditable"]);
    expect(messagesOf(await post(publicId, KARI, { intent: "remove", attachmentId: page.attachments[0]!.id }))).toEqual(["my-ideas:manageAttachments.errors.notEditable"]);
    expect((await rowsOf(ideaId)).map((r) => r.file_name)).toEqual(["kari.png"]);
  });

  it("keeps the database's rule even when the app is bypassed: a colleague cannot insert or delete attachment rows", async () => {
    const { ideaId, publicId } = await newIdea();
    await post(publicId, KARI, { intent: "add", attachments: new File([PNG], "kari.png") });
    const [row] = await rowsOf(ideaId);
    const { withUser } = await import("~/db/client.server");
    const hilde = await demoUser(testDb.db, HILDE);
    await expect(
      withUser(hilde, (trx) =>
        trx.insertInto("idea_attachments").values({ owner_id: hilde.id, idea_id: ideaId, file_name: "x.png", content_type: "image/png", size_bytes: 3, storage_key: "ideas/x" }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await withUser(hilde, (trx) => trx.deleteFrom("idea_attachments").where("id", "=", row!.id).executeTakeFirst());
    expect(Number(deleted.numDeletedRows)).toBe(0);
    expect(await rowsOf(ideaId)).toHaveLength(1);
  });
});
