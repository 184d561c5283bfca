import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { OrganisationSchema } from "~/modules/admin/admin-schemas";
import { onboardingSchema } from "~/modules/auth/forms";
import { HideCommentSchema } from "~/modules/comments/comment-schema";
import { IdeaEditSchema } from "~/modules/ideas/idea-edit-schema";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { WithdrawIdeaSchema } from "~/modules/ideas/withdraw-idea-schema";
import { StoryFormSchema, StoryStatusSchema } from "~/modules/stories/story-form-schema";
import { TryStorySchema } from "~/modules/stories/try-story-schema";
import { ContestDecisionSchema } from "~/modules/triage/answer-feedback-schemas";
import { ChangeStatusSchema, CreateReplyTemplateSchema, TransferSchema } from "~/modules/triage/triage-schemas";
import { characterCount } from "~/utils/character-count";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The forms' "at least N characters" must count as the database's checks do (length(): code points),
// or a text that passes the form fails the insert with a server error.

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});

const SAMPLES = ["", "a", "æøå", "!𐀀", "😀😀", "👩‍⚕️ sykepleier", "e\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ola\u00a0Nordmann", "‮reversert"];

it("counts characters as PostgreSQL's length() does", async () => {
  const { rows } = await sql<{ n: number }>`select length(s)::int as n from unnest(${SAMPLES}::text[]) with ordinality as t(s, i) order by i`.execute(testDb.db);
  expect(rows.map((r) => r.n)).toEqual(SAMPLES.map(characterCount));
  expect(characterCount("!𐀀")).toBe(2);
  expect("!𐀀".length).toBe(3);
});

/** Long enough in UTF-16 units (String.length), one character short for the rule. */
const shortInCharacters = (min: number) => "😀" + "a".repeat(min - 2);
const justLongEnough = (min: number) => "å".repeat(min);

const VALID_IDEA = {
  idempotencyKey: crypto.randomUUID(),
  title: "Digitalt tilsyn om natten",
  problem: "Nattevakten kjører langt for å se til brukere som sover.",
  beneficiaries: "users_and_relatives",
  serviceAreaIds: crypto.randomUUID(),
  themeId: crypto.randomUUID(),
  privacyConfirmed: "on",
  onBehalf: "on",
  onBehalfEmail: "kollega@asker.example.no",
};

const RULES: { name: string; schema: ZodTypeAny; field: string; min: number; message: string; extra?: Record<string, unknown> }[] = [
  { name: "withdraw reason", schema: WithdrawIdeaSchema, field: "reason", min: 3, message: "withdraw.errors.reasonRequired" },
  { name: "idea title", schema: IdeaFormSchema, field: "title", min: 5, message: "form.errors.titleTooShort" },
  { name: "idea problem", schema: IdeaFormSchema, field: "problem", min: 10, message: "form.errors.problemTooShort" },
  { name: "edited title", schema: IdeaEditSchema, field: "title", min: 5, message: "edit.errors.titleTooShort" },
  { name: "edited problem", schema: IdeaEditSchema, field: "problem", min: 10, message: "edit.errors.problemTooShort" },
  { name: "on behalf of", schema: IdeaFormSchema, field: "onBehalfName", min: 2, message: "form.errors.onBehalfNameTooShort", extra: VALID_IDEA },
  { name: "story title", schema: StoryFormSchema, field: "title", min: 5, message: "form.errors.titleTooShort" },
  { name: "story summary", schema: StoryFormSchema, field: "summary", min: 20, message: "form.errors.summaryTooShort" },
  { name: "story change", schema: StoryFormSchema, field: "whatChanged", min: 10, message: "form.errors.whatChangedTooShort" },
  { name: "story return comment", schema: StoryStatusSchema, field: "comment", min: 3, message: "status.errors.commentRequired", extra: { intent: "return" } },
  { name: "story unpublish reason", schema: StoryStatusSchema, field: "reason", min: 3, message: "status.errors.reasonRequired", extra: { intent: "unpublish" } },
  { name: "try-it title", schema: TryStorySchema, field: "title", min: 5, message: "try.errors.titleTooShort" },
  { name: "try-it proposal", schema: TryStorySchema, field: "proposal", min: 10, message: "try.errors.proposalTooShort" },
  { name: "hide-comment reason", schema: HideCommentSchema, field: "reason", min: 3, message: "cocreation:errors.reason_required", extra: { intent: "hide" } },
  { name: "answer", schema: ChangeStatusSchema, field: "body", min: 10, message: "triage:errors.answerTooShort", extra: { intent: "status" } },
  { name: "transfer reason", schema: TransferSchema, field: "reason", min: 10, message: "triage:errors.reasonTooShort" },
  { name: "reply template title", schema: CreateReplyTemplateSchema, field: "title", min: 2, message: "triage:errors.titleRequired", extra: { intent: "create" } },
  { name: "contested decision", schema: ContestDecisionSchema, field: "body", min: 10, message: "triage:feedback.errors.contestTooShort", extra: { intent: "contest" } },
  { name: "organisation name", schema: OrganisationSchema, field: "name", min: 2, message: "admin:errors.name_length" },
  { name: "full name", schema: onboardingSchema, field: "fullName", min: 2, message: "errors.fullNameRequired" },
];

const errorsFor = (rule: (typeof RULES)[number], value: string) => {
  const result = rule.schema.safeParse({ ...rule.extra, [rule.field]: value });
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join(".") === rule.field).map((issue) => issue.message);
};

describe("every 'at least N characters' rule counts characters, not UTF-16 units", () => {
  for (const rule of RULES) {
    it(`${rule.name}: at least ${rule.min}`, () => {
      const short = shortInCharacters(rule.min);
      expect(short.length).toBeGreaterThanOrEqual(rule.min);
      expect(characterCount(short)).toBe(rule.min - 1);
      expect(errorsFor(rule, short)).toEqual([rule.message]);
      // Shorter in UTF-16 units as well: the message comes once, not twice.
      expect(errorsFor(rule, "å".repeat(rule.min - 1))).toEqual([rule.message]);
      expect(errorsFor(rule, justLongEnough(rule.min))).toEqual([]);
    });
  }
});
