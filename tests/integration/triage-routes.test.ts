import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { getTranslator } from "~/i18n/i18n.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import * as behandle from "~/routes/ideer.$publicId.behandle";
import * as inbox from "~/routes/nettverk.$slug.innboks";
import * as templatesPage from "~/routes/nettverk.$slug.svarmaler";
import * as networksPage from "~/routes/nettverk._index";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
type Person = { user: Awaited<ReturnType<typeof demoUser>>; jar: CookieJar };
let kari: Person; // employee in Asker, submits; member of no network
let ingrid: Person; // member of digi-asker
let marius: Person; // coordinator of digi-asker
let torArne: Person; // coordinator of digi-drammen

const SLUG = "digi-asker";
const body = "Takk for forslaget. Vi tar det opp i nettverksmøtet neste uke.";

async function signIn(email: string): Promise<Person> {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return { user, jar };
}

/** A form post that may repeat a field (several ideaIds). */
function post(person: Person, path: string, fields: [string, string][]) {
  return new Request(`${APP_URL}${path}`, {
    method: "POST",
    headers: { Cookie: person.jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

type Refusal = { data: { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }; init: { status: number } };
const refused = (result: unknown) => {
  if (result instanceof Response) throw new Error(`expected a refusal, got a response with status ${result.status}`);
  return result as Refusal;
};
const messages = (result: unknown) => Object.values(refused(result).data.result.error ?? {}).flatMap((list) => list ?? []);
const statusOf = (result: unknown) => (result instanceof Response ? result.status : refused(result).init.status);

let nb: Awaited<ReturnType<typeof getTranslator>>;
/** Every message is a key with a real bokmål text behind it (never the key itself shown to the user). */
function expectNorwegian(keys: string[], ...expected: string[]) {
  expect(keys.length).toBeGreaterThan(0);
  const texts = keys.map((key) => nb(key));
  for (const [i, text] of texts.entries()) {
    expect(keys[i], "a translation key, not a library message").toMatch(/^[a-z-]+:[\w.]+$/);
    expect(text, keys[i]).not.toBe(keys[i]!.split(":")[1]);
  }
  for (const fragment of expected) expect(texts.join(" ")).toContain(fragment);
}

async function newIdea(title: string, overrides: Record<string, unknown> = {}) {
  return submitIdea({
    user: kari.user,
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
    proposal: plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt."),
  });
}

const ideaRow = (id: string) => asService("test", (trx) => trx.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
const answersOf = (ids: string[]) => asService("test", (trx) => trx.selectFrom("idea_answers").selectAll().where("idea_id", "in", ids).execute());
const outboxOf = (ids: string[], kind: string) =>
  asService("test", (trx) => trx.selectFrom("outbox_messages").selectAll().where(sql<string>`payload->>'ideaId'`, "in", ids).where("kind", "=", kind).execute());

type InboxData = Awaited<ReturnType<typeof inbox.loader>>;
const loadInbox = async (person: Person, query = "") =>
  (await inbox.loader(routeArgs(person.jar.get(`/nettverk/${SLUG}/innboks${query}`), { slug: SLUG }))) as InboxData;
type TriageData = Awaited<ReturnType<typeof behandle.loader>>;
const loadTriage = async (person: Person, publicId: string, query = "") =>
  (await behandle.loader(routeArgs(person.jar.get(`/ideer/${publicId}/behandle${query}`), { publicId }))) as TriageData;
const triage = (person: Person, publicId: string, fields: [string, string][]) =>
  settle(behandle.action(routeArgs(post(person, `/ideer/${publicId}/behandle`, fields), { publicId })));

let plain: { ideaId: string; publicId: string };
let overdue: { ideaId: string; publicId: string };
let otherTheme: { ideaId: string; publicId: string };
let fromLier: { ideaId: string; publicId: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  nb = await getTranslator("nb");
  ref = await loadReference(testDb.db);
  kari = await signIn("kari.nordby@asker.example.no");
  ingrid = await signIn("ingrid.solberg@asker.example.no");
  marius = await signIn("marius.bakken@asker.example.no");
  torArne = await signIn("tor.arne.myhre@drammen.example.no");
  plain = await newIdea("Felles oppskrift for medisindispensere");
  overdue = await newIdea("Nattlig tilsyn med sensor");
  otherTheme = await newIdea("Bruke journalmalene vi har", { themeId: ref.theme("bedre-bruk-av-eksisterende") });
  fromLier = await newIdea("Felles opplæring i dispensere");
  await asService("test: make one idea overdue and one from Lier", async (trx) => {
    await trx.updateTable("ideas").set({ next_due_at: sql`now() - interval '2 days'` }).where("id", "=", overdue.ideaId).execute();
    await trx.updateTable("ideas").set({ organisation_id: ref.organisation("lier") }).where("id", "=", fromLier.ideaId).execute();
  });
});
afterAll(async () => {
  await testDb.close();
});

describe("who may triage", () => {
  it("answers 404 to a non-member on the inbox, the template page and the triage page, and for an unknown network", async () => {
    // Called one at a time: each is a thunk.
    const cases: (() => Promise<unknown>)[] = [
      () => inbox.loader(routeArgs(kari.jar.get(`/nettverk/${SLUG}/innboks`), { slug: SLUG })),
      () => inbox.action(routeArgs(post(kari, `/nettverk/${SLUG}/innboks`, [["intent", "bulk"], ["ideaIds", plain.ideaId], ["toStatus", "under_review"], ["body", body]]), { slug: SLUG })),
      () => templatesPage.loader(routeArgs(kari.jar.get(`/nettverk/${SLUG}/svarmaler`), { slug: SLUG })),
      () => behandle.loader(routeArgs(kari.jar.get(`/ideer/${plain.publicId}/behandle`), { publicId: plain.publicId })),
      () => behandle.action(routeArgs(post(kari, `/ideer/${plain.publicId}/behandle`, [["intent", "note"], ["note", "Hei"]]), { publicId: plain.publicId })),
      // A member of another network is no member here.
      () => behandle.loader(routeArgs(torArne.jar.get(`/ideer/${plain.publicId}/behandle`), { publicId: plain.publicId })),
      () => inbox.loader(routeArgs(ingrid.jar.get("/nettverk/finnes-ikke/innboks"), { slug: "finnes-ikke" })),
    ];
    for (const call of cases) expect(statusOf(await settle(call()))).toBe(404);
    expect(await answersOf([plain.ideaId])).toEqual([]);
    expect(await asService("test", (trx) => trx.selectFrom("idea_internal_notes").select("id").where("idea_id", "=", plain.ideaId).execute())).toEqual([]);
  });

  it("lists only the networks the user belongs to, with counts", async () => {
    const mine = (await networksPage.loader(routeArgs(marius.jar.get("/nettverk")))) as Awaited<ReturnType<typeof networksPage.loader>>;
    expect(mine.networks.map((n) => [n.slug, n.role])).toEqual([
      ["hh-dho", "member"],
      ["digi-asker", "coordinator"],
    ]);
    expect(mine.networks.find((n) => n.slug === SLUG)).toMatchObject({ open: 4, unassigned: 4, overdue: 1 });
    const none = (await networksPage.loader(routeArgs(kari.jar.get("/nettverk")))) as Awaited<ReturnType<typeof networksPage.loader>>;
    expect(none.networks).toEqual([]);
  });
});

describe("the inbox", () => {
  it("shows the network's own ideas only, overdue first, with counts and the demand signal", async () => {
    await asService("test: demand", async (trx) => {
      await trx.insertInto("idea_supports").values([ingrid.user.id, marius.user.id].map((profile_id) => ({ idea_id: plain.ideaId, profile_id }))).execute();
      await trx
        .insertInto("idea_same_need")
        .values({ idea_id: plain.ideaId, organisation_id: ref.organisation("drammen"), profile_id: torArne.user.id })
        .execute();
    });
    const data = await loadInbox(ingrid);
    expect(data.ideas.map((i) => i.publicId).sort()).toEqual([plain, overdue, otherTheme, fromLier].map((i) => i.publicId).sort());
    expect(data.ideas[0]).toMatchObject({ publicId: overdue.publicId, overdue: true });
    expect(data.ideas.slice(1).every((i) => !i.overdue)).toBe(true);
    expect(data).toMatchObject({ openCount: 4, overdueCount: 1, counts: { received: 4 } });
    expect(data.ideas.find((i) => i.id === plain.ideaId)).toMatchObject({ supportCount: 2, sameNeedCount: 1 });
    expect(data.ideas.find((i) => i.id === overdue.ideaId)).toMatchObject({ supportCount: 0, sameNeedCount: 0 });
    // Workload is for coordinators.
    expect(data.workload).toBeNull();
    expect((await loadInbox(marius)).workload).toEqual([{ ownerId: null, ownerName: null, open: 4, overdue: 1 }]);
    // The seeded templates (merge ones left out: bulk cannot merge) are offered for the bulk answer.
    expect(data.templates.map((t) => t.title)).toEqual(["Takk – vi ser på forslaget", "Ikke prioritert nå", "Sendt videre til ledelsen"]);
    // A demo idea routed elsewhere is not here, and Drammen's coordinator sees nothing of Asker's.
    const drammen = (await inbox.loader(routeArgs(torArne.jar.get("/nettverk/digi-drammen/innboks"), { slug: "digi-drammen" }))) as InboxData;
    expect(drammen.ideas.map((i) => i.id)).toContain("70000000-0000-4000-8000-000000000002");
    expect(drammen.ideas.map((i) => i.id)).not.toContain(plain.ideaId);
  });

  it("narrows by mine, unassigned, overdue, theme and organisation; ignores nonsense filter values", async () => {
    expectRedirect(await triage(marius, overdue.publicId, [["intent", "assign"], ["ownerId", ingrid.user.id]]));
    const ids = async (person: Person, query: string) => (await loadInbox(person, query)).ideas.map((i) => i.publicId).sort();
    expect(await ids(ingrid, "?ansvarlig=mine")).toEqual([overdue.publicId]);
    expect(await ids(marius, "?ansvarlig=mine")).toEqual([]);
    expect(await ids(marius, `?ansvarlig=${ingrid.user.id}`)).toEqual([overdue.publicId]);
    expect(await ids(marius, "?ansvarlig=unassigned")).toEqual([plain, otherTheme, fromLier].map((i) => i.publicId).sort());
    expect(await ids(marius, "?forfalt=1")).toEqual([overdue.publicId]);
    expect(await ids(marius, `?tema=${ref.theme("bedre-bruk-av-eksisterende")}`)).toEqual([otherTheme.publicId]);
    expect(await ids(marius, `?organisasjon=${ref.organisation("lier")}`)).toEqual([fromLier.publicId]);
    expect(await ids(marius, `?organisasjon=${ref.organisation("asker")}&forfalt=1`)).toEqual([overdue.publicId]);
    // Nonsense is ignored rather than failing: all open ideas.
    expect(await ids(marius, "?status=bogus&ansvarlig=%27%3B--&tema=123&organisasjon=x")).toHaveLength(4);
    expect((await loadInbox(marius)).workload).toEqual(
      expect.arrayContaining([
        { ownerId: ingrid.user.id, ownerName: "Ingrid Solberg", open: 1, overdue: 1 },
        { ownerId: null, ownerName: null, open: 3, overdue: 0 },
      ]),
    );
    // The new owner was told, in the same transaction.
    expect(await outboxOf([overdue.ideaId], "idea_assigned")).toHaveLength(1);
  });

  it("fills the bulk answer from a template, and answers two ideas with two answers and two e-mails", async () => {
    const picked = await loadInbox(marius);
    const template = picked.templates.find((t) => t.title === "Takk – vi ser på forslaget")!;
    const withTemplate = await loadInbox(marius, `?mal=${template.id}`);
    expect(withTemplate.chosenTemplate).toMatchObject({ toStatus: "under_review" });
    expect(withTemplate.chosenTemplate?.body).toContain("Nettverket har lest det");

    const edited = `${withTemplate.chosenTemplate!.body} Vi kommer tilbake før sommeren.`;
    const result = expectRedirect(
      await settle(
        inbox.action(
          routeArgs(
            post(marius, `/nettverk/${SLUG}/innboks?forfalt=1&mal=${template.id}`, [
              ["intent", "bulk"],
              ["ideaIds", plain.ideaId],
              ["ideaIds", otherTheme.ideaId],
              ["toStatus", "under_review"],
              ["body", edited],
            ]),
            { slug: SLUG },
          ),
        ),
      ),
    );
    expect(result.status).toBe(303);
    // The filters stay, the template choice goes, the count is confirmed.
    expect(result.headers.get("Location")).toBe(`/nettverk/${SLUG}/innboks?forfalt=1&svart=2`);
    const answers = await answersOf([plain.ideaId, otherTheme.ideaId]);
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.body === edited && a.to_status === "under_review" && a.author_id === marius.user.id)).toBe(true);
    expect(await outboxOf([plain.ideaId, otherTheme.ideaId], "idea_answer")).toHaveLength(2);
    expect((await ideaRow(plain.ideaId)).status).toBe("under_review");
    expect((await loadInbox(marius, "?svart=2")).answered).toBe(2);
  });

  it("refuses bad bulk input with a clear message, keeps the typed text and ticks, and saves nothing", async () => {
    const bulk = (person: Person, fields: [string, string][]) =>
      settle(inbox.action(routeArgs(post(person, `/nettverk/${SLUG}/innboks`, [["intent", "bulk"], ...fields]), { slug: SLUG })));
    const before = (await answersOf([fromLier.ideaId, overdue.ideaId])).length;

    const none = await bulk(marius, [["toStatus", "under_review"], ["body", body]]);
    expect(statusOf(none)).toBe(400);
    expectNorwegian(messages(none), "Velg minst ett forslag.");
    expect(refused(none).data.result.initialValue).toMatchObject({ body });

    const malformed = await bulk(marius, [["ideaIds", "not-a-uuid"], ["ideaIds", "'; drop table ideas; --"], ["toStatus", "under_review"], ["body", body]]);
    expect(statusOf(malformed)).toBe(400);
    expectNorwegian(messages(malformed));

    const unknownStatus = await bulk(marius, [["ideaIds", fromLier.ideaId], ["toStatus", "exploded"], ["body", body]]);
    expect(statusOf(unknownStatus)).toBe(400);
    expectNorwegian(messages(unknownStatus), "Velg en status.");
    expect(refused(unknownStatus).data.result.initialValue).toMatchObject({ ideaIds: fromLier.ideaId, body });

    const merge = await bulk(marius, [["ideaIds", fromLier.ideaId], ["toStatus", "merged"], ["body", body]]);
    expect(statusOf(merge)).toBe(400);

    const huge = await bulk(marius, [["ideaIds", fromLier.ideaId], ["toStatus", "under_review"], ["body", "x".repeat(200_000)]]);
    expect(statusOf(huge)).toBe(400);
    expectNorwegian(messages(huge), "Svaret kan være høyst 5000 tegn.");

    const short = await bulk(marius, [["ideaIds", fromLier.ideaId], ["toStatus", "under_review"], ["body", "Ok"]]);
    expectNorwegian(messages(short), "Svaret må være minst 10 tegn.");

    // An idea of another network (a real id) cannot ride along: all or nothing.
    const foreign = await bulk(marius, [["ideaIds", fromLier.ideaId], ["ideaIds", "70000000-0000-4000-8000-000000000002"], ["toStatus", "under_review"], ["body", body]]);
    expect(statusOf(foreign)).toBe(404);
    expectNorwegian(messages(foreign), "Fant ikke forslaget.");
    expect((await answersOf([fromLier.ideaId, overdue.ideaId])).length).toBe(before);
    expect((await ideaRow(fromLier.ideaId)).status).toBe("received");
  });

  it("sends nothing when someone answered one of the ticked ideas after the inbox was shown, and says so", async () => {
    const first = await newIdea("Samlesvar, først");
    const second = await newIdea("Samlesvar, andre");
    const shown = await loadInbox(marius);
    const statusShown = (ideaId: string) => shown.ideas.find((idea) => idea.id === ideaId)!.status;
    expect([statusShown(first.ideaId), statusShown(second.ideaId)]).toEqual(["received", "received"]);
    // Meanwhile a colleague answers the second one on its triage page.
    expectRedirect(await triage(ingrid, second.publicId, [["intent", "status"], ["fromStatus", "received"], ["toStatus", "under_review"], ["body", body]]));

    const fields: [string, string][] = [
      ["intent", "bulk"],
      ["ideaIds", first.ideaId],
      ["ideaIds", second.ideaId],
      ["fromStatus." + first.ideaId, statusShown(first.ideaId)],
      ["fromStatus." + second.ideaId, statusShown(second.ideaId)],
      ["toStatus", "not_prioritised"],
      ["body", body],
    ];
    const stale = await settle(inbox.action(routeArgs(post(marius, `/nettverk/${SLUG}/innboks`, fields), { slug: SLUG })));
    expect(statusOf(stale)).toBe(409);
    expectNorwegian(messages(stale), "Noen andre har svart på ett eller flere av de valgte forslagene mens du hadde siden åpen. Listen viser nå den nye statusen. Ingenting er sendt – se over valget og send på nytt.");
    expect(refused(stale).data.result.initialValue).toMatchObject({ body });
    expect(await answersOf([first.ideaId])).toEqual([]);
    expect((await answersOf([second.ideaId])).map((a) => a.to_status)).toEqual(["under_review"]);

    // With the page as it is now, the same batch goes through.
    const fresh = await loadInbox(marius);
    fields[4] = ["fromStatus." + second.ideaId, fresh.ideas.find((idea) => idea.id === second.ideaId)!.status];
    expectRedirect(await settle(inbox.action(routeArgs(post(marius, `/nettverk/${SLUG}/innboks`, fields), { slug: SLUG }))));
    expect((await ideaRow(first.ideaId)).status).toBe("not_prioritised");
    expect((await ideaRow(second.ideaId)).status).toBe("not_prioritised");
  });
});

describe("the triage page", () => {
  it("refuses a status change without an answer, saving nothing", async () => {
    const { ideaId, publicId } = await newIdea("Svar kreves alltid");
    for (const answer of [[], [["body", ""]], [["body", "   "]], [["body", "Ok"]]] as [string, string][][]) {
      const result = await triage(ingrid, publicId, [["intent", "status"], ["fromStatus", "received"], ["toStatus", "under_review"], ...answer]);
      expect(statusOf(result)).toBe(400);
      expectNorwegian(messages(result));
    }
    expect(await answersOf([ideaId])).toEqual([]);
    expect((await ideaRow(ideaId)).status).toBe("received");
    expect(await outboxOf([ideaId], "idea_answer")).toEqual([]);
  });

  it("changes status with a template's text, edited, and shows the answer", async () => {
    const { ideaId, publicId } = await newIdea("Mal og svar");
    const page = await loadTriage(marius, publicId);
    expect(page.isCoordinator).toBe(true);
    const template = page.templates.find((t) => t.title === "Takk – vi ser på forslaget")!;
    const withTemplate = await loadTriage(marius, publicId, `?mal=${template.id}`);
    expect(withTemplate.chosenTemplate).toMatchObject({ toStatus: "under_review" });
    const text = `${withTemplate.chosenTemplate!.body} Ingrid følger opp.`;
    const done = expectRedirect(await triage(marius, publicId, [["intent", "status"], ["fromStatus", "received"], ["toStatus", "under_review"], ["body", text]]));
    expect(done.headers.get("Location")).toBe(`/ideer/${publicId}/behandle?lagret=status`);
    const after = await loadTriage(ingrid, publicId, "?lagret=status");
    expect(after.idea.status).toBe("under_review");
    expect(after.answers.map((a) => a.body)).toEqual([text]);
    expect(after.flash).toBe("triage:triage.saved.status");
    expect(after.isCoordinator).toBe(false);
    expect(await outboxOf([ideaId], "idea_answer")).toHaveLength(1);
  });

  it("tells a stale form apart, keeps the typed text and changes nothing", async () => {
    const { ideaId, publicId } = await newIdea("To på en gang");
    expectRedirect(await triage(marius, publicId, [["intent", "status"], ["fromStatus", "received"], ["toStatus", "under_review"], ["body", body]]));
    const late = "Vi setter forslaget rett i innsiktsfasen.";
    const stale = await triage(ingrid, publicId, [["intent", "status"], ["fromStatus", "received"], ["toStatus", "insight"], ["body", late]]);
    expect(statusOf(stale)).toBe(409);
    expectNorwegian(messages(stale), "Noen andre har endret forslaget");
    expect(refused(stale).data.result.initialValue).toMatchObject({ body: late, toStatus: "insight" });
    expect((await ideaRow(ideaId)).status).toBe("under_review");
    expect(await answersOf([ideaId])).toHaveLength(1);
    // The page shows the new status, so the retry goes through.
    expect((await loadTriage(ingrid, publicId)).idea.status).toBe("under_review");
    expectRedirect(await triage(ingrid, publicId, [["intent", "status"], ["fromStatus", "under_review"], ["toStatus", "insight"], ["body", late]]));
  });

  it("side exits: not prioritised needs the answer as reason, with an optional real future date; merge needs a target", async () => {
    const { ideaId, publicId } = await newIdea("Sideutganger");
    const target = await newIdea("Målet for sammenslåing");
    const go = (fields: [string, string][]) => triage(ingrid, publicId, [["intent", "status"], ["fromStatus", "received"], ...fields]);

    const noReason = await go([["toStatus", "not_prioritised"], ["lookAgainAt", "2099-01-01"]]);
    expectNorwegian(messages(noReason), "Skriv et svar til innsenderen.");
    expect(refused(noReason).data.result.initialValue).toMatchObject({ lookAgainAt: "2099-01-01" });
    expectNorwegian(messages(await go([["toStatus", "not_prioritised"], ["body", body], ["lookAgainAt", "2026-02-30"]])), "Skriv en gyldig dato.");
    expectNorwegian(messages(await go([["toStatus", "not_prioritised"], ["body", body], ["lookAgainAt", "2020-01-01"]])), "må være etter i dag");
    expectNorwegian(messages(await go([["toStatus", "under_review"], ["body", body], ["lookAgainAt", "2099-01-01"]])), "Ikke prioritert nå");
    expectNorwegian(messages(await go([["toStatus", "merged"], ["body", body]])), "Skriv nummeret på forslaget det skal slås sammen med.");
    expectNorwegian(messages(await go([["toStatus", "merged"], ["body", body], ["mergeInto", "tull"]])), "IDE-2026-0001");
    expectNorwegian(messages(await go([["toStatus", "merged"], ["body", body], ["mergeInto", publicId]])), "seg selv");
    expectNorwegian(messages(await go([["toStatus", "merged"], ["body", body], ["mergeInto", "IDE-1999-9999"]])), "Fant ikke forslaget det skal slås sammen med.");
    expectNorwegian(messages(await go([["toStatus", "under_review"], ["body", body], ["mergeInto", target.publicId]])), "Slått sammen");
    expect(await answersOf([ideaId])).toEqual([]);

    expectRedirect(await go([["toStatus", "not_prioritised"], ["body", body], ["lookAgainAt", "2099-01-01"]]));
    expect(await ideaRow(ideaId)).toMatchObject({ status: "not_prioritised", look_again_at: "2099-01-01", next_due_at: null });
    expectRedirect(await triage(ingrid, publicId, [["intent", "status"], ["fromStatus", "not_prioritised"], ["toStatus", "merged"], ["body", body], ["mergeInto", target.publicId]]));
    expect(await ideaRow(ideaId)).toMatchObject({ status: "merged", merged_into_id: target.ideaId });
  });

  it("refuses unknown intents and statuses, malformed ids and huge texts with a message, never a 500", async () => {
    const { ideaId, publicId } = await newIdea("Rart skjema");
    const cases: [string, string][][] = [
      [["intent", "explode"]],
      [],
      [["intent", "status"], ["fromStatus", "received"], ["toStatus", "exploded"], ["body", body]],
      [["intent", "status"], ["fromStatus", "nonsense"], ["toStatus", "under_review"], ["body", body]],
      [["intent", "status"], ["fromStatus", "received"], ["toStatus", "withdrawn"], ["body", body]],
      [["intent", "status"], ["fromStatus", "received"], ["toStatus", "under_review"], ["body", "x".repeat(100_000)]],
      [["intent", "assign"], ["ownerId", "not-a-uuid"]],
      [["intent", "transfer"], ["fromNetworkId", "x"], ["toNetworkId", "y"], ["reason", body]],
      [["intent", "evaluate"], ["score_new", "9"]],
      [["intent", "evaluate"], ["score_new", "abc"]],
      [["intent", "evaluate"], ["note_cost", "x".repeat(3000)]],
      [["intent", "note"], ["note", ""]],
      [["intent", "note"], ["note", "x".repeat(6000)]],
    ];
    for (const fields of cases) {
      const result = await triage(marius, publicId, fields);
      expect(statusOf(result), JSON.stringify(fields).slice(0, 120)).toBe(400);
      expectNorwegian(messages(result));
    }
    const evaluation = await triage(marius, publicId, [["intent", "evaluate"], ["score_new", "9"], ["note_new", "Nytt for oss"]]);
    expectNorwegian(messages(evaluation), "Velg poeng fra 1 til 5.");
    expect(refused(evaluation).data.result.initialValue).toMatchObject({ note_new: "Nytt for oss" });
    expect(await answersOf([ideaId])).toEqual([]);
    // An unknown idea number is simply not found.
    expect(statusOf(await settle(behandle.loader(routeArgs(marius.jar.get("/ideer/IDE-0000-0000/behandle"), { publicId: "IDE-0000-0000" }))))).toBe(404);
    expect(statusOf(await settle(behandle.loader(routeArgs(marius.jar.get("/ideer/%27%3B--/behandle"), { publicId: "';--" }))))).toBe(404);
  });

  it("assigns members only, transfers only elsewhere and with a reason; evaluations and notes stay in the network", async () => {
    const { ideaId, publicId } = await newIdea("Eierskap og overføring");
    const asToNonMember = await triage(marius, publicId, [["intent", "assign"], ["ownerId", kari.user.id]]);
    expect(statusOf(asToNonMember)).toBe(409);
    expectNorwegian(messages(asToNonMember), "Den ansvarlige må være medlem av nettverket.");
    expect((await ideaRow(ideaId)).owner_id).toBeNull();
    expectRedirect(await triage(marius, publicId, [["intent", "assign"], ["ownerId", ingrid.user.id]]));
    expect((await ideaRow(ideaId)).owner_id).toBe(ingrid.user.id);
    expectRedirect(await triage(marius, publicId, [["intent", "assign"], ["ownerId", "none"]]));
    expect((await ideaRow(ideaId)).owner_id).toBeNull();

    expectRedirect(await triage(ingrid, publicId, [["intent", "evaluate"], ["score_new", "4"], ["note_new", "Nytt for Asker"], ["score_cost", "2"]]));
    expectRedirect(await triage(marius, publicId, [["intent", "evaluate"], ["score_new", "2"]]));
    const page = await loadTriage(ingrid, publicId);
    expect(page.myEvaluation).toEqual({ new: { score: 4, note: "Nytt for Asker" }, cost: { score: 2, note: null } });
    expect(page.evaluationAverages.new).toEqual({ average: 3, count: 2 });
    expectRedirect(await triage(ingrid, publicId, [["intent", "note"], ["note", "Sjekk med IKT om sensorene."]]));
    expect((await loadTriage(marius, publicId)).notes.map((n) => n.body)).toEqual(["Sjekk med IKT om sensorene."]);

    const digiAsker = ref.network(SLUG);
    const same = await triage(marius, publicId, [["intent", "transfer"], ["fromNetworkId", digiAsker], ["toNetworkId", digiAsker], ["reason", "Feil nettverk, dette hører hjemme her."]]);
    expect(statusOf(same)).toBe(409);
    expectNorwegian(messages(same), "Forslaget ligger allerede i det nettverket.");
    const noReason = await triage(marius, publicId, [["intent", "transfer"], ["fromNetworkId", digiAsker], ["toNetworkId", ref.network("hh-dho")], ["reason", "Kort"]]);
    expectNorwegian(messages(noReason), "Begrunnelsen må være minst 10 tegn.");
    expect(refused(noReason).data.result.initialValue).toMatchObject({ reason: "Kort" });
    const moved = expectRedirect(
      await triage(marius, publicId, [["intent", "transfer"], ["fromNetworkId", digiAsker], ["toNetworkId", ref.network("hh-dho")], ["reason", "Gjelder flere kommuner, passer i DHO-gruppen."]]),
    );
    expect(moved.headers.get("Location")).toBe(`/nettverk/${SLUG}/innboks`);
    expect((await ideaRow(ideaId)).network_id).toBe(ref.network("hh-dho"));
    expect(await outboxOf([ideaId], "idea_transferred")).toHaveLength(1);
    // Ingrid is not in hh-dho: the idea has left her reach.
    expect(statusOf(await settle(behandle.loader(routeArgs(ingrid.jar.get(`/ideer/${publicId}/behandle`), { publicId }))))).toBe(404);
  });
});

describe("reply templates", () => {
  const templatesAction = (person: Person, fields: [string, string][]) =>
    settle(templatesPage.action(routeArgs(post(person, `/nettverk/${SLUG}/svarmaler`, fields), { slug: SLUG })));
  type TemplatesData = Awaited<ReturnType<typeof templatesPage.loader>>;
  const loadTemplates = async (person: Person, query = "") =>
    (await templatesPage.loader(routeArgs(person.jar.get(`/nettverk/${SLUG}/svarmaler${query}`), { slug: SLUG }))) as TemplatesData;

  it("a coordinator creates, edits and deletes; seeded defaults come first", async () => {
    const seeded = await loadTemplates(marius);
    expect(seeded.network.isCoordinator).toBe(true);
    expect(seeded.templates.map((t) => t.title)).toEqual([
      "Takk – vi ser på forslaget",
      "Ikke prioritert nå",
      "Sendt videre til ledelsen",
      "Slått sammen med et lignende forslag",
    ]);

    const created = expectRedirect(
      await templatesAction(marius, [["intent", "create"], ["title", "Pilot neste år"], ["body", "Vi vil prøve dette i en pilot neste år."], ["toStatus", "piloting"], ["sortOrder", "50"]]),
    );
    expect(created.headers.get("Location")).toBe(`/nettverk/${SLUG}/svarmaler?lagret=created`);
    const afterCreate = await loadTemplates(marius, "?lagret=created");
    expect(afterCreate.flash).toBe("triage:templates.saved.created");
    const pilot = afterCreate.templates.find((t) => t.title === "Pilot neste år")!;
    expect(pilot).toMatchObject({ to_status: "piloting", sort_order: 50 });

    expectRedirect(await templatesAction(marius, [["intent", "update"], ["templateId", pilot.id], ["title", "Pilot i høst"], ["body", "Vi vil prøve dette i en pilot i høst."], ["sortOrder", "5"]]));
    const afterUpdate = await loadTemplates(marius);
    expect(afterUpdate.templates[0]).toMatchObject({ id: pilot.id, title: "Pilot i høst", to_status: null, sort_order: 5 });

    const bad = await templatesAction(marius, [["intent", "update"], ["templateId", pilot.id], ["title", "P"], ["body", "Kort"], ["sortOrder", "-3"]]);
    expect(statusOf(bad)).toBe(400);
    expectNorwegian(messages(bad), "Gi malen et navn på minst 2 tegn.", "Svaret må være minst 10 tegn.", "Rekkefølgen må være et helt tall fra 0 til 999.");
    expect(refused(bad).data.result.initialValue).toMatchObject({ title: "P", body: "Kort" });

    expectRedirect(await templatesAction(marius, [["intent", "delete"], ["templateId", pilot.id]]));
    expect((await loadTemplates(marius)).templates.map((t) => t.id)).not.toContain(pilot.id);
    const gone = await templatesAction(marius, [["intent", "delete"], ["templateId", pilot.id]]);
    expect(statusOf(gone)).toBe(404);
    expectNorwegian(messages(gone), "Fant ikke malen.");
    // Another network's template cannot be reached through this network's page.
    const drammenTemplate = await asService("test", (trx) =>
      trx.selectFrom("reply_templates").select("id").where("network_id", "=", ref.network("digi-drammen")).executeTakeFirstOrThrow(),
    );
    expect(statusOf(await templatesAction(marius, [["intent", "delete"], ["templateId", drammenTemplate.id]]))).toBe(404);
    expect(statusOf(await templatesAction(marius, [["intent", "explode"]]))).toBe(400);
  });

  it("a plain member reads the templates but may not change them", async () => {
    const page = await loadTemplates(ingrid);
    expect(page.network).toMatchObject({ isCoordinator: false, isMember: true });
    expect(page.templates.length).toBeGreaterThanOrEqual(4);
    const target = page.templates[0]!;
    const attempts: [string, string][][] = [
      [["intent", "create"], ["title", "Min egen mal"], ["body", "En tekst som er lang nok."]],
      [["intent", "update"], ["templateId", target.id], ["title", "Endret av medlem"], ["body", "En tekst som er lang nok."]],
      [["intent", "delete"], ["templateId", target.id]],
    ];
    for (const fields of attempts) {
      const result = await templatesAction(ingrid, fields);
      expect(statusOf(result)).toBe(403);
      expectNorwegian(messages(result), "Bare koordinatorer i nettverket kan endre svarmalene.");
    }
    const after = await loadTemplates(ingrid);
    expect(after.templates).toEqual(page.templates);
  });
});
