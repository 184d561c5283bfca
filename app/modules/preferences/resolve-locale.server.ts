import { getRequestLocale } from "~/i18n/i18n.server";
import type { SupportedLocale } from "~/i18n/config";
import type { CurrentUser } from "~/modules/auth/current-user.server";

/**
 * The language a page is shown in: the signed-in user's profile wins, then the `lng` cookie,
 * then bokmål. The browser's Accept-Language is deliberately ignored (Norwegian first).
 */
export async function resolveLocale(request: Request, user: Pick<CurrentUser, "locale"> | null): Promise<SupportedLocale> {
  return user?.locale ?? (await getRequestLocale(request));
}
