import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { withdrawIdea } from "~/modules/ideas/withdraw-idea.server";
import { dispatchOutbox } from "~/modules/notifications/dispatch-outbox.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { addInternalNote } from "~/modules/triage/add-internal-note.server";
import { answerIdeasInBulk } from "~/modules/triage/answer-ideas-in-bulk.server";
import { assignIdeaOwner } from "~/modules/triage/assign-idea-owner.server";
import { changeIdeaStatus } from "~/modules/triage/change-idea-status.server";
import { listReplyTemplates } from "~/modules/triage/list-reply-templates.server";
import { saveEvaluation } from "~/modules/triage/save-evaluation.server";
import { saveReplyTemplate } from "~/modules/triage/save-reply-template.server";
import { transferIdea } from "~/modules/triage/transfer-idea.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";
import { mailboxMessagesTo } from "./outbox-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // employee, Asker: the submitter
let ingrid: User; // member digi-asker
let marius: User; // coordinator digi-asker
let stian: User; // coordinator hh-dho (another network)

const proposal = plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt.");
const newIdea = (title = "Felles oppskrift for medisindispensere", overrides: Record<string, unknown> = {}, submitter: User = kari) =>
  submitIdea({
    user: submitter,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title,
      problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
      ...overrides,
    }),
    proposal,
  });
const idea = (id: string) =>
  asService("test: read idea", (trx) => trx.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
const answersOf = (id: string) =>
  asService("test: read answers", (trx) => trx.selectFrom("idea_answers").selectAll().where("idea_id", "=", id).orderBy("created_at").execute());
const outboxOf = (id: string, kind: string) =>
  asService("test: read outbox", (trx) =>
    trx.selectFrom("outbox_messages").selectAll().where(sql`payload->>'ideaId'`, "=", id).where("kind", "=", kind).execute(),
  );
async function dispatchAll() {
  while ((await dispatchOutbox({ batchSize: 100 })).claimed > 0);
}
const body = "Takk for forslaget. Vi tar det opp i nettverksmøtet neste uke.";

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  setEnv(parseEnv({ APP_ENV: "test", APP_URL: "https://idehub.example.no/" }));
  ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  ingrid = await demoUser(testDb.db, "ingrid.solberg@asker.example.no");
  marius = await demoUser(testDb.db, "marius.bakken@asker.example.no");
  stian = await demoUser(testDb.db, "stian.kolstad@responssenteret.example.no");
});
afterAll(async () => {
  await testDb.close();
});

describe("changeIdeaStatus", () => {
  it("moves forward and back among the KS phases, each step with its own answer and e-mail", async () => {
    const { ideaId } = await newIdea();
    for (const [from, to] of [
      ["received", "under_review"],
      ["under_review", "insight"],
      ["insight", "anchoring"],
      ["anchoring", "anchoring"],
    ] as const) {
      await changeIdeaStatus({ user: ingrid, change: { ideaId, fromStatus: from, toStatus: to, body } });
    }
    expect((await idea(ideaId)).status).toBe("anchoring");
    const answers = await answersOf(ideaId);
    expect(answers.map((a) => `${a.from_status}>${a.to_status}`)).toEqual([
      "received>under_review",
      "under_review>insight",
      "insight>anchoring",
      "anchoring>anchoring",
    ]);
    expect(await outboxOf(ideaId, "idea_answer")).toHaveLength(4);
    const events = await asService("test", (trx) => trx.selectFrom("idea_events").select("kind").where("idea_id", "=", ideaId).orderBy("created_at").execute());
    expect(events.map((e) => e.kind)).toEqual(["submitted", "status_changed", "status_changed", "status_changed", "answered"]);
  });

  it("refuses an answer that is too short, and changes nothing", async () => {
    const { ideaId } = await newIdea();
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body: "Ok" } })).rejects.toMatchObject({ code: "23514" });
    expect((await idea(ideaId)).status).toBe("received");
    expect(await answersOf(ideaId)).toEqual([]);
  });

  it("not prioritised: the answer is the reason, the look-again date is kept and the clock stops", async () => {
    const { ideaId } = await newIdea();
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "not_prioritised", body, lookAgainAt: "2027-03-01" } });
    const row = await idea(ideaId);
    expect(row.status).toBe("not_prioritised");
    expect(row.look_again_at).toBe("2027-03-01");
    expect(row.next_due_at).toBeNull();
    // Reopening clears the date and restarts the clock.
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } });
    const reopened = await idea(ideaId);
    expect(reopened.look_again_at).toBeNull();
    expect(reopened.next_due_at).not.toBeNull();
  });

  it("merge: needs another idea that is not itself merged", async () => {
    const { ideaId } = await newIdea();
    const target = await newIdea("Samme oppskrift for dispensere");
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "merged", body } })).rejects.toMatchObject({ code: "merge_target_missing" });
    await expect(
      changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "merged", body, mergeIntoPublicId: (await idea(ideaId)).public_id } }),
    ).rejects.toMatchObject({ code: "merge_into_itself" });
    // The database refuses the same without the domain checks.
    await expect(
      withUser(ingrid, (trx) => trx.insertInto("idea_answers").values({ idea_id: ideaId, to_status: "merged", body, merged_into_id: null }).execute()),
    ).rejects.toMatchObject({ code: "23503" });
    await expect(
      withUser(ingrid, (trx) => trx.insertInto("idea_answers").values({ idea_id: ideaId, to_status: "merged", body, merged_into_id: ideaId }).execute()),
    ).rejects.toMatchObject({ code: "23514" });
    expect((await idea(ideaId)).status).toBe("received");

    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "merged", body, mergeIntoPublicId: target.publicId } });
    const merged = await idea(ideaId);
    expect(merged.merged_into_id).toBe(target.ideaId);
    expect(merged.next_due_at).toBeNull();
    const third = await newIdea("En tredje variant av oppskriften");
    await expect(
      changeIdeaStatus({ user: ingrid, change: { ideaId: third.ideaId, toStatus: "merged", body, mergeIntoPublicId: merged.public_id } }),
    ).rejects.toMatchObject({ code: "merge_target_merged" });
  });

  it("refuses a stale form: the status changed since it was opened", async () => {
    const { ideaId } = await newIdea();
    await changeIdeaStatus({ user: marius, change: { ideaId, fromStatus: "received", toStatus: "under_review", body } });
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, fromStatus: "received", toStatus: "not_prioritised", body } })).rejects.toMatchObject({
      code: "idea_stale",
    });
    expect((await idea(ideaId)).status).toBe("under_review");
  });

  it("two triagers at once: one wins, the other is told the idea changed", async () => {
    const { ideaId } = await newIdea();
    const results = await Promise.allSettled([
      changeIdeaStatus({ user: marius, change: { ideaId, fromStatus: "received", toStatus: "under_review", body } }),
      changeIdeaStatus({ user: ingrid, change: { ideaId, fromStatus: "received", toStatus: "not_prioritised", body } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "idea_stale" });
    expect(await answersOf(ideaId)).toHaveLength(1);
  });

  it("a network cannot withdraw an idea, nor reopen a withdrawn one; other networks cannot answer", async () => {
    const { ideaId } = await newIdea();
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "withdrawn", body } })).rejects.toMatchObject({ code: "transition_not_allowed" });
    await expect(changeIdeaStatus({ user: stian, change: { ideaId, toStatus: "under_review", body } })).rejects.toMatchObject({ code: "not_network_member" });
    await withUser(kari, (trx) => trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ikke aktuelt lenger" }).where("id", "=", ideaId).execute());
    expect((await idea(ideaId)).next_due_at).toBeNull();
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } })).rejects.toMatchObject({ code: "transition_not_allowed" });
  });

  it("saves nothing when the outbox insert fails: answer, status and e-mail are one transaction", async () => {
    const { ideaId } = await newIdea();
    await sql`create function public.test_fail_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox down'; end $$`.execute(testDb.db);
    await sql`create trigger test_fail_outbox before insert on public.outbox_messages for each row execute function public.test_fail_outbox()`.execute(testDb.db);
    try {
      await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } })).rejects.toThrow(/outbox down/);
    } finally {
      await sql`drop trigger test_fail_outbox on public.outbox_messages`.execute(testDb.db);
      await sql`drop function public.test_fail_outbox()`.execute(testDb.db);
    }
    const row = await idea(ideaId);
    expect(row.status).toBe("received");
    expect(row.first_answered_at).toBeNull();
    expect(await answersOf(ideaId)).toEqual([]);
  });

  it("the answer e-mail carries the answer text in the submitter's language", async () => {
    const { ideaId, publicId } = await newIdea("Oppskrift som skal få svar på e-post");
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body: "Vi har satt av tid til dette i januar, og kommer tilbake til deg." } });
    await dispatchAll();
    const [row] = await outboxOf(ideaId, "idea_answer");
    expect(row.last_error).toBeNull();
    expect(row.status).toBe("sent");
    const mail = (await mailboxMessagesTo(testDb.db, kari.email)).find((m) => m.tags.idempotencyKey === row.idempotency_key);
    expect(mail?.subject).toBe(`Forslaget ditt ${publicId} har fått status «Under vurdering»`);
    for (const text of [mail!.text, mail!.html]) {
      expect(text).toContain("Vi har satt av tid til dette i januar");
      expect(text).toContain(publicId);
    }
  });
});

describe("answerIdeasInBulk", () => {
  it("gives each idea its own answer and e-mail", async () => {
    const a = await newIdea();
    const b = await newIdea();
    const { count } = await answerIdeasInBulk({ user: ingrid, ideaIds: [a.ideaId, b.ideaId], toStatus: "under_review", body });
    expect(count).toBe(2);
    for (const { ideaId } of [a, b]) {
      expect((await idea(ideaId)).status).toBe("under_review");
      expect(await answersOf(ideaId)).toHaveLength(1);
      expect(await outboxOf(ideaId, "idea_answer")).toHaveLength(1);
    }
  });

  it("is all or nothing when one idea cannot be answered", async () => {
    const a = await newIdea();
    const b = await newIdea();
    await withUser(kari, (trx) => trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ikke aktuelt lenger" }).where("id", "=", b.ideaId).execute());
    await expect(answerIdeasInBulk({ user: ingrid, ideaIds: [a.ideaId, b.ideaId], toStatus: "under_review", body })).rejects.toMatchObject({
      code: "transition_not_allowed",
    });
    expect((await idea(a.ideaId)).status).toBe("received");
    expect(await answersOf(a.ideaId)).toEqual([]);
  });
});

describe("assignIdeaOwner", () => {
  it("assigns a member, records it and e-mails the new owner", async () => {
    const { ideaId } = await newIdea();
    await assignIdeaOwner({ user: marius, ideaId, ownerId: ingrid.id });
    expect((await idea(ideaId)).owner_id).toBe(ingrid.id);
    const mails = await outboxOf(ideaId, "idea_assigned");
    expect(mails.map((m) => m.recipient_email)).toEqual([ingrid.email]);
    await dispatchAll();
    const mail = (await mailboxMessagesTo(testDb.db, ingrid.email)).find((m) => m.tags.idempotencyKey === mails[0].idempotency_key);
    expect(mail?.subject).toMatch(/^Du er ansvarlig for IDE-/);
    expect(mail?.text).toContain("/behandle");
  });

  it("refuses an owner outside the network, also directly in the database", async () => {
    const { ideaId } = await newIdea();
    await expect(assignIdeaOwner({ user: marius, ideaId, ownerId: stian.id })).rejects.toMatchObject({ code: "owner_not_member" });
    await expect(withUser(marius, (trx) => trx.updateTable("ideas").set({ owner_id: stian.id }).where("id", "=", ideaId).execute())).rejects.toMatchObject({
      code: "23514",
    });
    await expect(withUser(kari, (trx) => trx.updateTable("ideas").set({ owner_id: ingrid.id }).where("id", "=", ideaId).execute())).rejects.toMatchObject({
      code: "42501",
    });
    expect((await idea(ideaId)).owner_id).toBeNull();
  });
});

describe("transferIdea", () => {
  it("moves the idea with its clock running, visible to both networks and the submitter", async () => {
    const { ideaId } = await newIdea();
    await assignIdeaOwner({ user: marius, ideaId, ownerId: ingrid.id });
    const before = await idea(ideaId);
    await transferIdea({ user: ingrid, ideaId, toNetworkId: ref.network("hh-dho"), reason: "Dette handler om digital hjemmeoppfølging." });
    const after = await idea(ideaId);
    expect(after.network_id).toBe(ref.network("hh-dho"));
    expect(after.owner_id).toBeNull();
    expect(after.next_due_at?.getTime()).toBe(before.next_due_at?.getTime());
    for (const user of [ingrid, stian, kari]) {
      const rows = await withUser(user, (trx) => trx.selectFrom("idea_transfers").select("reason").where("idea_id", "=", ideaId).execute());
      expect(rows, user.email).toEqual([{ reason: "Dette handler om digital hjemmeoppfølging." }]);
    }
    expect((await outboxOf(ideaId, "idea_transferred")).map((m) => m.recipient_email)).toEqual([kari.email]);
    // The old network can no longer triage it; the new one can.
    await expect(changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } })).rejects.toMatchObject({ code: "not_network_member" });
    await changeIdeaStatus({ user: stian, change: { ideaId, toStatus: "under_review", body } });
  });

  it("refuses the same network, a stale source and a network change without a transfer", async () => {
    const { ideaId } = await newIdea();
    await expect(transferIdea({ user: ingrid, ideaId, toNetworkId: ref.network("digi-asker"), reason: "Samme nettverk igjen, bare for å prøve." })).rejects.toMatchObject({
      code: "same_network",
    });
    await expect(
      transferIdea({ user: ingrid, ideaId, fromNetworkId: ref.network("hh-dho"), toNetworkId: ref.network("hh-dho"), reason: "Begrunnelse som er lang nok." }),
    ).rejects.toMatchObject({ code: "idea_stale" });
    await expect(
      withUser(ingrid, (trx) => trx.updateTable("ideas").set({ network_id: ref.network("hh-dho") }).where("id", "=", ideaId).execute()),
    ).rejects.toBeTruthy();
    expect((await idea(ideaId)).network_id).toBe(ref.network("digi-asker"));
  });
});

describe("evaluations, notes and templates", () => {
  it("keeps one score per member and criterion, updated in place", async () => {
    const { ideaId } = await newIdea();
    await saveEvaluation({ user: ingrid, ideaId, scores: [{ criterion: "useful", score: 4, note: "Sparer tid" }, { criterion: "cost", score: 2, note: null }] });
    await saveEvaluation({ user: ingrid, ideaId, scores: [{ criterion: "useful", score: 5, note: "Sparer mye tid" }, { criterion: "cost", score: null, note: null }] });
    const rows = await withUser(ingrid, (trx) => trx.selectFrom("idea_evaluations").select(["criterion", "score", "note"]).where("idea_id", "=", ideaId).execute());
    expect(rows).toEqual([{ criterion: "useful", score: 5, note: "Sparer mye tid" }]);
    await expect(saveEvaluation({ user: stian, ideaId, scores: [{ criterion: "useful", score: 1, note: null }] })).rejects.toMatchObject({ code: "not_network_member" });
  });

  it("internal notes are for the network; templates are written by coordinators", async () => {
    const { ideaId } = await newIdea();
    await addInternalNote({ user: ingrid, ideaId, body: "Sjekk med fagsystemansvarlig først." });
    await expect(addInternalNote({ user: kari, ideaId, body: "Jeg vil se notatene" })).rejects.toMatchObject({ code: "not_network_member" });
    const network = ref.network("digi-asker");
    await expect(saveReplyTemplate({ user: ingrid, networkId: network, title: "Mottatt", body: "Takk, vi har mottatt forslaget ditt." })).rejects.toMatchObject({
      code: "not_network_member",
    });
    const { id } = await saveReplyTemplate({ user: marius, networkId: network, title: "Mottatt", body: "Takk, vi har mottatt forslaget ditt.", toStatus: "under_review" });
    await saveReplyTemplate({ user: marius, networkId: network, templateId: id, title: "Mottatt og under vurdering", body: "Takk, vi vurderer forslaget ditt nå." });
    const templates = await listReplyTemplates({ user: ingrid, networkId: network });
    expect(templates.find((t) => t.id === id)).toMatchObject({ title: "Mottatt og under vurdering", to_status: null });
    expect(await listReplyTemplates({ user: kari, networkId: network })).toEqual([]);
  });
});

describe("when an idea was closed (closed_at, for the insight figures)", () => {
  // The rule the figures used before the column existed, looked up from the answers.
  const lookedUp = (id: string) =>
    asService("test: closing time by look-up", async (trx) =>
      (await sql<{ at: Date | null }>`
        select case when app_private.is_closed_status(i.status) then coalesce(
          (select max(a.created_at) from public.idea_answers a where a.idea_id = i.id and a.to_status = i.status),
          i.withdrawn_at, i.last_answer_at, i.updated_at) end as at
        from public.ideas i where i.id = ${id}`.execute(trx)).rows[0]!.at,
    );
  const closedAt = async (id: string) => (await idea(id)).closed_at;
  const answerTime = async (id: string) => (await answersOf(id)).at(-1)!.created_at;

  it("is the closing answer's time, moves with a later answer, and is gone when the idea is reopened", async () => {
    const { ideaId } = await newIdea("Lukketid for innsikten");
    expect((await idea(ideaId)).first_answer_working_days).toBeNull();
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } });
    expect(await closedAt(ideaId)).toBeNull();
    // Kept with it: the working days to the first answer, by the working-day calendar.
    const byCalendar = await asService("test: working days by the calendar", async (trx) =>
      (await sql<{ n: number }>`select app_private.working_days_between(submitted_at, first_answered_at) as n from public.ideas where id = ${ideaId}`.execute(trx)).rows[0]!.n,
    );
    expect(byCalendar).not.toBeNull();
    expect((await idea(ideaId)).first_answer_working_days).toBe(byCalendar);
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "not_prioritised", body, lookAgainAt: "2027-03-01" } });
    const closed = await closedAt(ideaId);
    expect(closed).toEqual(await answerTime(ideaId));
    expect(closed).toEqual(await lookedUp(ideaId));

    // Answered again in the same closed status (a day later, say): the closing time follows.
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "not_prioritised", body: "Vi har sett på det igjen, og det står ved lag.", lookAgainAt: "2027-03-01" } });
    expect(await closedAt(ideaId)).toEqual(await lookedUp(ideaId));

    await changeIdeaStatus({ user: marius, change: { ideaId, toStatus: "under_review", body: "Vi tar det opp igjen etter innspill fra Lier." } });
    expect(await closedAt(ideaId)).toBeNull();
    await changeIdeaStatus({ user: marius, change: { ideaId, toStatus: "new_practice", body: "Tatt i bruk i alle soner." } });
    expect(await closedAt(ideaId)).toEqual(await lookedUp(ideaId));

    // A correction of the answer's time on the service path moves it too.
    const [last] = (await answersOf(ideaId)).slice(-1);
    await asService("test: correct an answer's time", (trx) => sql`update public.idea_answers set created_at = '2026-05-20T10:00:00+02:00' where id = ${last!.id}`.execute(trx));
    expect(await closedAt(ideaId)).toEqual(new Date("2026-05-20T10:00:00+02:00"));
    expect(await closedAt(ideaId)).toEqual(await lookedUp(ideaId));
  });

  it("is the withdrawal's time when the submitter withdraws, also after earlier answers", async () => {
    const { ideaId } = await newIdea("Trekkes etter første svar");
    await changeIdeaStatus({ user: ingrid, change: { ideaId, toStatus: "under_review", body } });
    await withdrawIdea({ user: kari, ideaId, reason: "Vi løste det på en annen måte i egen enhet." });
    const row = await idea(ideaId);
    expect(row.status).toBe("withdrawn");
    expect(row.closed_at).toEqual(row.withdrawn_at);
    expect(row.closed_at).toEqual(await lookedUp(ideaId));
  });

  it("lets a network member withdraw her own idea in her own network: no answer needed, the clock stops", async () => {
    const { ideaId } = await newIdea("Ideen til en koordinator i eget nettverk", {}, marius);
    expect((await idea(ideaId)).network_id).toBe(ref.network("digi-asker"));
    await withdrawIdea({ user: marius, ideaId, reason: "Vi fant en bedre løsning i nettverket." });
    const row = await idea(ideaId);
    expect(row.status).toBe("withdrawn");
    expect(row.withdrawn_reason).toBe("Vi fant en bedre løsning i nettverket.");
    expect(row.withdrawn_at).not.toBeNull();
    expect(row.next_due_at).toBeNull();
    expect(row.closed_at).toEqual(row.withdrawn_at);
    expect(await answersOf(ideaId)).toEqual([]);
    // Another member of the network still needs an answer to close someone else's idea.
    const { ideaId: karis } = await newIdea("Kari sin idé som ikke er Marius sin");
    await expect(withUser(marius, (trx) => trx.updateTable("ideas").set({ status: "withdrawn", withdrawn_reason: "Ikke min" }).where("id", "=", karis).execute())).rejects.toThrow(
      /written answer/,
    );
    expect((await idea(karis)).status).toBe("received");
  });
});
