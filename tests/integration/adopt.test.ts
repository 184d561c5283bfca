import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { takeOverIdeaContact } from "~/modules/cocreators/take-over-contact.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let astrid: User; // Asker, submits and then leaves
let hilde: User; // Asker, takes over
let kari: User; // Asker
let ahmed: User; // Drammen
let idea: { ideaId: string; publicId: string };

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
const service = <T>(work: Parameters<typeof asService<T>>[1]) => asService("test: account deletion", work);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  astrid = await demoUser(testDb.db, "astrid.hovland@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  idea = await submitIdea({
    user: astrid,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Nøkkelboks til alle i hjemmetjenesten",
      problem: "Vi bruker mye tid på å hente nøkler på kontoret før hvert besøk.",
      beneficiaries: ["staff_and_leaders"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("trygghetsskapende-teknologi"),
      privacyConfirmed: "on",
    }),
    proposal,
  });
  await service((trx) =>
    trx
      .insertInto("idea_attachments")
      .values({ owner_id: astrid.id, idea_id: idea.ideaId, file_name: "skisse.pdf", content_type: "application/pdf", size_bytes: 10, storage_key: `test/${crypto.randomUUID()}` })
      .execute(),
  );
});
afterAll(async () => {
  await testDb.close();
});

describe("an idea whose submitter has left", () => {
  it("keeps the idea and its attachments when the profile is deleted; the submitter becomes NULL and the name goes", async () => {
    await service((trx) => trx.deleteFrom("profiles").where("id", "=", astrid.id).execute());
    const submitter = await service((trx) => trx.selectFrom("idea_submitters").selectAll().where("idea_id", "=", idea.ideaId).executeTakeFirstOrThrow());
    expect(submitter.submitter_id).toBeNull();
    expect(submitter.display_name).toBe("");
    const attachments = await service((trx) => trx.selectFrom("idea_attachments").select(["file_name", "owner_id"]).where("idea_id", "=", idea.ideaId).execute());
    expect(attachments).toEqual([{ file_name: "skisse.pdf", owner_id: null }]);
    const seen = await getIdea({ user: kari, publicId: idea.publicId });
    expect(seen?.submitter).toMatchObject({ id: null, displayName: "" });
  });

  it("lets a colleague in the same organisation take over as contact person, once", async () => {
    expect(await code(takeOverIdeaContact({ user: ahmed, ideaId: idea.ideaId }))).toBe("contact_other_organisation");
    await takeOverIdeaContact({ user: hilde, ideaId: idea.ideaId });
    expect(await code(takeOverIdeaContact({ user: kari, ideaId: idea.ideaId }))).toBe("contact_not_vacant");
    const submitter = await service((trx) => trx.selectFrom("idea_submitters").select(["submitter_id", "display_name"]).where("idea_id", "=", idea.ideaId).executeTakeFirstOrThrow());
    expect(submitter).toEqual({ submitter_id: hilde.id, display_name: "Hilde Strand" });
    const events = await service((trx) => trx.selectFrom("idea_events").select(["kind", "actor_id", "data"]).where("idea_id", "=", idea.ideaId).where("kind", "=", "contact_taken_over").execute());
    expect(events).toEqual([{ kind: "contact_taken_over", actor_id: hilde.id, data: { name: "Hilde Strand" } }]);
    const follows = await service((trx) => trx.selectFrom("idea_follows").select("profile_id").where("idea_id", "=", idea.ideaId).execute());
    expect(follows.map((f) => f.profile_id)).toContain(hilde.id);
    // She is now the contact person: the idea is hers to edit while 'received'.
    expect((await getIdea({ user: hilde, publicId: idea.publicId }))?.isMine).toBe(true);
  });
});
