import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapTriageErrors } from "./triage-db-errors.server";
import { isAllowedTransition } from "./triage-vocabulary";

export type StatusChange = {
  ideaId: string;
  /** The status the form was showing; a different current status is a stale form. */
  fromStatus?: IdeaStatus;
  toStatus: IdeaStatus;
  body: string;
  lookAgainAt?: string | null;
  /** Public id (IDE-2026-0001) of the idea this one is merged into. */
  mergeIntoPublicId?: string | null;
};

/**
 * Writes the answer; the database applies the status, restarts the clock, records the timeline
 * and queues the e-mails to the submitter in the same transaction.
 */
export async function answerInTransaction(trx: Trx, user: SessionUser, change: StatusChange) {
  const idea = await trx.selectFrom("ideas").select(["id", "status", "network_id"]).where("id", "=", change.ideaId).executeTakeFirst();
  if (!idea) throw new AppError("idea_not_found");
  if (change.fromStatus && change.fromStatus !== idea.status) throw new AppError("idea_stale");
  if (!isAllowedTransition(idea.status, change.toStatus) && change.toStatus !== idea.status) throw new AppError("transition_not_allowed");
  if (idea.status === "withdrawn") throw new AppError("transition_not_allowed");
  let mergedIntoId: string | null = null;
  if (change.toStatus === "merged") {
    if (!change.mergeIntoPublicId) throw new AppError("merge_target_missing");
    const target = await trx
      .selectFrom("ideas")
      .select(["id", "status"])
      .where("public_id", "=", change.mergeIntoPublicId.toUpperCase())
      .executeTakeFirst();
    if (!target) throw new AppError("merge_target_missing");
    if (target.id === idea.id) throw new AppError("merge_into_itself");
    if (target.status === "merged") throw new AppError("merge_target_merged");
    mergedIntoId = target.id;
  }
  return trx
    .insertInto("idea_answers")
    .values({
      idea_id: idea.id,
      from_status: change.fromStatus ?? idea.status,
      to_status: change.toStatus,
      body: change.body,
      look_again_at: change.toStatus === "not_prioritised" ? (change.lookAgainAt ?? null) : null,
      merged_into_id: mergedIntoId,
    })
    .returning(["id", "on_time"])
    .executeTakeFirstOrThrow();
}

/** A network member (or admin) moves an idea, with the written answer the submitter receives. */
export async function changeIdeaStatus(options: { user: SessionUser; change: StatusChange }) {
  return mapTriageErrors(() => withUser(options.user, (trx) => answerInTransaction(trx, options.user, options.change)));
}
