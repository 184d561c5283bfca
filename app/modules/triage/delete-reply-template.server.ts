import { withUser, type SessionUser } from "~/db/client.server";
import { AppError } from "~/utils/app-error";
import { mapTriageErrors } from "./triage-db-errors.server";

/** Removes one of the network's reply templates (RLS: the network's coordinators and admins). */
export async function deleteReplyTemplate(options: { user: SessionUser; networkId: string; templateId: string }) {
  return mapTriageErrors(() =>
    withUser(options.user, async (trx) => {
      const row = await trx
        .deleteFrom("reply_templates")
        .where("id", "=", options.templateId)
        .where("network_id", "=", options.networkId)
        .returning("id")
        .executeTakeFirst();
      if (!row) throw new AppError("template_not_found");
      return row;
    }),
  );
}
