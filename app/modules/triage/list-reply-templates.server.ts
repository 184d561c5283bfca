import { withUser, type SessionUser } from "~/db/client.server";

/** The network's reply templates (RLS: members only), in the coordinators' order. */
export async function listReplyTemplates(options: { user: SessionUser; networkId: string }) {
  return withUser(options.user, (trx) =>
    trx
      .selectFrom("reply_templates")
      .select(["id", "title", "body", "to_status", "sort_order"])
      .where("network_id", "=", options.networkId)
      .orderBy("sort_order")
      .orderBy("title")
      .execute(),
  );
}
