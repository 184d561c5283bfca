import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "~/db/client.server";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createLocalFileStorage } from "~/modules/storage/local-file-storage.server";
import { setFileStorage } from "~/modules/storage/file-storage.server";
import { changeStoryStatus } from "~/modules/stories/change-story-status.server";
import { createStory } from "~/modules/stories/create-story.server";
import { getStoryImage } from "~/modules/stories/get-story-image.server";
import { parseBenefitNumber, StoryFormSchema } from "~/modules/stories/story-form-schema";
import { summariseBenefits } from "~/modules/stories/summarise-benefits.server";
import { updateStory } from "~/modules/stories/update-story.server";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { service, storyInput, storyUser } from "./stories-support";

let testDb: TestDatabase;
let storageDir: string;
let ref: Awaited<ReturnType<typeof loadReference>>;
let kari: CurrentUser;
let marius: CurrentUser;
let ahmed: CurrentUser;
let torArne: CurrentUser;

const body = plainTextToRichTextState("Bakgrunn, hva vi gjorde og hvordan det gikk i tre måneder.");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = new TextEncoder().encode("%PDF-1.4 not an image");

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-stories-input-"));
  setFileStorage(createLocalFileStorage(storageDir));
  ref = await loadReference(testDb.db);
  kari = await storyUser(testDb.db, "kari.nordby@asker.example.no");
  marius = await storyUser(testDb.db, "marius.bakken@asker.example.no");
  ahmed = await storyUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  torArne = await storyUser(testDb.db, "tor.arne.myhre@drammen.example.no");
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
const storedFiles = async () => (await fs.readdir(storageDir, { recursive: true })).filter((f) => !f.endsWith(".type") && path.extname(f) === "" && f.split(path.sep).length === 3);

function errorsOf(benefits: Record<string, string>[]) {
  const result = StoryFormSchema.safeParse({ ...storyInput(ref), benefits });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("benefit rows", () => {
  it("reads numbers as people type them in Norway and nothing else", () => {
    expect(parseBenefitNumber("420")).toBe(420);
    expect(parseBenefitNumber("1 234,5")).toBe(1234.5);
    expect(parseBenefitNumber("\u2212160")).toBe(-160);
    expect(parseBenefitNumber("12.5")).toBe(12.5);
    for (const bad of ["tolv", "12,5,3", "12-3", "", "1e5", "0x10"]) expect(parseBenefitNumber(bad), bad).toBeNull();
  });

  it("refuses non-numeric, negative (where not allowed), over-100 percent and mismatched units, naming the field", () => {
    expect(errorsOf([{ indicator: "Kjørte km per uke", unit: "km", baseline: "fire hundre", after: "260", category: "less_driving" }])).toEqual({
      "benefits.0.baseline": "form.errors.valueNotNumber",
    });
    expect(errorsOf([{ indicator: "Kjørte km per uke", unit: "km", baseline: "420", after: "-10", category: "less_driving" }])).toEqual({
      "benefits.0.after": "form.errors.valueNegative",
    });
    // Kroner may go below zero (a net cost), so a negative value is fine there.
    expect(errorsOf([{ indicator: "Netto kostnad per måned", unit: "nok", baseline: "0", after: "-4500", category: "economy" }])).toEqual({});
    expect(errorsOf([{ indicator: "Andel fornøyde", unit: "percent", baseline: "60", after: "120", category: "quality" }])).toEqual({
      "benefits.0.after": "form.errors.percentTooHigh",
    });
    expect(
      errorsOf([
        { indicator: "Kjørte km per uke", unit: "km", baseline: "420", after: "260", category: "less_driving" },
        { indicator: "kjørte  KM per uke", unit: "hours", baseline: "12", after: "8", category: "less_driving" },
      ]),
    ).toEqual({ "benefits.1.unit": 'form.errors.unitMismatch|{"row":1}' });
    expect(errorsOf([{ indicator: "Fall", unit: "", baseline: "", after: "5", category: "" }])).toEqual({
      "benefits.0.unit": "form.errors.unitRequired",
      "benefits.0.category": "form.errors.categoryRequired",
      "benefits.0.baseline": "form.errors.valueRequired",
    });
    // Entirely empty rows (the spare rows in the form) are ignored.
    const parsed = StoryFormSchema.parse({ ...storyInput(ref), benefits: [{ indicator: "", unit: "", baseline: "", after: "", period: "", category: "" }] });
    expect(parsed.benefits).toEqual([]);
  });

  it("is guarded by the database too: a negative distance cannot be written past the form", async () => {
    const story = await createStory({ user: kari, input: storyInput(ref), body });
    await expect(
      withUser(kari, (trx) =>
        trx.insertInto("story_benefits").values({ story_id: story.storyId, position: 5, indicator: "Kjørte km", unit: "km", baseline: -1, after: 3, category: "less_driving" }).execute(),
      ),
    ).rejects.toThrow(/story_benefits_sign/);
  });
});

describe("benefit totals", () => {
  it("adds up only rows with the same indicator and unit, per category, across stories the viewer may see", async () => {
    const before = await summariseBenefits({ viewer: torArne });
    const driving = (totals: Awaited<ReturnType<typeof summariseBenefits>>) => totals.find((c) => c.category === "less_driving")?.totals ?? [];
    const publish = async (title: string, benefits: Record<string, string>[], visibility = "partners") => {
      const story = await createStory({ user: kari, input: storyInput(ref, { title, visibility, intent: "submit", benefits }), body });
      await changeStoryStatus({ user: marius, storyId: story.storyId, change: { intent: "publish" } });
    };
    await publish("Totaler en", [{ indicator: "Mil kjørt i uka", unit: "km", baseline: "100", after: "60", category: "less_driving" }]);
    await publish("Totaler to", [{ indicator: "mil  kjørt i uka ", unit: "km", baseline: "50,5", after: "40", category: "less_driving" }]);
    // Same indicator, other unit: a line of its own, never added to the kilometres.
    await publish("Totaler tre", [{ indicator: "Mil kjørt i uka", unit: "hours", baseline: "10", after: "6", category: "less_driving" }]);
    // Asker only: Drammen must not see it in its totals.
    await publish("Totaler fire", [{ indicator: "Mil kjørt i uka", unit: "km", baseline: "1000", after: "1", category: "less_driving" }], "organisation");

    const after = driving(await summariseBenefits({ viewer: torArne })).filter((r) => r.indicator.toLowerCase().startsWith("mil"));
    expect(driving(before).filter((r) => r.indicator.toLowerCase().startsWith("mil"))).toEqual([]);
    expect(after).toEqual(
      expect.arrayContaining([
        { indicator: expect.stringMatching(/^mil/i), unit: "km", baseline: 150.5, after: 100, change: -50.5, stories: 2 },
        { indicator: "Mil kjørt i uka", unit: "hours", baseline: 10, after: 6, change: -4, stories: 1 },
      ]),
    );
    expect(after).toHaveLength(2);
    const forAsker = driving(await summariseBenefits({ viewer: kari })).find((r) => r.unit === "km" && r.indicator.toLowerCase().startsWith("mil"));
    expect(forAsker).toMatchObject({ baseline: 1150.5, stories: 3 });
    // Anonymous visitors: only public stories (the demo's digital supervision story).
    const anonymous = driving(await summariseBenefits({ viewer: null }));
    expect(anonymous).toEqual([{ indicator: "Kjørte km per uke", unit: "km", baseline: 420, after: 260, change: -160, stories: 1 }]);
  });
});

describe("images and nothing half-saved", () => {
  it("stores a PNG with its alt text and serves it to those who may see the story", async () => {
    const story = await createStory({ user: kari, input: storyInput(ref, { visibility: "organisation" }), body, images: [{ fileName: "sensor.png", contentType: "image/png", bytes: png, altText: "Sensor på veggen" }] });
    const [image] = await service((trx) => trx.selectFrom("story_images").select(["id", "content_type", "alt_text"]).where("story_id", "=", story.storyId).execute());
    expect(image).toMatchObject({ content_type: "image/png", alt_text: "Sensor på veggen" });
    expect((await getStoryImage({ viewer: kari, slug: story.slug, imageId: image!.id }))?.bytes).toEqual(png);
    expect(await getStoryImage({ viewer: ahmed, slug: story.slug, imageId: image!.id })).toBeNull();
    expect(await getStoryImage({ viewer: null, slug: story.slug, imageId: image!.id })).toBeNull();
  });

  it("refuses a PDF posing as an image, a file over 5 MB and a missing alt text, saving no story and no file", async () => {
    const storiesBefore = await service((trx) => trx.selectFrom("stories").select("id").execute());
    const filesBefore = await storedFiles();
    const attempt = (image: { fileName: string; bytes: Uint8Array; altText: string }) =>
      code(createStory({ user: kari, input: storyInput(ref, { title: "Skal ikke lagres" }), body, images: [{ contentType: "image/png", ...image }] }));
    expect(await attempt({ fileName: "rapport.png", bytes: pdf, altText: "Rapport" })).toBe("story_image_wrong_type");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(png);
    expect(await attempt({ fileName: "stort.png", bytes: big, altText: "Stort bilde" })).toBe("story_image_too_large");
    expect(await attempt({ fileName: "uten.png", bytes: png, altText: " " })).toBe("story_image_alt_required");
    expect((await service((trx) => trx.selectFrom("stories").select("id").execute())).length).toBe(storiesBefore.length);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("removes the stored file again when the database refuses the rest of the save", async () => {
    const filesBefore = await storedFiles();
    const storiesBefore = await service((trx) => trx.selectFrom("stories").select("id").execute());
    // An unknown contact person is found after the image is validated but inside the transaction.
    const result = await code(
      createStory({ user: kari, input: storyInput(ref, { contactEmail: "finnes.ikke@asker.example.no" }), body, images: [{ fileName: "a.png", contentType: "image/png", bytes: png, altText: "Et bilde" }] }),
    );
    expect(result).toBe("story_contact_unknown");
    // Sent for review without any benefit: the image was already stored when the database said no.
    const second = await code(
      createStory({ user: kari, input: storyInput(ref, { intent: "submit", benefits: [] }), body, images: [{ fileName: "b.png", contentType: "image/png", bytes: png, altText: "Et bilde" }] }),
    );
    expect(second).toBe("story_needs_benefit");
    expect(await storedFiles()).toEqual(filesBefore);
    expect((await service((trx) => trx.selectFrom("stories").select("id").execute())).length).toBe(storiesBefore.length);
  });

  it("keeps the old version when an edit is refused", async () => {
    const story = await createStory({ user: kari, input: storyInput(ref, { title: "Originaltittel her" }), body });
    expect(
      await code(updateStory({ user: kari, storyId: story.storyId, input: storyInput(ref, { title: "Ny tittel", benefits: [] }), body, images: [{ fileName: "x.png", contentType: "image/png", bytes: pdf, altText: "Feil" }] })),
    ).toBe("story_image_wrong_type");
    expect(await code(updateStory({ user: ahmed, storyId: story.storyId, input: storyInput(ref, { title: "Kapret tittel" }), body }))).toBe("story_not_found");
    const row = await service((trx) => trx.selectFrom("stories").select("title").where("id", "=", story.storyId).executeTakeFirstOrThrow());
    const benefits = await service((trx) => trx.selectFrom("story_benefits").select("id").where("story_id", "=", story.storyId).execute());
    expect(row.title).toBe("Originaltittel her");
    expect(benefits).toHaveLength(1);
  });
});
