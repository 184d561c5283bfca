import type { AuthProvider } from "./auth-provider.server";
import { clientIp } from "./rate-limits.server";
import { requestSignInCode } from "./request-sign-in-code.server";
import { verifySignInCode } from "./verify-sign-in-code.server";
import { verifySignInLink } from "./verify-sign-in-link.server";

export function createLocalAuthProvider(): AuthProvider {
  return {
    kind: "local",
    async requestSignIn({ request, email, redirectTo, locale, now }) {
      await requestSignInCode({ email, redirectTo, locale, ip: clientIp(request), now });
      return { headers: new Headers() };
    },
    async verifyCode({ request, email, code, now }) {
      const result = await verifySignInCode({ email, code, ip: clientIp(request), now });
      return { result, headers: new Headers() };
    },
    async verifyLink({ request, now }) {
      const token = new URL(request.url).searchParams.get("token") ?? "";
      const result = await verifySignInLink({ token, now });
      return { result, headers: new Headers() };
    },
    async signOut() {
      return { headers: new Headers() };
    },
  };
}
