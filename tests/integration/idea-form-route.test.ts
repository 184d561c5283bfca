import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { decodeMessage } from "~/components/idea-form/form-messages";
import type { IdeaFormActionData } from "~/components/idea-form/idea-form";
import { getTranslator } from "~/i18n/i18n.server";
import { commitUserSession } from "~/modules/auth/session.server";
import type { SimilarIdea } from "~/modules/ideas/find-similar-ideas.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { action as newIdeaAction, loader as newIdeaLoader } from "~/routes/ideer.ny";
import { action as autosaveAction } from "~/routes/ideer.kladd";
import { loader as similarLoader } from "~/routes/ideer.lignende";
import { action as supportAction } from "~/routes/ideer.$publicId.stott";
import { loader as receiptLoader } from "~/routes/ideer.$publicId.kvittering";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

// A real 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
// 13097248022 passes both mod-11 checks (see tests/integration/submit-idea.test.ts).
const FNR = "13097248022";

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;
const cookies = new Map<string, string>();

beforeAll(async () => {
  await useTestEnv();
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-form-files-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  setFileStorage(undefined);
  await testDb.close();
  await fs.rm(storageDir, { recursive: true, force: true });
});

/** A signed session cookie for a seeded demo user, as the sign-in flow would set it. */
async function cookieFor(email: string) {
  const cached = cookies.get(email);
  if (cached) return cached;
  const user = await demoUser(testDb.db, email);
  const setCookie = await commitUserSession(new Request(APP_URL), { id: user.id, email: user.email });
  const cookie = setCookie.split(";")[0];
  cookies.set(email, cookie);
  return cookie;
}

const KARI = "kari.nordby@asker.example.no";
const AHMED = "ahmed.rahimi@drammen.example.no";
const EMILY = "emily.carter@drammen.example.no";

type Fields = Record<string, string | string[] | File | File[]>;

function validFields(overrides: Fields = {}): Fields {
  return {
    intent: "submit",
    idempotencyKey: crypto.randomUUID(),
    title: "Digitalt tilsyn om natten i hjemmetjenesten",
    problem: "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.",
    proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.\n\nNattevakten ser bare et varsel.",
    beneficiaries: ["users_and_relatives", "staff_and_leaders"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    needContexts: ["home"],
    expectedBenefits: ["less_driving"],
    stopDoing: "Faste nattlige tilsynsbesøk hos dem som ikke trenger det.",
    visibility: "partners",
    privacyConfirmed: "on",
    ...overrides,
  };
}

async function multipartPost(pathname: string, email: string, fields: Fields) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return new Request(`${APP_URL}${pathname}`, { method: "POST", headers: { Cookie: await cookieFor(email) }, body });
}

async function get(pathname: string, email: string) {
  return new Request(`${APP_URL}${pathname}`, { headers: { Cookie: await cookieFor(email) } });
}

type DataReply = { type: string; data: IdeaFormActionData; init: { status?: number } | null };

async function submitForm(fields: Fields, email = KARI) {
  return settle(newIdeaAction(routeArgs(await multipartPost("/ideer/ny", email, fields))));
}

function expectReply(result: unknown): DataReply {
  expect(result).not.toBeInstanceOf(Response);
  const reply = result as DataReply;
  expect(reply.type).toBe("DataWithResponseInit");
  return reply;
}

function errorsOf(reply: DataReply) {
  return (reply.data.result.error ?? {}) as Record<string, string[]>;
}

async function countIdeas(idempotencyKey: string) {
  const row = await asService("test: count ideas", (trx) =>
    trx.selectFrom("ideas").select((eb) => eb.fn.countAll<string>().as("n")).where("idempotency_key", "=", idempotencyKey).executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}

async function countAllIdeas() {
  const row = await asService("test: count ideas", (trx) => trx.selectFrom("ideas").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow());
  return Number(row.n);
}

async function translateNb(message: string) {
  const t = await getTranslator("nb");
  const { key, values } = decodeMessage(message);
  const text = t(key, { ns: "idea-form", ...values });
  expect(text, `no bokmål text for ${key}`).not.toBe(key);
  expect(text).not.toContain("{{");
  return text;
}

describe("/ideer/ny", () => {
  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const result = await settle(newIdeaLoader(routeArgs(new Request(`${APP_URL}/ideer/ny`))));
    expect(expectRedirect(result).headers.get("Location")).toBe(`/logg-inn?redirectTo=${encodeURIComponent("/ideer/ny")}`);
  });

  it("loads the form with a fresh idempotency key, themes, service areas and the avvik link", async () => {
    const first = await newIdeaLoader(routeArgs(await get("/ideer/ny", KARI)));
    const second = await newIdeaLoader(routeArgs(await get("/ideer/ny", KARI)));
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(first.themes.length).toBeGreaterThan(3);
    expect(first.serviceAreas.map((a) => a.id)).toContain(ref.serviceArea("hjemmetjenester"));
    expect(first.organisationName).toBe("Asker kommune");
    expect(first.workEmailDomains).toContain("asker.example.no");
    expect(first.draftId).toBeNull();
  });

  it("submits a valid idea with an attachment, redirects to the receipt, and a resubmit is still one idea", async () => {
    const fields = validFields({ attachments: new File([PNG], "tavle.png", { type: "image/png" }) });
    const first = expectRedirect(await submitForm(fields));
    const location = first.headers.get("Location")!;
    expect(location).toMatch(/^\/ideer\/IDE-\d{4}-\d{4}\/kvittering$/);

    // A double click or a resubmitted page: same idempotency key, same idea, same receipt.
    const second = expectRedirect(await submitForm(fields));
    expect(second.headers.get("Location")).toBe(location);
    expect(await countIdeas(fields.idempotencyKey as string)).toBe(1);

    const attachments = await asService("test: attachments", (trx) =>
      trx
        .selectFrom("idea_attachments")
        .innerJoin("ideas", "ideas.id", "idea_attachments.idea_id")
        .select(["idea_attachments.file_name", "idea_attachments.content_type", "idea_attachments.size_bytes"])
        .where("ideas.idempotency_key", "=", fields.idempotencyKey as string)
        .execute(),
    );
    expect(attachments).toEqual([{ file_name: "tavle.png", content_type: "image/png", size_bytes: PNG.byteLength }]);

    const publicId = location.split("/")[2];
    const receipt = await receiptLoader(routeArgs(await get(location, KARI), { publicId }));
    expect(receipt.publicId).toBe(publicId);
    expect(receipt.networkName).toBeTruthy();
    expect(receipt.reasons.length).toBeGreaterThan(0);
    expect(receipt.dueDate).toMatch(/^(mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. \p{L}+ \d{4}$/u);
    expect(receipt.email).toBe(KARI);
  });

  it("sends anyone but the submitter from the receipt to the idea page", async () => {
    const fields = validFields();
    const location = expectRedirect(await submitForm(fields)).headers.get("Location")!;
    const publicId = location.split("/")[2];
    const result = await settle(receiptLoader(routeArgs(await get(location, "hilde.strand@asker.example.no"), { publicId })));
    expect(expectRedirect(result).headers.get("Location")).toBe(`/ideer/${publicId}`);
  });

  it("answers missing fields with bokmål messages on each field and gives every typed value back", async () => {
    const key = crypto.randomUUID();
    const reply = expectReply(
      await submitForm({
        intent: "submit",
        idempotencyKey: key,
        title: "Ab",
        problem: "",
        proposalText: "Kort",
        stopDoing: "Dobbel dokumentasjon",
        needContexts: ["home", "outdoors"],
        onBehalf: "on",
        onBehalfEmail: "ikke-en-adresse",
      }),
    );
    expect(reply.init?.status).toBe(400);
    const errors = errorsOf(reply);
    for (const field of ["title", "problem", "proposal", "beneficiaries", "serviceAreaIds", "themeId", "privacyConfirmed", "onBehalfEmail"]) {
      expect(errors[field], field).toBeTruthy();
      for (const message of errors[field]) await translateNb(message);
    }
    expect(await translateNb(errors.title[0])).toBe("Tittelen må ha minst 5 tegn.");
    expect(await translateNb(errors.proposal[0])).toBe("Beskriv forslaget med minst 10 tegn.");

    const values = reply.data.result.initialValue as Record<string, unknown>;
    expect(values.title).toBe("Ab");
    expect(values.stopDoing).toBe("Dobbel dokumentasjon");
    expect(values.needContexts).toEqual(["home", "outdoors"]);
    expect(values.onBehalfEmail).toBe("ikke-en-adresse");
    expect(values.idempotencyKey).toBe(key);
    expect(reply.data.proposal).toBe("Kort");
    expect(await countIdeas(key)).toBe(0);
  });

  it("names an oversized attachment, keeps the text, says files must be chosen again, and saves nothing", async () => {
    const before = await countAllIdeas();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PNG.subarray(0, 8));
    const fields = validFields({ title: "Stor fil som ikke får plass", attachments: new File([big], "kjempebilde.png", { type: "image/png" }) });
    const reply = expectReply(await submitForm(fields));
    expect(reply.init?.status).toBe(400);
    const message = await translateNb(errorsOf(reply).attachments[0]);
    expect(message).toContain("kjempebilde.png");
    expect(message).toContain("10 MB");
    expect(reply.data.result.error?.[""]).toContain("form.errors.filesNotKept");
    expect((reply.data.result.initialValue as Record<string, unknown>).title).toBe("Stor fil som ikke får plass");
    expect(reply.data.proposal).toBe(fields.proposalText);
    expect(await countAllIdeas()).toBe(before);
  });

  it("rejects a file that is not an image or PDF, whatever its content type claims", async () => {
    const fields = validFields({ attachments: new File(["#!/bin/sh\necho hei"], "skript.png", { type: "image/png" }) });
    const reply = expectReply(await submitForm(fields));
    expect(reply.init?.status).toBe(400);
    expect(await translateNb(errorsOf(reply).attachments[0])).toBe(
      "Filen «skript.png» er ikke et bilde eller en PDF. Du kan legge ved JPG, PNG, WebP, GIF eller PDF.",
    );
    expect(await countIdeas(fields.idempotencyKey as string)).toBe(0);
  });

  it("refuses more than five attachments", async () => {
    const files = Array.from({ length: 6 }, (_, i) => new File([PNG], `bilde-${i}.png`, { type: "image/png" }));
    const fields = validFields({ attachments: files });
    const reply = expectReply(await submitForm(fields));
    expect(await translateNb(errorsOf(reply).attachments[0])).toBe("Du kan legge ved høyst 5 filer.");
    expect(await countIdeas(fields.idempotencyKey as string)).toBe(0);
  });

  it("explains invalid Lexical JSON in the proposal instead of failing", async () => {
    const t = await getTranslator("nb");
    for (const proposal of [
      "{not json",
      JSON.stringify({ root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [{ type: "script", version: 1 }] } }),
    ]) {
      const fields = validFields({ proposal });
      const reply = expectReply(await submitForm(fields));
      expect(reply.init?.status).toBe(400);
      const [message] = errorsOf(reply).proposal;
      expect(message).toMatch(/^editor:errors\./);
      expect(t(message)).not.toBe(message.replace("editor:", ""));
      expect(await countIdeas(fields.idempotencyKey as string)).toBe(0);
    }
  });

  it("blocks a fødselsnummer with a message on the field that shows only the masked number", async () => {
    const before = await countAllIdeas();
    const fields = validFields({ problem: `Brukeren med fødselsnummer ${FNR} faller ofte om natten.` });
    const reply = expectReply(await submitForm(fields));
    expect(reply.init?.status).toBe(400);
    const [message] = errorsOf(reply).problem;
    const text = await translateNb(message);
    expect(text).toMatch(/^Fjern \S+/);
    expect(text).toContain("fødselsnummer");
    expect(JSON.stringify(reply.data.result.error)).not.toContain(FNR);
    expect(await countAllIdeas()).toBe(before);
  });

  it("also blocks a fødselsnummer inside the rich text", async () => {
    const fields = validFields({ proposalText: `Se journalen til ${FNR.slice(0, 6)} ${FNR.slice(6)} for detaljer om saken.` });
    const reply = expectReply(await submitForm(fields));
    expect(errorsOf(reply).proposal[0]).toMatch(/^form\.errors\.privacyBlocked\|/);
    expect(await countIdeas(fields.idempotencyKey as string)).toBe(0);
  });

  it("saves a draft with intent=save-draft, even when required fields are missing, and resumes it with its own key", async () => {
    const result = await submitForm({ intent: "save-draft", idempotencyKey: crypto.randomUUID(), title: "Halvferdig idé om medisinrobot", needContexts: ["home"] });
    expect(expectRedirect(result).headers.get("Location")).toBe("/mine-forslag?kladd=lagret");
    const user = await demoUser(testDb.db, KARI);
    const draft = await asService("test: draft", (trx) =>
      trx
        .selectFrom("idea_drafts")
        .select(["id", "title", "form_data", "idempotency_key"])
        .where("owner_id", "=", user.id)
        .where("title", "=", "Halvferdig idé om medisinrobot")
        .executeTakeFirstOrThrow(),
    );
    expect(draft.form_data).toMatchObject({ title: "Halvferdig idé om medisinrobot", needContexts: ["home"] });

    const resumed = await newIdeaLoader(routeArgs(await get(`/ideer/ny?kladd=${draft.id}`, KARI)));
    expect(resumed.draftId).toBe(draft.id);
    expect(resumed.idempotencyKey).toBe(draft.idempotency_key);
    expect(resumed.draftValues).toMatchObject({ title: "Halvferdig idé om medisinrobot" });

    // Someone else's draft id finds nothing.
    const stranger = await newIdeaLoader(routeArgs(await get(`/ideer/ny?kladd=${draft.id}`, AHMED)));
    expect(stranger.draftId).toBeNull();
    expect(stranger.draftNotFound).toBe(true);

    // Submitting the resumed draft removes it.
    const submitted = await submitForm(validFields({ idempotencyKey: draft.idempotency_key, draftId: draft.id }));
    expectRedirect(submitted);
    const left = await asService("test: draft gone", (trx) => trx.selectFrom("idea_drafts").select("id").where("id", "=", draft.id).execute());
    expect(left).toEqual([]);
  });

  it("refuses a draft too large to keep with a message, gives the text back and saves nothing (the fuzz test found a 503)", async () => {
    const title = `Veldig lang kladd ${crypto.randomUUID()}`;
    // Two fields each under the per-field cut, together over what a draft may hold; "ø" is two bytes.
    const problem = "ø".repeat(120_000);
    const stopDoing = "æ".repeat(100_000);
    const result = await submitForm({ intent: "save-draft", idempotencyKey: crypto.randomUUID(), title, problem, stopDoing });
    const reply = expectReply(result);
    expect(reply.init?.status).toBe(413);
    const [message] = errorsOf(reply)[""] ?? [];
    expect(message).toBe("form.errors.draftTooLarge");
    expect(await translateNb(message!)).toContain("for stor");
    expect(reply.data.result.initialValue).toMatchObject({ title, problem, stopDoing });
    const saved = await asService("test: no draft", (trx) => trx.selectFrom("idea_drafts").select("id").where("title", "=", title).execute());
    expect(saved).toEqual([]);
  });
});

describe("/ideer/kladd (autosave)", () => {
  it("creates a draft on the first save and updates the same draft after that", async () => {
    const first = (await autosaveAction(routeArgs(await multipartPost("/ideer/kladd", KARI, { title: "Første utkast", problem: "Noe" })))) as Response;
    expect(first.status).toBe(200);
    const { draftId } = (await first.json()) as { draftId: string };
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/);

    const second = (await autosaveAction(
      routeArgs(await multipartPost("/ideer/kladd", KARI, { draftId, title: "Andre utkast", problem: "Mer tekst", beneficiaries: ["municipality"] })),
    )) as Response;
    expect(((await second.json()) as { draftId: string }).draftId).toBe(draftId);

    const rows = await asService("test: drafts", (trx) => trx.selectFrom("idea_drafts").select(["id", "title", "form_data"]).where("id", "=", draftId).execute());
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe("Andre utkast");
    expect(rows[0].form_data).toMatchObject({ problem: "Mer tekst", beneficiaries: ["municipality"] });
  });

  it("answers 413 for a draft too large to keep, and keeps the draft as it was", async () => {
    const first = (await autosaveAction(routeArgs(await multipartPost("/ideer/kladd", KARI, { title: "Kort kladd", problem: "Litt tekst" })))) as Response;
    const { draftId } = (await first.json()) as { draftId: string };
    const tooLarge = (await autosaveAction(
      routeArgs(await multipartPost("/ideer/kladd", KARI, { draftId, title: "Lang kladd", problem: "ø".repeat(120_000), proposalText: "å".repeat(100_000) })),
    )) as Response;
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: "too_large" });
    const row = await asService("test: draft", (trx) => trx.selectFrom("idea_drafts").select(["title", "form_data"]).where("id", "=", draftId).executeTakeFirstOrThrow());
    expect(row.title).toBe("Kort kladd");
    expect(row.form_data).toMatchObject({ problem: "Litt tekst" });
  });

  it("never updates another person's draft: it creates a new one for the caller instead", async () => {
    const autosave = async (email: string, fields: Fields) => {
      const response = (await autosaveAction(routeArgs(await multipartPost("/ideer/kladd", email, fields)))) as Response;
      return (await response.json()) as { draftId: string };
    };
    const mine = await autosave(KARI, { title: "Karis kladd" });
    const theirs = await autosave(AHMED, { draftId: mine.draftId, title: "Overskrevet?" });
    expect(theirs.draftId).not.toBe(mine.draftId);
    const kari = await asService("test: draft", (trx) => trx.selectFrom("idea_drafts").select("title").where("id", "=", mine.draftId).executeTakeFirstOrThrow());
    expect(kari.title).toBe("Karis kladd");
  });
});

describe("/ideer/lignende (similar ideas)", () => {
  let partnersIdea: string;
  let organisationIdea: string;

  beforeAll(async () => {
    const shared = expectRedirect(
      await submitForm(validFields({ title: "Sensormatte som varsler fall om natten", visibility: "partners" }), AHMED),
    );
    partnersIdea = shared.headers.get("Location")!.split("/")[2];
    const local = expectRedirect(
      await submitForm(validFields({ title: "Sensormatte ved sengen på korttidsavdelingen", visibility: "organisation" }), AHMED),
    );
    organisationIdea = local.headers.get("Location")!.split("/")[2];
  });

  async function similar(email: string, title: string, text = "") {
    const query = new URLSearchParams({ title, text });
    const response = (await similarLoader(routeArgs(await get(`/ideer/lignende?${query}`, email)))) as Response;
    expect(response.status).toBe(200);
    return ((await response.json()) as { ideas: SimilarIdea[] }).ideas;
  }

  it("returns at most five ideas, only those the user may see", async () => {
    const forAsker = await similar(KARI, "Sensormatte som varsler", "fall om natten");
    const asker = forAsker.map((idea) => idea.publicId);
    expect(asker).toContain(partnersIdea);
    expect(asker).not.toContain(organisationIdea);
    expect(forAsker.length).toBeLessThanOrEqual(5);
    expect(forAsker.find((idea) => idea.publicId === partnersIdea)).toMatchObject({ organisationName: "Drammen kommune", status: "received" });

    const forDrammen = (await similar(EMILY, "Sensormatte ved sengen")).map((idea) => idea.publicId);
    expect(forDrammen).toContain(organisationIdea);
  });

  it("finds an idea by its title's likeness when a word is misspelt or half typed", async () => {
    // No idea contains "sensormate" or a word starting "sensormat" as typed mid-title: the trigram lookup finds it.
    expect((await similar(KARI, "Sensormate som varsler")).map((idea) => idea.publicId)).toContain(partnersIdea);
    // The last word is still being typed: matched as a prefix.
    expect((await similar(KARI, "Fall om natten sensormat")).map((idea) => idea.publicId)).toContain(partnersIdea);
  });

  it("treats tsquery syntax in the query as plain text", async () => {
    for (const title of ["& | ! :* ' \"", "sensor & matte | fall", "!fall:*", "'sensor' \"matte\"", "(((", "a:* & !b | 'c'", ""]) {
      await expect(similar(KARI, title, "& | ! :* ' \" <-> \\")).resolves.toBeInstanceOf(Array);
    }
  });

  it("lets a user support a similar idea and undo it, redirecting only to same-site paths", async () => {
    const post = async (intent: string, redirectTo: string) =>
      settle(
        supportAction(
          routeArgs(
            new Request(`${APP_URL}/ideer/${partnersIdea}/stott`, {
              method: "POST",
              headers: { Cookie: await cookieFor(KARI), "Content-Type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({ intent, redirectTo }).toString(),
            }),
            { publicId: partnersIdea },
          ),
        ),
      );
    expect(expectRedirect(await post("support", "/ideer/ny?kladd=abc")).headers.get("Location")).toBe("/ideer/ny?kladd=abc");
    let ideas = await similar(KARI, "Sensormatte som varsler");
    expect(ideas.find((idea) => idea.publicId === partnersIdea)).toMatchObject({ supportCount: 1, supportedByMe: true });

    // Supporting twice is harmless; an off-site redirect falls back to the idea page.
    expect(expectRedirect(await post("support", "//evil.example.com/")).headers.get("Location")).toBe(`/ideer/${partnersIdea}`);
    ideas = await similar(KARI, "Sensormatte som varsler");
    expect(ideas.find((idea) => idea.publicId === partnersIdea)?.supportCount).toBe(1);

    expectRedirect(await post("withdraw-support", `/ideer/${partnersIdea}/kvittering`));
    ideas = await similar(KARI, "Sensormatte som varsler");
    expect(ideas.find((idea) => idea.publicId === partnersIdea)).toMatchObject({ supportCount: 0, supportedByMe: false });
  });

  it("does not let a user support an idea they cannot see", async () => {
    const result = await settle(
      supportAction(
        routeArgs(
          new Request(`${APP_URL}/ideer/${organisationIdea}/stott`, {
            method: "POST",
            headers: { Cookie: await cookieFor(KARI), "Content-Type": "application/x-www-form-urlencoded" },
            body: "intent=support",
          }),
          { publicId: organisationIdea },
        ),
      ),
    );
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(404);
  });
});

describe("idea-form texts", () => {
  it("has every form.errors key the schema uses, in bokmål, nynorsk and English", async () => {
    const schema = await fs.readFile(path.resolve("app/modules/ideas/idea-form-schema.ts"), "utf8");
    const keys = [...new Set(schema.match(/form\.errors\.[A-Za-z]+/g) ?? [])];
    expect(keys.length).toBeGreaterThan(10);
    for (const locale of ["nb", "nn", "en"] as const) {
      const t = await getTranslator(locale);
      for (const key of keys) expect(t(key, { ns: "idea-form" }), `${locale}: ${key}`).not.toBe(key);
    }
  });
});
