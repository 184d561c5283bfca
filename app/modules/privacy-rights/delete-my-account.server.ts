import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import { getFileStorage } from "~/modules/storage/file-storage.server";
import { AppError } from "~/utils/app-error";

/**
 * Deletes the signed-in person's account in one transaction (public.delete_my_account): their
 * ideas and comments stay as "tidligere ansatt", the audit log records the event without them.
 * Then the files of their unsent drafts are removed from storage.
 */
export async function deleteMyAccount(options: { user: SessionUser; confirmEmail: string }) {
  if (options.confirmEmail.trim().toLowerCase() !== options.user.email.toLowerCase()) throw new AppError("confirm_mismatch");
  const files = await withUser(options.user, async (trx) => {
    const { rows } = await sql<{ files: string[] }>`select public.delete_my_account() as files`.execute(trx);
    return rows[0]?.files ?? [];
  });
  const storage = getFileStorage();
  for (const key of files) {
    // The account is already gone; a file left behind is unreachable, so this must not fail the request.
    await storage.delete(key).catch(() => undefined);
  }
  return { removedFiles: files.length };
}
