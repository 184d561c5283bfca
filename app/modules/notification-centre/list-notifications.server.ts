import { withUser, type SessionUser } from "~/db/client.server";

export type NotificationItem = {
  id: string;
  kind: string;
  titleKey: string;
  values: Record<string, unknown>;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** The signed-in user's notifications, newest first (row-level security keeps them to their own). */
export async function listNotifications({ user, limit = 100 }: { user: SessionUser; limit?: number }): Promise<NotificationItem[]> {
  const rows = await withUser(user, (trx) =>
    trx
      .selectFrom("notifications")
      .select(["id", "kind", "title_key", "values", "link", "read_at", "created_at"])
      .where("recipient_id", "=", user.id)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    titleKey: r.title_key,
    values: r.values,
    link: r.link,
    readAt: r.read_at,
    createdAt: r.created_at,
  }));
}
