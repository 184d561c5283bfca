import crypto from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { createSupabaseFileStorage } from "~/modules/storage/supabase-file-storage.server";
import { action as newIdeaAction } from "~/routes/ideer.ny";
import { createSupabaseStorageMock, SUPABASE_STORAGE_URL } from "../mocks/supabase-storage";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, routeArgs, settle, useTestEnv } from "./auth-helpers";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const storageMock = createSupabaseStorageMock();
const server = setupServer(...storageMock.handlers);

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let cookie: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await useTestEnv();
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  setFileStorage(createSupabaseFileStorage({ url: SUPABASE_STORAGE_URL, serviceKey: "service-role-key-for-tests", bucket: "attachments" }));
  const kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  cookie = (await commitUserSession(new Request(APP_URL), { id: kari.id, email: kari.email })).split(";")[0];
});
afterAll(async () => {
  server.close();
  setFileStorage(undefined);
  await testDb.close();
});

function submission(title: string) {
  const body = new FormData();
  const fields: Record<string, string | string[]> = {
    intent: "submit",
    idempotencyKey: crypto.randomUUID(),
    title,
    problem: "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.",
    proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.",
    beneficiaries: ["users_and_relatives"],
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    themeId: ref.theme("trygghetsskapende-teknologi"),
    visibility: "partners",
    privacyConfirmed: "on",
  };
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  body.append("attachments", new File([PNG], "skisse.png", { type: "image/png" }));
  return new Request(`${APP_URL}/ideer/ny`, { method: "POST", headers: { Cookie: cookie }, body });
}

const ideasTitled = (title: string) =>
  asService("test: find ideas by title", (trx) => trx.selectFrom("ideas").select(["id"]).where("title", "=", title).execute());
const draftsTitled = (title: string) =>
  asService("test: find drafts by title", (trx) => trx.selectFrom("idea_drafts").select(["id", "form_data"]).where("title", "=", title).execute());

describe("submitting with attachments in Supabase Storage", () => {
  it("stores the attachment in the bucket and links it to the idea", async () => {
    const title = "Sensor på soverommet i stedet for nattlige runder";
    const result = await settle(newIdeaAction(routeArgs(submission(title))));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toMatch(/^\/ideer\/IDE-\d{4}-\d{4}\/kvittering$/);
    const [idea] = await ideasTitled(title);
    const rows = await asService("test: attachments", (trx) => trx.selectFrom("idea_attachments").select(["storage_key"]).where("idea_id", "=", idea.id).execute());
    expect(rows).toHaveLength(1);
    expect(storageMock.objects.get(rows[0].storage_key)?.bytes).toEqual(new Uint8Array(PNG));
  });

  it("when storage fails mid-submit: saves no idea and no attachment, keeps the text as a draft, and says so", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    storageMock.state.failUploads = true;
    try {
      const title = "Digitalt tilsyn når lageret svikter";
      const objectsBefore = storageMock.objects.size;
      const reply = (await settle(newIdeaAction(routeArgs(submission(title))))) as {
        data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; filesNotKept?: boolean };
        init: { status: number };
      };
      expect(reply.init.status).toBe(503);
      expect(reply.data.result.error?.[""]).toContain("form.errors.submitFailedDraftSaved");
      expect(reply.data.result.initialValue?.title).toBe(title);
      expect(reply.data.filesNotKept).toBe(true);
      expect(await ideasTitled(title)).toEqual([]);
      expect(storageMock.objects.size).toBe(objectsBefore);
      const drafts = await draftsTitled(title);
      expect(drafts).toHaveLength(1);
      expect(drafts[0].form_data).toMatchObject({ title, proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder." });
      expect(logged).toHaveBeenCalled();
      expect(JSON.stringify(reply)).not.toMatch(/upstream connect error|HTTP 503|stack/);
    } finally {
      storageMock.state.failUploads = false;
    }
  });
});
