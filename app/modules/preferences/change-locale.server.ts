import { z } from "zod";
import { withUser, type SessionUser } from "~/db/client.server";
import { supportedLocales, type SupportedLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";

export const ChangeLocaleSchema = z.object({
  locale: z.enum(supportedLocales),
  redirectTo: z.string().max(2000).optional(),
});

type ChangeLocaleOptions = {
  locale: SupportedLocale;
  /** When signed in, the choice is also stored on the profile so it follows the user across devices. */
  user: SessionUser | null;
};

/** Stores the language choice; returns the Set-Cookie header value that remembers it in this browser. */
export async function changeLocale({ locale, user }: ChangeLocaleOptions): Promise<string> {
  if (user) {
    await withUser(user, (trx) => trx.updateTable("profiles").set({ locale }).where("id", "=", user.id).execute());
  }
  return localeCookie.serialize(locale);
}
