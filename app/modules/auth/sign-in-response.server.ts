import { redirect } from "@remix-run/node";
import { localeCookie } from "~/i18n/i18n.server";
import { safeRedirect } from "./safe-redirect";
import { commitUserSession } from "./session.server";
import type { SignInResult } from "./sign-in-result";

/** Where a signed-in user goes next: onboarding first, then a safe same-site path. */
export function nextPathAfterSignIn(result: Pick<SignInResult, "onboarded" | "redirectTo">): string {
  const target = safeRedirect(result.redirectTo);
  if (!result.onboarded) return target === "/" ? "/velkommen" : `/velkommen?redirectTo=${encodeURIComponent(target)}`;
  return target;
}

/** The redirect that starts the session: app session cookie, language cookie, provider cookies. */
export async function signInResponse(request: Request, result: SignInResult, providerHeaders?: Headers, now?: Date) {
  const headers = new Headers(providerHeaders);
  headers.append("Set-Cookie", await commitUserSession(request, result.user, now));
  headers.append("Set-Cookie", await localeCookie.serialize(result.locale));
  return redirect(nextPathAfterSignIn(result), { headers });
}
