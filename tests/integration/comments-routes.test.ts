import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import * as followRoute from "~/routes/ideer.$publicId.folg";
import * as commentsRoute from "~/routes/ideer.$publicId.kommentarer";
import * as sameNeedRoute from "~/routes/ideer.$publicId.samme-behov";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let idea: { ideaId: string; publicId: string };

type Person = { user: Awaited<ReturnType<typeof demoUser>>; jar: CookieJar };
async function signIn(email: string): Promise<Person> {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return { user, jar };
}

type Refusal = { data: { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }; init: { status: number } };
const refused = (result: unknown) => result as Refusal;
const messages = (result: unknown) => Object.values(refused(result).data.result.error ?? {}).flatMap((list) => list ?? []);

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  ref = await loadReference(testDb.db);
  const kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  idea = await submitIdea({
    user: kari,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Felles oppskrift for medisindispensere",
      problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
    }),
    proposal: plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt."),
  });
});
afterAll(async () => {
  await testDb.close();
});

const path = (suffix: string) => `/ideer/${idea.publicId}/${suffix}`;
const params = () => ({ publicId: idea.publicId });

describe("comment routes", () => {
  it("posts a comment and a reply, and redirects to them on the idea page", async () => {
    const hilde = await signIn("hilde.strand@asker.example.no");
    const first = expectRedirect(await settle(commentsRoute.action(routeArgs(hilde.jar.post(path("kommentarer"), { intent: "add", body: "Hei @kari.nordby" }), params()))));
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toMatch(new RegExp(`^/ideer/${idea.publicId}#comment-[0-9a-f-]{36}$`));
    const commentId = first.headers.get("Location")!.split("#comment-")[1]!;
    const reply = expectRedirect(
      await settle(commentsRoute.action(routeArgs(hilde.jar.post(path("kommentarer"), { intent: "add", body: "Et svar", parentId: commentId }), params()))),
    );
    const replyId = reply.headers.get("Location")!.split("#comment-")[1]!;

    const page = (await ideaPage.loader(routeArgs(hilde.jar.get(`/ideer/${idea.publicId}`), params()))) as Awaited<ReturnType<typeof ideaPage.loader>>;
    const [top] = page.cocreation!.comments;
    expect(top?.parts).toEqual([
      { kind: "text", text: "Hei " },
      { kind: "mention", text: "@kari.nordby", name: "Kari Nordby" },
    ]);
    expect(top?.replies.map((r) => r.body)).toEqual(["Et svar"]);
    expect(page.cocreation!.following).toBe(true);

    // A reply to a reply: refused with a message in the user's language, the text kept.
    const deep = await settle(commentsRoute.action(routeArgs(hilde.jar.post(path("kommentarer"), { intent: "add", body: "Svar på svar", parentId: replyId }), params())));
    expect(refused(deep).init.status).toBe(409);
    expect(messages(deep)).toEqual(["Du kan bare svare på en kommentar, ikke på et svar. Svar på den øverste kommentaren i stedet."]);
    expect(refused(deep).data.result.initialValue).toMatchObject({ body: "Svar på svar" });
  });

  it("refuses empty, huge and unknown-mention comments with clear messages, keeping the text, never a 500", async () => {
    const ahmed = await signIn("ahmed.rahimi@drammen.example.no");
    const empty = await settle(commentsRoute.action(routeArgs(ahmed.jar.post(path("kommentarer"), { intent: "add", body: "  " }), params())));
    expect(refused(empty).init.status).toBe(400);
    expect(messages(empty)).toEqual(["cocreation:errors.body_required"]);
    const huge = await settle(commentsRoute.action(routeArgs(ahmed.jar.post(path("kommentarer"), { intent: "add", body: "x".repeat(5000) }), params())));
    expect(messages(huge)).toEqual(["cocreation:errors.body_too_long"]);
    const unknown = await settle(commentsRoute.action(routeArgs(ahmed.jar.post(path("kommentarer"), { intent: "add", body: "Hei @ingen.her" }), params())));
    expect(refused(unknown).init.status).toBe(400);
    expect(messages(unknown)[0]).toContain("@ingen.her");
    expect(refused(unknown).data.result.initialValue).toMatchObject({ body: "Hei @ingen.her" });
    const nonsense = await settle(commentsRoute.action(routeArgs(ahmed.jar.post(path("kommentarer"), { intent: "explode", commentId: "not-a-uuid" }), params())));
    expect(refused(nonsense).init.status).toBe(400);
    const notMine = await settle(
      commentsRoute.action(routeArgs(ahmed.jar.post(path("kommentarer"), { intent: "delete", commentId: crypto.randomUUID() }), params())),
    );
    expect(refused(notMine).init.status).toBe(404);
  });

  it("follows and unfollows idempotently", async () => {
    const lene = await signIn("lene.dahl@drammen.example.no");
    for (const intent of ["follow", "follow", "unfollow", "unfollow", "follow"]) {
      const response = expectRedirect(await settle(followRoute.action(routeArgs(lene.jar.post(path("folg"), { intent }), params()))));
      expect(response.headers.get("Location")).toBe(`/ideer/${idea.publicId}#follow`);
    }
    const rows = await asService("test", (trx) => trx.selectFrom("idea_follows").select("profile_id").where("profile_id", "=", lene.user.id).where("idea_id", "=", idea.ideaId).execute());
    expect(rows).toHaveLength(1);
  });

  it("records same need once per organisation and tells the second person it is already there", async () => {
    const emily = await signIn("emily.carter@drammen.example.no");
    const silje = await signIn("silje.eriksen@drammen.example.no");
    const first = expectRedirect(await settle(sameNeedRoute.action(routeArgs(emily.jar.post(path("samme-behov"), { intent: "record", note: "Samme her" }), params()))));
    expect(first.headers.get("Location")).toBe(`/ideer/${idea.publicId}?samme-behov=registrert#same-need`);
    const second = expectRedirect(await settle(sameNeedRoute.action(routeArgs(silje.jar.post(path("samme-behov"), { intent: "record" }), params()))));
    expect(second.headers.get("Location")).toBe(`/ideer/${idea.publicId}?samme-behov=allerede#same-need`);
    const page = (await ideaPage.loader(routeArgs(silje.jar.get(`/ideer/${idea.publicId}?samme-behov=allerede`), params()))) as Awaited<ReturnType<typeof ideaPage.loader>>;
    expect(page.cocreation!.sameNeed).toMatchObject({ alreadyRecorded: true, myOrganisationName: "Drammen kommune" });
    expect(page.cocreation!.sameNeed.rows.map((r) => [r.organisationName, r.note])).toEqual([["Drammen kommune", "Samme her"]]);

    const long = await settle(sameNeedRoute.action(routeArgs(silje.jar.post(path("samme-behov"), { intent: "record", note: "x".repeat(501) }), params())));
    expect(messages(long)).toEqual(["cocreation:errors.note_too_long"]);
    const hilde = await signIn("hilde.strand@asker.example.no");
    const own = await settle(sameNeedRoute.action(routeArgs(hilde.jar.post(path("samme-behov"), { intent: "record" }), params())));
    expect(refused(own).init.status).toBe(409);
    expect(messages(own)).toEqual(["Idéen kommer fra din egen organisasjon, så dere kan ikke melde samme behov på den."]);
  });
});
