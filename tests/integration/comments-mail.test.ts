import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { getTranslator } from "~/i18n/i18n.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { hideComment } from "~/modules/comments/hide-comment.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { notificationText } from "~/modules/notification-centre/notification-text.server";
import { dispatchOutbox } from "~/modules/notifications/dispatch-outbox.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { parseEnv, setEnv } from "~/utils/env.server";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { mailboxMessagesTo } from "./outbox-support";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  setEnv(parseEnv({ APP_ENV: "test", APP_URL: "https://idehub.example.no/" }));
});
afterAll(async () => {
  await testDb.close();
});

describe("comment e-mails and notification texts", () => {
  it("tells a mentioned person in their language, and the author of a hidden comment why", async () => {
    const ref = await loadReference(testDb.db);
    const ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
    const emily = await demoUser(testDb.db, "emily.carter@drammen.example.no"); // English
    const coordinator = await demoUser(testDb.db, "tor.arne.myhre@drammen.example.no"); // coordinator of Drammen's network
    const idea = await submitIdea({
      user: ahmed,
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
    const network = await asService("test: network", (trx) => trx.selectFrom("ideas").select("network_id").where("id", "=", idea.ideaId).executeTakeFirstOrThrow());
    const isCoordinator = await asService("test: coordinator", (trx) =>
      trx.selectFrom("network_members").select("role").where("network_id", "=", network.network_id).where("profile_id", "=", coordinator.id).executeTakeFirst(),
    );
    expect(isCoordinator?.role).toBe("coordinator");

    const { commentId } = await addComment({ user: ahmed, ideaId: idea.ideaId, body: "Hva tenker du, @emily.carter? <b>ikke html</b>" });
    await dispatchOutbox();
    const [mention] = await mailboxMessagesTo(testDb.db, "emily.carter@drammen.example.no").then((all) => all.filter((m) => m.tags.kind === "comment_mention"));
    expect(mention?.subject).toBe("Ahmed Rahimi mentioned you in a comment");
    expect(mention?.text).toContain("Hva tenker du, @emily.carter? <b>ikke html</b>");
    expect(mention?.html).toContain("&lt;b&gt;ikke html&lt;/b&gt;");
    expect(mention?.text).toContain(`https://idehub.example.no/ideer/${idea.publicId}#comment-${commentId}`);

    await hideComment({ user: coordinator, commentId, reason: "Personopplysninger i teksten" });
    await dispatchOutbox();
    const [hidden] = await mailboxMessagesTo(testDb.db, "ahmed.rahimi@drammen.example.no").then((all) => all.filter((m) => m.tags.kind === "comment_hidden"));
    expect(hidden?.subject).toBe("Kommentaren din ble skjult");
    expect(hidden?.text).toContain("Begrunnelse: Personopplysninger i teksten");

    const notification = await asService("test: notification", (trx) =>
      trx.selectFrom("notifications").select(["kind", "title_key", "values"]).where("recipient_id", "=", emily.id).where("kind", "=", "comment_mention").executeTakeFirstOrThrow(),
    );
    expect(notificationText(await getTranslator("en"), "en", notification)).toBe("Ahmed Rahimi mentioned you in a comment on “Felles oppskrift for medisindispensere”");
    expect(notificationText(await getTranslator("nn"), "nn", notification)).toBe("Ahmed Rahimi nemnde deg i ein kommentar på «Felles oppskrift for medisindispensere»");
  });
});
