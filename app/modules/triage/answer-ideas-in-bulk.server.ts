import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { answerInTransaction } from "./change-idea-status.server";
import { mapTriageErrors } from "./triage-db-errors.server";

/**
 * The same answer to several ideas at once: one answer row (and e-mail) per idea, all or nothing.
 * With `networkId`, every idea must belong to that network (the inbox the form came from). With
 * `fromStatuses` (what the inbox showed), an idea someone else answered meanwhile stops the whole
 * batch: "bulk_stale", nothing sent.
 */
export async function answerIdeasInBulk(options: {
  user: SessionUser;
  ideaIds: string[];
  toStatus: IdeaStatus;
  body: string;
  networkId?: string;
  fromStatuses?: Partial<Record<string, IdeaStatus>>;
}) {
  const ideaIds = [...new Set(options.ideaIds)];
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      if (options.networkId) {
        const inNetwork = await trx.selectFrom("ideas").select("id").where("id", "in", ideaIds).where("network_id", "=", options.networkId).execute();
        if (inNetwork.length !== ideaIds.length) throw new AppError("idea_not_found");
      }
      const answers = [];
      for (const ideaId of ideaIds) {
        const fromStatus = options.fromStatuses?.[ideaId];
        try {
          answers.push(await answerInTransaction(trx, options.user, { ideaId, toStatus: options.toStatus, body: options.body, fromStatus }));
        } catch (error) {
          if (error instanceof AppError && error.code === "idea_stale") throw new AppError("bulk_stale");
          throw error;
        }
      }
      return { count: answers.length };
    }),
  );
}
