import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { describeRouting } from "~/modules/ideas/describe-routing.server";
import { renderIdeaReceiptEmail } from "~/modules/mail/render-idea-receipt-email.server";
import { dispatchOutbox } from "~/modules/notifications/dispatch-outbox.server";
import { formatOsloDate } from "~/modules/notifications/format-oslo-date";
import { parseEnv, setEnv } from "~/utils/env.server";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { clearPendingOutbox, mailboxMessagesTo, outboxRowsFor, PROBLEM_TEXT, submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let cleanUpStorage: () => Promise<void>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  setEnv(parseEnv({ APP_ENV: "test", APP_URL: "https://idehub.example.no/" }));
  cleanUpStorage = await useTempFileStorage();
});
beforeEach(async () => {
  await clearPendingOutbox(testDb.db);
});
afterAll(async () => {
  await cleanUpStorage();
  await testDb.close();
});

async function ideaFacts(ideaId: string) {
  return asService(
    "test: read idea",
    (trx) =>
      trx
        .selectFrom("ideas")
        .innerJoin("networks", "networks.id", "ideas.network_id")
        .select(["ideas.public_id", "ideas.first_answer_due_at", "networks.name as network_name"])
        .where("ideas.id", "=", ideaId)
        .executeTakeFirstOrThrow(),
    testDb.db,
  );
}

async function deliveredReceipt(ideaId: string, recipient: string) {
  await dispatchOutbox();
  const rows = await outboxRowsFor(testDb.db, ideaId);
  const row = rows.find((r) => r.recipient_email === recipient);
  expect(row?.status).toBe("sent");
  const mail = (await mailboxMessagesTo(testDb.db, recipient)).filter((m) => m.tags.idempotencyKey === row?.idempotency_key);
  expect(mail).toHaveLength(1);
  return mail[0];
}

describe("the receipt e-mail", () => {
  it("in bokmål: number, title, network and why, what happens next, the due date and a link — not the problem text", async () => {
    const idea = await submitDemoIdea(testDb.db, "kari.nordby@asker.example.no");
    const facts = await ideaFacts(idea.ideaId);
    const mail = await deliveredReceipt(idea.ideaId, "kari.nordby@asker.example.no");
    const due = formatOsloDate(facts.first_answer_due_at, "nb");
    expect(due).toMatch(/^(mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. [a-zø]+ \d{4}$/);

    expect(mail.subject).toBe(`Kvittering: idéen din er mottatt (${facts.public_id})`);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(facts.public_id);
      expect(body).toContain("Digitalt tilsyn om natten i hjemmetjenesten");
      expect(body).toContain("Nettverk for digitalisering og e-helse – Asker");
      expect(body).toContain(due);
      expect(body).not.toContain(PROBLEM_TEXT);
      expect(body).not.toContain("bevegelsessensor");
    }
    expect(mail.text).toContain("Ingen egen regel passet, så idéen gikk til nettverket som tar imot idéer fra Asker kommune.");
    expect(mail.text).toContain(`Du får et første svar senest ${due}.`);
    expect(mail.text).toContain(`Se idéen: https://idehub.example.no/ideer/${facts.public_id}`);
    expect(mail.html).toContain(`href="https://idehub.example.no/ideer/${facts.public_id}"`);
    expect(mail.html).toContain('lang="nb"');
  });

  it("in nynorsk for a nynorsk user, with the regional network and the reason for it", async () => {
    const idea = await submitDemoIdea(testDb.db, "ragnhild.kvisla@al.example.no");
    const facts = await ideaFacts(idea.ideaId);
    expect(facts.network_name).toMatch(/Hallingdal/);
    const mail = await deliveredReceipt(idea.ideaId, "ragnhild.kvisla@al.example.no");
    const due = formatOsloDate(facts.first_answer_due_at, "nn");
    expect(due).toMatch(/^(måndag|tysdag|onsdag|torsdag|fredag) \d{1,2}\. [a-zø]+ \d{4}$/);

    expect(mail.subject).toBe(`Kvittering: idéen din er motteken (${facts.public_id})`);
    expect(mail.text).toContain(facts.public_id);
    expect(mail.text).toContain(facts.network_name);
    expect(mail.text).toContain(`Du får eit første svar seinast ${due}.`);
    expect(mail.text).toContain("Kva skjer no?");
    expect(mail.text).toMatch(/Ål kommune er med i Hallingdal\./);
    expect(mail.html).toContain('lang="nn"');
  });

  it("tells a colleague it was sent on their behalf, and the submitter who it was sent for", async () => {
    const idea = await submitDemoIdea(testDb.db, "ahmed.rahimi@drammen.example.no", {
      onBehalf: "on",
      onBehalfName: "Per Kollega",
      onBehalfEmail: "Per.Kollega@drammen.example.no",
    });
    const facts = await ideaFacts(idea.ideaId);
    const colleague = await deliveredReceipt(idea.ideaId, "per.kollega@drammen.example.no");
    expect(colleague.text).toContain(`Ahmed Rahimi har sendt inn en idé på dine vegne. Den har fått nummeret ${facts.public_id}.`);
    expect(colleague.text).not.toContain("Du sendte den inn på vegne av");
    const submitter = (await mailboxMessagesTo(testDb.db, "ahmed.rahimi@drammen.example.no")).at(-1);
    expect(submitter?.text).toContain("Du sendte den inn på vegne av Per Kollega");
    expect(submitter?.text).not.toContain("på dine vegne");
  });
});

describe("describeRouting()", () => {
  it("explains a theme rule and a cross-municipal rule in plain words, in each language", async () => {
    const ref = await loadReference(testDb.db);
    const t = await import("~/i18n/i18n.server").then((m) => m.getTranslator);
    const described = await asService(
      "test: describe routing",
      (trx) =>
        describeRouting(trx, {
          networkId: ref.network("hh-dho"),
          organisationId: ref.organisation("drammen"),
          explanation: {
            kind: "rule",
            themeId: ref.theme("trygghetsskapende-teknologi"),
            serviceAreaIds: [ref.serviceArea("sykehjem"), ref.serviceArea("hjemmetjenester")],
            several: true,
          },
          locale: "en",
        }),
      testDb.db,
    );
    expect(described.networkName).toBe("Digital hjemmeoppfølging og responstjenester");
    const en = await t("en");
    expect(described.reasons.map((r) => en(r.key, { ns: "ideas", ...r.values }))).toEqual([
      "The theme is “Safety technology (alarms, sensors, GPS, door locks)”.",
      "The idea concerns “Home care services” and “Nursing homes and institutions”.",
      "The idea is marked as relevant for several municipalities.",
    ]);
  });

  it("renders a receipt with English texts", async () => {
    const mail = await renderIdeaReceiptEmail({
      locale: "en",
      publicId: "IDE-2026-0042",
      title: "Sensor mats instead of night rounds",
      networkName: "Digital helsekompetanse",
      reasons: [{ key: "routing.several", values: {} }],
      firstAnswerDueAt: new Date("2026-12-04T22:59:59.999Z"),
      link: "https://idehub.example.no/ideer/IDE-2026-0042",
    });
    expect(mail.subject).toBe("Receipt: we have received your idea (IDE-2026-0042)");
    expect(mail.text).toContain("You will get a first answer by Friday, 4 December 2026 at the latest.");
    expect(mail.text).toContain("Why there: The idea is marked as relevant for several municipalities.");
  });
});

describe("formatOsloDate()", () => {
  it("uses Oslo's calendar day, not UTC's", () => {
    const endOfFriday = new Date("2026-12-04T22:59:59.999Z"); // 23:59:59.999 in Oslo
    expect(formatOsloDate(endOfFriday, "nb")).toBe("fredag 4. desember 2026");
    expect(formatOsloDate(endOfFriday, "nn")).toBe("fredag 4. desember 2026");
    expect(formatOsloDate(new Date("2026-12-04T23:30:00Z"), "nb")).toBe("lørdag 5. desember 2026");
  });
});
