import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { EvaluationCriterion } from "~/db/schema";
import { mapTriageErrors } from "./triage-db-errors.server";

export type EvaluationScore = { criterion: EvaluationCriterion; score: number | null; note: string | null };

/** The signed-in member's own scores for an idea; a criterion without a score is removed. */
export async function saveEvaluation(options: { user: SessionUser; ideaId: string; scores: EvaluationScore[] }) {
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      for (const { criterion, score, note } of options.scores) {
        if (score === null) {
          await trx
            .deleteFrom("idea_evaluations")
            .where("idea_id", "=", options.ideaId)
            .where("evaluator_id", "=", options.user.id)
            .where("criterion", "=", criterion)
            .execute();
          continue;
        }
        await trx
          .insertInto("idea_evaluations")
          .values({ idea_id: options.ideaId, evaluator_id: options.user.id, criterion, score, note: note || null })
          .onConflict((oc) => oc.columns(["idea_id", "evaluator_id", "criterion"]).doUpdateSet({ score, note: note || null, updated_at: sql`now()` }))
          .execute();
      }
    }),
  );
}
