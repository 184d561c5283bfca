import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "~/db/client.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { answerCocreation } from "~/modules/cocreators/answer-cocreation.server";
import { inviteCocreator } from "~/modules/cocreators/invite-cocreator.server";
import { followIdea } from "~/modules/follows/follow-idea.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { supportIdea } from "~/modules/ideas/support-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
type User = Awaited<ReturnType<typeof demoUser>>;
let kari: User; // Asker
let hilde: User; // Asker
let ahmed: User; // Drammen
let privateIdea: { ideaId: string; publicId: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  const ref = await loadReference(testDb.db);
  kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  hilde = await demoUser(testDb.db, "hilde.strand@asker.example.no");
  ahmed = await demoUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  privateIdea = await submitIdea({
    user: kari,
    input: IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Intern rutine for vaktbytte i Asker",
      problem: "Vaktbytter avtales på lapper og blir borte før de når turnuskontoret.",
      beneficiaries: ["staff_and_leaders"],
      serviceAreaIds: [ref.serviceArea("sykehjem")],
      themeId: ref.theme("rutiner-og-organisering"),
      visibility: "organisation",
      privacyConfirmed: "on",
    }),
    proposal: plainTextToRichTextState("Et forslag med nok tekst til å bli godtatt."),
  });
  await addComment({ user: hilde, ideaId: privateIdea.ideaId, body: "Dette trenger vi på sykehjemmet også." });
  await supportIdea({ user: hilde, ideaId: privateIdea.ideaId });
  await followIdea({ user: hilde, ideaId: privateIdea.ideaId });
  const { cocreatorId } = await inviteCocreator({ user: kari, ideaId: privateIdea.ideaId, email: hilde.email });
  await answerCocreation({ user: hilde, ideaId: privateIdea.ideaId, cocreatorId, accept: true });
});
afterAll(async () => {
  await testDb.close();
});

type Counts = { comments: number; view: number; supports: number; summary: number; sameNeed: number; cocreators: number; cocreatorView: number; events: number };
const countsFor = (user: User) =>
  withUser(user, async (trx) => {
    const { rows } = await sql<Counts>`select
        (select count(*)::int from public.idea_comments where idea_id = ${privateIdea.ideaId}) as comments,
        (select count(*)::int from public.idea_comment_view(${privateIdea.ideaId})) as view,
        (select count(*)::int from public.idea_supports where idea_id = ${privateIdea.ideaId}) as supports,
        (select coalesce(sum(supporters), 0)::int from public.idea_support_summary(${privateIdea.ideaId})) as summary,
        (select count(*)::int from public.idea_same_need where idea_id = ${privateIdea.ideaId}) as "sameNeed",
        (select count(*)::int from public.idea_cocreators where idea_id = ${privateIdea.ideaId}) as cocreators,
        (select count(*)::int from public.idea_cocreator_view(${privateIdea.ideaId})) as "cocreatorView",
        (select count(*)::int from public.idea_events where idea_id = ${privateIdea.ideaId}) as events`.execute(trx);
    return rows[0]!;
  });

describe("a private idea of one organisation", () => {
  it("shows its comments, supporters and co-creators inside the organisation", async () => {
    const inside = await countsFor(kari);
    expect(inside).toMatchObject({ comments: 1, view: 1, supports: 1, summary: 1, cocreators: 1, cocreatorView: 1 });
    expect(inside.events).toBeGreaterThan(0);
  });

  it("is invisible in another organisation's comments and counts", async () => {
    expect(await countsFor(ahmed)).toEqual({ comments: 0, view: 0, supports: 0, summary: 0, sameNeed: 0, cocreators: 0, cocreatorView: 0, events: 0 });
  });
});
