import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { IdeaFormSchema, type IdeaFormInput } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { AppError } from "~/utils/app-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-files-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  setFileStorage(undefined);
  await testDb.close();
  await fs.rm(storageDir, { recursive: true, force: true });
});

function formInput(overrides: Partial<Record<string, unknown>> = {}): IdeaFormInput {
  return IdeaFormSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    title: "Digitalt tilsyn om natten i hjemmetjenesten",
    problem: "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.",
    beneficiaries: ["users_and_relatives", "staff_and_leaders"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    needContexts: ["home"],
    expectedBenefits: ["less_driving", "time_saved"],
    stopDoing: "Faste nattlige tilsynsbesøk hos dem som ikke trenger det.",
    visibility: "partners",
    privacyConfirmed: "on",
    ...overrides,
  });
}

const proposal = plainTextToRichTextState("Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.\n\nNattevakten ser bare et varsel.");

describe("submitting an idea", () => {
  it("numbers it, routes it to the local network by fallback, and sets a due date 10 working days later", async () => {
    const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    const result = await submitIdea({ user, input: formInput(), proposal });
    expect(result.alreadySubmitted).toBe(false);
    expect(result.publicId).toMatch(/^IDE-\d{4}-\d{4}$/);

    const idea = await withUser(user, (trx) =>
      trx
        .selectFrom("ideas")
        .innerJoin("networks", "networks.id", "ideas.network_id")
        .select(["networks.slug", "ideas.routing_explanation", "ideas.status", "ideas.first_answer_due_at", "ideas.submitted_at", "ideas.proposal_html"])
        .where("ideas.id", "=", result.ideaId)
        .executeTakeFirstOrThrow(),
    );
    expect(idea.slug).toBe("digi-asker");
    expect(idea.routing_explanation).toEqual({ kind: "fallback", organisationId: ref.organisation("asker") });
    expect(idea.status).toBe("received");
    const days = (idea.first_answer_due_at.getTime() - idea.submitted_at.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(12); // ten working days span at least two weekends
    expect(days).toBeLessThan(20);
    expect(idea.proposal_html).toContain("<p>Vi prøver kamera");
  });

  it("puts the receipt in the outbox in the same transaction, also for a colleague submitted on behalf of", async () => {
    const user = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
    const result = await submitIdea({
      user,
      input: formInput({ onBehalf: "on", onBehalfName: "Per Kollega", onBehalfEmail: "Per.Kollega@Drammen.example.no" }),
      proposal,
    });
    const outbox = await asService("test: read outbox", (trx) =>
      trx.selectFrom("outbox_messages").select(["kind", "recipient_email", "status"]).where(sql`payload->>'ideaId'`, "=", result.ideaId).orderBy("recipient_email").execute(),
    );
    expect(outbox).toEqual([
      { kind: "idea_receipt", recipient_email: "ahmed.rahimi@drammen.example.no", status: "pending" },
      { kind: "idea_receipt", recipient_email: "per.kollega@drammen.example.no", status: "pending" },
    ]);
  });

  it("is idempotent: the same key twice gives one idea", async () => {
    const user = await demoUser(testDb.db, "maria.haugen@lier.example.no");
    const input = formInput();
    const first = await submitIdea({ user, input, proposal });
    const second = await submitIdea({ user, input, proposal });
    expect(second).toEqual({ ...first, alreadySubmitted: true });
    const count = await asService("test: count", (trx) =>
      trx.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).where("idempotency_key", "=", input.idempotencyKey).executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(1);
  });

  it("blocks a valid fødselsnummer anywhere in the text and saves nothing, but lets an invalid one through", async () => {
    const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    const before = await countIdeas();
    // 13097248022 passes both mod-11 checks; 01010112345 does not.
    const blocked = formInput({ problem: "Brukeren (13097248022) faller ofte om natten, og vi trenger hjelp." });
    const error = await submitIdea({ user, input: blocked, proposal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("privacy_blocked");
    expect((error as AppError).details.findings).toEqual([expect.objectContaining({ field: "problem", kind: "national-id" })]);
    expect(JSON.stringify((error as AppError).details)).not.toContain("13097248022");
    expect(await countIdeas()).toBe(before);

    const inRichText = plainTextToRichTextState("Se bruker 130972 48022 i journalen.");
    const richError = await submitIdea({ user, input: formInput(), proposal: inRichText }).catch((e: unknown) => e);
    expect((richError as AppError).code).toBe("privacy_blocked");

    await submitIdea({ user, input: formInput({ problem: "Saksnummer 01010112345 i arkivet viser at vi trenger bedre rutiner." }), proposal });
    expect(await countIdeas()).toBe(before + 1);
  });

  it("stores valid attachments through the storage port and rejects a disguised file with nothing saved", async () => {
    const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = await submitIdea({ user, input: formInput(), proposal, attachments: [{ fileName: "skisse.png", contentType: "image/png", bytes: png }] });
    const stored = await withUser(user, (trx) => trx.selectFrom("idea_attachments").selectAll().where("idea_id", "=", ok.ideaId).execute());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ file_name: "skisse.png", content_type: "image/png", size_bytes: png.byteLength });
    expect(await createLocalFileStorage(storageDir).get(stored[0].storage_key)).toMatchObject({ contentType: "image/png" });

    const before = await countIdeas();
    const exe = new TextEncoder().encode("MZ\x90\x00 not really a pdf");
    const error = await submitIdea({ user, input: formInput(), proposal, attachments: [{ fileName: "rapport.pdf", contentType: "application/pdf", bytes: exe }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("attachment_wrong_type");
    expect(await countIdeas()).toBe(before);
  });
});

async function countIdeas() {
  const row = await asService("test: count ideas", (trx) =>
    trx.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}
