import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { listSameNeed } from "~/modules/same-need/list-same-need.server";
import { recordSameNeed } from "~/modules/same-need/record-same-need.server";
import { withdrawSameNeed } from "~/modules/same-need/withdraw-same-need.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // Asker, submitter
let hilde: User; // Asker
let marius: User; // Asker, coordinator of digi-asker
let ahmed: User; // Drammen
let lene: User; // Drammen
let silje: User; // Drammen
let maria: User; // Lier
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

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const rowsFor = (ideaId: string) =>
  asService("test: count same-need rows", (trx) => trx.selectFrom("idea_same_need").selectAll().where("idea_id", "=", ideaId).execute());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  lene = await demoUser(testDb.db, "lene.dahl@drammen.example.no");
  silje = await demoUser(testDb.db, "silje.eriksen@drammen.example.no");
  maria = await demoUser(testDb.db, "maria.haugen@lier.example.no");
  openIdea = await submitIdea({ user: kari, input: input(), proposal });
  privateIdea = await submitIdea({ user: kari, input: input({ visibility: "organisation" }), proposal });
});
afterAll(async () => {
  await testDb.close();
});

describe("same need", () => {
  it("records one signal per organisation, also under concurrent requests", async () => {
    const results = await Promise.all([
      recordSameNeed({ user: ahmed, ideaId: openIdea.ideaId, note: "Vi strever med det samme." }),
      recordSameNeed({ user: lene, ideaId: openIdea.ideaId }),
      recordSameNeed({ user: ahmed, ideaId: openIdea.ideaId }),
      recordSameNeed({ user: silje, ideaId: openIdea.ideaId }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.every((r) => r.organisationName === "Drammen kommune")).toBe(true);
    const rows = await rowsFor(openIdea.ideaId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.organisation_id).toBe(ahmed.organisationId);
  });

  it("is refused for the idea's own organisation, with a note over 500 characters, and on a withdrawn idea", async () => {
    expect(await code(recordSameNeed({ user: hilde, ideaId: openIdea.ideaId }))).toBe("same_need_own_organisation");
    expect(await code(recordSameNeed({ user: maria, ideaId: openIdea.ideaId, note: "x".repeat(501) }))).toBe("note_too_long");
    await expect(
      withUser(hilde, (trx) =>
        trx.insertInto("idea_same_need").values({ idea_id: openIdea.ideaId, organisation_id: hilde.organisationId, profile_id: hilde.id }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const closed = await submitIdea({ user: kari, input: input(), proposal });
    await asService("test: withdraw", (trx) =>
      trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ikke aktuelt" }).where("id", "=", closed.ideaId).execute(),
    );
    expect(await code(recordSameNeed({ user: maria, ideaId: closed.ideaId }))).toBe("idea_closed");
    await expect(
      withUser(maria, (trx) =>
        trx.insertInto("idea_same_need").values({ idea_id: closed.ideaId, organisation_id: maria.organisationId, profile_id: maria.id }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await rowsFor(closed.ideaId)).toEqual([]);
  });

  it("refuses recording on behalf of another organisation or person", async () => {
    await expect(
      withUser(maria, (trx) =>
        trx.insertInto("idea_same_need").values({ idea_id: openIdea.ideaId, organisation_id: ahmed.organisationId, profile_id: maria.id }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withUser(maria, (trx) =>
        trx.insertInto("idea_same_need").values({ idea_id: openIdea.ideaId, organisation_id: maria.organisationId, profile_id: ahmed.id }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("hides a private idea's same-need signals from another organisation", async () => {
    await asService("test: a signal on a private idea", (trx) =>
      trx.insertInto("idea_same_need").values({ idea_id: privateIdea.ideaId, organisation_id: maria.organisationId, profile_id: maria.id }).execute(),
    );
    expect(await withUser(hilde, (trx) => listSameNeed(trx, privateIdea.ideaId, hilde.id))).toHaveLength(1);
    expect(await withUser(ahmed, (trx) => listSameNeed(trx, privateIdea.ideaId, ahmed.id))).toEqual([]);
    const counted = await withUser(ahmed, (trx) =>
      trx.selectFrom("idea_same_need").select((eb) => eb.fn.countAll<string>().as("n")).where("idea_id", "=", privateIdea.ideaId).executeTakeFirstOrThrow(),
    );
    expect(Number(counted.n)).toBe(0);
    expect(await code(recordSameNeed({ user: ahmed, ideaId: privateIdea.ideaId }))).toBe("idea_not_found");
  });

  it("lets only the recorder or a coordinator of the idea's network withdraw it", async () => {
    const [row] = await rowsFor(openIdea.ideaId);
    const list = await withUser(lene, (trx) => listSameNeed(trx, openIdea.ideaId, lene.id));
    expect(list.map((r) => [r.organisationName, r.canWithdraw])).toEqual([["Drammen kommune", row!.profile_id === lene.id]]);
    const other = [ahmed, lene, silje].find((u) => u.id !== row!.profile_id)!;
    expect(await code(withdrawSameNeed({ user: other, sameNeedId: row!.id }))).toBe("same_need_not_allowed");
    await withUser(other, (trx) => trx.deleteFrom("idea_same_need").where("id", "=", row!.id).execute());
    expect(await rowsFor(openIdea.ideaId)).toHaveLength(1);
    await withdrawSameNeed({ user: marius, sameNeedId: row!.id });
    expect(await rowsFor(openIdea.ideaId)).toEqual([]);
    await recordSameNeed({ user: maria, ideaId: openIdea.ideaId });
    const [mine] = await rowsFor(openIdea.ideaId);
    await withdrawSameNeed({ user: maria, sameNeedId: mine!.id });
    expect(await rowsFor(openIdea.ideaId)).toEqual([]);
  });
});
