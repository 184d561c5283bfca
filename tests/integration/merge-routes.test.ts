import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import * as cocreatorRoute from "~/routes/ideer.$publicId.medskapere";
import * as supportRoute from "~/routes/ideer.$publicId.stott";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type Person = { user: Awaited<ReturnType<typeof demoUser>>; jar: CookieJar };
let kari: Person;
let ahmed: Person;
let merged: { ideaId: string; publicId: string };
let target: { ideaId: string; publicId: string };
let withdrawn: { ideaId: string; publicId: string };

async function signIn(email: string): Promise<Person> {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return { user, jar };
}
const submit = (title: string) =>
  submitIdea({
    user: kari.user,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title,
      problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
    }),
    proposal: plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt."),
  });
type PageData = Awaited<ReturnType<typeof ideaPage.loader>>;
type Refusal = { data: { result: { error?: Record<string, string[] | null> } }; init: { status: number } };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  ref = await loadReference(testDb.db);
  kari = await signIn("kari.nordby@asker.example.no");
  ahmed = await signIn("ahmed.rahimi@drammen.example.no");
  merged = await submit("Oppstart av medisindispenser, første forslag");
  target = await submit("Oppstart av medisindispenser, samlet forslag");
  withdrawn = await submit("Oppstart av medisindispenser, trukket forslag");
  const marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  await changeIdeaStatus({ user: marius, change: { ideaId: merged.ideaId, toStatus: "merged", mergeIntoPublicId: target.publicId, body: "Vi samler dette i det andre forslaget." } });
  await asService("test: withdraw", (trx) =>
    trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ble løst på annen måte." }).where("id", "=", withdrawn.ideaId).execute(),
  );
});
afterAll(async () => {
  await testDb.close();
});

describe("support of a merged or withdrawn idea, and the merged idea's page", () => {
  it("refuses support of a withdrawn idea with a message on its page, never a 500", async () => {
    const post = await settle(supportRoute.action(routeArgs(ahmed.jar.post(`/ideer/${withdrawn.publicId}/stott`, { intent: "support" }), { publicId: withdrawn.publicId })));
    const location = expectRedirect(post).headers.get("Location");
    expect(location).toBe(`/ideer/${withdrawn.publicId}?stotte=stengt`);
    const page = (await ideaPage.loader(routeArgs(ahmed.jar.get(location!), { publicId: withdrawn.publicId }))) as PageData;
    expect(page.supportClosed).toBe(true);
    expect(page.idea.status).toBe("withdrawn");
    expect(page.idea.supportCount).toBe(0);
  });

  it("sends support of a merged idea on to the idea it was merged into, saying so", async () => {
    const post = await settle(supportRoute.action(routeArgs(ahmed.jar.post(`/ideer/${merged.publicId}/stott`, { intent: "support" }), { publicId: merged.publicId })));
    const first = expectRedirect(post).headers.get("Location")!;
    const hop = await settle(ideaPage.loader(routeArgs(ahmed.jar.get(first), { publicId: merged.publicId })));
    const redirect = expectRedirect(hop);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get("Location")!;
    expect(location).toBe(`/ideer/${target.publicId}?slatt-sammen=${merged.publicId}&stotte=stengt`);
    const page = (await ideaPage.loader(routeArgs(ahmed.jar.get(location), { publicId: target.publicId }))) as PageData;
    expect(page.mergedFrom).toEqual({ publicId: merged.publicId, title: "Oppstart av medisindispenser, første forslag" });
    expect(page.supportClosed).toBe(true);
    expect(page.idea.supportCount).toBe(0);
    expect(page.idea.events.find((e) => e.kind === "merged_in")?.idea).toEqual({ publicId: merged.publicId, title: "Oppstart av medisindispenser, første forslag" });
    expect(page.idea.answers).toEqual([]);
    // A made-up "merged from" is ignored.
    const fake = (await ideaPage.loader(routeArgs(ahmed.jar.get(`/ideer/${target.publicId}?slatt-sammen=${withdrawn.publicId}`), { publicId: target.publicId }))) as PageData;
    expect(fake.mergedFrom).toBeNull();
  });

  it("answers bad co-creator input with a message: invalid and unknown e-mail addresses", async () => {
    const invalid = (await settle(
      cocreatorRoute.action(routeArgs(kari.jar.post(`/ideer/${target.publicId}/medskapere`, { intent: "invite", email: "ikke en adresse" }), { publicId: target.publicId })),
    )) as Refusal;
    expect(invalid.init.status).toBe(400);
    expect(Object.values(invalid.data.result.error ?? {}).flat()).toEqual(["cocreation:errors.email_invalid"]);
    const unknown = (await settle(
      cocreatorRoute.action(routeArgs(kari.jar.post(`/ideer/${target.publicId}/medskapere`, { intent: "invite", email: "ukjent@asker.example.no" }), { publicId: target.publicId })),
    )) as Refusal;
    expect(unknown.init.status).toBe(404);
    expect(Object.values(unknown.data.result.error ?? {}).flat()[0]).toContain("ukjent@asker.example.no");
    const request = await settle(
      cocreatorRoute.action(routeArgs(ahmed.jar.post(`/ideer/${merged.publicId}/medskapere`, { intent: "request" }), { publicId: merged.publicId })),
    );
    expect((request as Refusal).init.status).toBe(409);
  });
});
