import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { answerInTransaction } from "./change-idea-status.server";
import { mapTriageErrors } from "./triage-db-errors.server";

/** The same answer to several ideas at once: one answer row (and e-mail) per idea, all or nothing. */
export async function answerIdeasInBulk(options: { user: SessionUser; ideaIds: string[]; toStatus: IdeaStatus; body: string }) {
  const ideaIds = [...new Set(options.ideaIds)];
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      const answers = [];
      for (const ideaId of ideaIds) {
        answers.push(await answerInTransaction(trx, options.user, { ideaId, toStatus: options.toStatus, body: options.body }));
      }
      return { count: answers.length };
    }),
  );
}
