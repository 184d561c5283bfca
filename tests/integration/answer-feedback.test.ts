import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { AnswerFeedbackSchema } from "~/modules/triage/answer-feedback-schemas";
import { contestDecision } from "~/modules/triage/contest-decision.server";
import { rateAnswer } from "~/modules/triage/rate-answer.server";
import { commitUserSession } from "~/modules/auth/session.server";
import * as behandle from "~/routes/ideer.$publicId.behandle";
import * as ideaPage from "~/routes/ideer.$publicId._index";
import * as svar from "~/routes/ideer.$publicId.svar";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // the submitter
let hilde: User; // colleague in Asker
let ingrid: User; // member of digi-asker
let marius: User; // coordinator of digi-asker

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
const newIdea = () =>
  submitIdea({
    user: kari,
    proposal,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Felles oppskrift for medisindispensere",
      problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
    }),
  });
const answer = (ideaId: string, toStatus: "under_review" | "not_prioritised" | "new_practice") =>
  withUser(ingrid, (trx) =>
    trx
      .insertInto("idea_answers")
      .values({ idea_id: ideaId, to_status: toStatus, body: "Vi har vurdert forslaget grundig i nettverket." })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
const idea = (id: string) => asService("test", (trx) => trx.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
const contests = (ideaId: string) => asService("test", (trx) => trx.selectFrom("idea_contests").selectAll().where("idea_id", "=", ideaId).execute());
const notifications = (ideaId: string, kind: string) =>
  asService("test", (trx) => trx.selectFrom("notifications").select(["recipient_id", "link"]).where("idea_id", "=", ideaId).where("kind", "=", kind).execute());

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  ingrid = await demoUser(testDb.db, "ingrid.solberg@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
});
afterAll(async () => {
  await testDb?.close();
});

describe("rating an answer", () => {
  it("lets only the submitter rate, once per answer; the network reads it and hears about an unclear answer", async () => {
    const { ideaId } = await newIdea();
    const { id: answerId } = await answer(ideaId, "under_review");

    await expect(rateAnswer({ user: hilde, answerId, clear: false })).rejects.toMatchObject({ code: "not_submitter" });
    await expect(rateAnswer({ user: ingrid, answerId, clear: true })).rejects.toMatchObject({ code: "not_submitter" });

    await rateAnswer({ user: kari, answerId, clear: false, comment: "  Hva betyr «vurdering» her?  " });
    await expect(rateAnswer({ user: kari, answerId, clear: true })).rejects.toMatchObject({ code: "already_rated" });

    const seenByMember = await withUser(ingrid, (trx) => trx.selectFrom("idea_answer_feedback").select(["clear", "comment", "author_id"]).where("answer_id", "=", answerId).execute());
    expect(seenByMember).toEqual([{ clear: false, comment: "Hva betyr «vurdering» her?", author_id: kari.id }]);
    const seenByColleague = await withUser(hilde, (trx) => trx.selectFrom("idea_answer_feedback").select("id").where("answer_id", "=", answerId).execute());
    expect(seenByColleague).toEqual([]);
    const recipients = (await notifications(ideaId, "answer_unclear")).map((n) => n.recipient_id);
    expect(recipients).toEqual(expect.arrayContaining([ingrid.id, marius.id]));
    expect(recipients).not.toContain(kari.id);
  });

  it("does not tell the network about a clear answer", async () => {
    const { ideaId } = await newIdea();
    const { id: answerId } = await answer(ideaId, "under_review");
    await rateAnswer({ user: kari, answerId, clear: true });
    expect(await notifications(ideaId, "answer_unclear")).toEqual([]);
  });
});

describe("contesting a decision", () => {
  const reason = "Vi har nye tall fra sonene som viser at behovet er større enn antatt.";

  it("reopens a not-prioritised idea once: status, new due date, timeline and notifications", async () => {
    const { ideaId } = await newIdea();
    const { id: closingAnswer } = await answer(ideaId, "not_prioritised");
    await asService("test", (trx) => trx.updateTable("ideas").set({ owner_id: ingrid.id }).where("id", "=", ideaId).execute());
    expect((await idea(ideaId)).next_due_at).toBeNull();

    await expect(contestDecision({ user: hilde, ideaId, body: reason })).rejects.toMatchObject({ code: "not_submitter" });
    const before = Date.now();
    await contestDecision({ user: kari, ideaId, body: reason });

    const row = await idea(ideaId);
    expect(row.status).toBe("under_review");
    const days = (row.next_due_at!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
    expect(days).toBeLessThan(60.1);
    expect(await contests(ideaId)).toMatchObject([{ answer_id: closingAnswer, author_id: kari.id, body: reason }]);
    const events = await withUser(kari, (trx) => trx.selectFrom("idea_events").select(["kind", "actor_id"]).where("idea_id", "=", ideaId).where("kind", "=", "contested").execute());
    expect(events).toEqual([{ kind: "contested", actor_id: kari.id }]);
    const recipients = (await notifications(ideaId, "idea_contested")).map((n) => n.recipient_id).sort();
    expect(recipients).toEqual([ingrid.id, marius.id].sort());

    // The network answers again and closes it; a second contest is refused and changes nothing.
    await answer(ideaId, "not_prioritised");
    await expect(contestDecision({ user: kari, ideaId, body: reason })).rejects.toMatchObject({ code: "already_contested" });
    expect((await idea(ideaId)).status).toBe("not_prioritised");
    expect(await contests(ideaId)).toHaveLength(1);
  });

  it("refuses to contest an idea that is open or closed as new practice", async () => {
    const open = await newIdea();
    await answer(open.ideaId, "under_review");
    await expect(contestDecision({ user: kari, ideaId: open.ideaId, body: reason })).rejects.toMatchObject({ code: "not_contestable" });
    const done = await newIdea();
    await answer(done.ideaId, "new_practice");
    await expect(contestDecision({ user: kari, ideaId: done.ideaId, body: reason })).rejects.toMatchObject({ code: "not_contestable" });
    expect(await contests(open.ideaId)).toEqual([]);
    expect((await idea(done.ideaId)).status).toBe("new_practice");
  });

  it("refuses an empty or too short reason in the form and in the database, saving nothing", async () => {
    const { ideaId } = await newIdea();
    await answer(ideaId, "not_prioritised");
    expect(AnswerFeedbackSchema.safeParse({ intent: "contest", body: "" }).success).toBe(false);
    const short = AnswerFeedbackSchema.safeParse({ intent: "contest", body: "  for kort " });
    expect(short.success ? null : short.error.issues[0]?.message).toBe("triage:feedback.errors.contestTooShort");
    await expect(contestDecision({ user: kari, ideaId, body: "kort" })).rejects.toMatchObject({ code: "23514" });
    expect(await contests(ideaId)).toEqual([]);
    expect((await idea(ideaId)).status).toBe("not_prioritised");
  });
});

describe("the svar route (forms without JavaScript)", () => {
  const jarFor = async (user: User) => {
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
    return jar;
  };
  const post = async (user: User, publicId: string, fields: Record<string, string>) =>
    settle(
      svar.action(
        routeArgs(
          new Request(`${APP_URL}/ideer/${publicId}/svar`, {
            method: "POST",
            headers: { Cookie: (await jarFor(user)).header(), "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(fields).toString(),
          }),
          { publicId },
        ),
      ),
    );
  type Refusal = { data: { formId: string; result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }; init: { status: number } };
  const refusal = (result: unknown) => {
    if (result instanceof Response) throw new Error(`expected a refusal, got status ${result.status}`);
    return result as Refusal;
  };
  const publicIdOf = async (ideaId: string) => (await idea(ideaId)).public_id;

  it("rates, refuses a second rating with a message, and shows the rating to the network", async () => {
    const { ideaId } = await newIdea();
    const { id: answerId } = await answer(ideaId, "under_review");
    const publicId = await publicIdOf(ideaId);

    const missing = refusal(await post(kari, publicId, { intent: "rate", answerId, comment: "Uklart hva som skjer nå" }));
    expect(missing.init.status).toBe(400);
    expect(missing.data.formId).toBe(`rate-${answerId}`);
    expect(missing.data.result.error?.clear).toEqual(["triage:feedback.errors.clearRequired"]);
    expect(missing.data.result.initialValue?.comment).toBe("Uklart hva som skjer nå");

    const done = expectRedirect(await post(kari, publicId, { intent: "rate", answerId, clear: "no", comment: "Uklart hva som skjer nå" }));
    expect(done.headers.get("Location")).toContain("vurdert=1");
    const again = refusal(await post(kari, publicId, { intent: "rate", answerId, clear: "yes" }));
    expect(again.init.status).toBe(409);
    expect(again.data.result.error?.[""]).toEqual(["triage:feedback.errors.already_rated"]);

    const other = await post(hilde, publicId, { intent: "rate", answerId, clear: "yes" });
    expect(other instanceof Response && other.status).toBe(404);

    const triage = (await behandle.loader(routeArgs((await jarFor(ingrid)).get(`/ideer/${publicId}/behandle`), { publicId }))) as Awaited<ReturnType<typeof behandle.loader>>;
    expect(triage.ratings[answerId]).toEqual({ clear: false, comment: "Uklart hva som skjer nå" });
  });

  it("offers the contest form only after 'not prioritised', keeps a too short reason, and reopens on a valid one", async () => {
    const { ideaId } = await newIdea();
    await answer(ideaId, "not_prioritised");
    const publicId = await publicIdOf(ideaId);
    const page = async () =>
      (await ideaPage.loader(routeArgs((await jarFor(kari)).get(`/ideer/${publicId}`), { publicId }))) as Awaited<ReturnType<typeof ideaPage.loader>>;
    expect((await page()).feedback?.canContest).toBe(true);

    const short = refusal(await post(kari, publicId, { intent: "contest", body: "Uenig" }));
    expect(short.init.status).toBe(400);
    expect(short.data.result.error?.body).toEqual(["triage:feedback.errors.contestTooShort"]);
    expect(short.data.result.initialValue?.body).toBe("Uenig");
    expect(await contests(ideaId)).toEqual([]);

    const done = expectRedirect(await post(kari, publicId, { intent: "contest", body: "Vi har nye tall som viser at behovet er stort." }));
    expect(done.headers.get("Location")).toContain("bestridt=1");
    expect((await idea(ideaId)).status).toBe("under_review");
    const after = await page();
    expect(after.feedback).toMatchObject({ canContest: false, contest: { body: "Vi har nye tall som viser at behovet er stort." } });
    expect(after.flash).toBeNull();
  });
});
