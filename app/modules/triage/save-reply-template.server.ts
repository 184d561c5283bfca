import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import { AppError } from "~/utils/app-error";
import { mapTriageErrors } from "./triage-db-errors.server";

/** Creates or edits a reply template (RLS: the network's coordinators and admins). */
export async function saveReplyTemplate(options: {
  user: SessionUser;
  networkId: string;
  templateId?: string;
  title: string;
  body: string;
  toStatus?: IdeaStatus | null;
  sortOrder?: number;
}) {
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      const values = { title: options.title, body: options.body, to_status: options.toStatus ?? null, sort_order: options.sortOrder ?? 0 };
      if (options.templateId) {
        const row = await trx
          .updateTable("reply_templates")
          .set(values)
          .where("id", "=", options.templateId)
          .where("network_id", "=", options.networkId)
          .returning("id")
          .executeTakeFirst();
        if (!row) throw new AppError("template_not_found");
        return row;
      }
      return trx.insertInto("reply_templates").values({ network_id: options.networkId, ...values }).returning("id").executeTakeFirstOrThrow();
    }),
  );
}
