import { z } from "zod";
import { withUser, type SessionUser } from "~/db/client.server";

export const MarkNotificationsReadSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark-read"), notificationId: z.string().uuid() }),
  z.object({ intent: z.literal("mark-all-read") }),
]);
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadSchema>;

/**
 * Marks one or all of the user's notifications read; returns how many changed. Another user's
 * notification id changes nothing (row-level security), and marking twice keeps the first time.
 */
export async function markNotificationsRead({
  user,
  input,
  now = new Date(),
}: {
  user: SessionUser;
  input: MarkNotificationsReadInput;
  now?: Date;
}): Promise<number> {
  return withUser(user, async (trx) => {
    let query = trx.updateTable("notifications").set({ read_at: now }).where("recipient_id", "=", user.id).where("read_at", "is", null);
    if (input.intent === "mark-read") query = query.where("id", "=", input.notificationId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}
