import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { getSessionUser } from "~/modules/auth/current-user.server";
import { safeRedirect } from "~/modules/auth/safe-redirect";
import { ChangeLocaleSchema, changeLocale } from "~/modules/preferences/change-locale.server";
import { getRequestLocale } from "~/i18n/i18n.server";

/** The switcher posts here; a plain GET has nothing to show. */
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = ChangeLocaleSchema.safeParse(form);
  if (!parsed.success) {
    const t = await getTranslator(await getRequestLocale(request));
    throw new Response(t("language.invalid"), { status: 400 });
  }
  const user = await getSessionUser(request);
  const setCookie = await changeLocale({ locale: parsed.data.locale, user });
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": setCookie } });
}
