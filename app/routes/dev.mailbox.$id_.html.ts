import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxMessage } from "~/modules/mail/mailbox-messages.server";
import { FRAMED_MAIL_POLICY } from "~/modules/security/content-security-policy.server";
import { getEnv } from "~/utils/env.server";

/**
 * A mail's HTML for the sandboxed frame on /dev/mailbox/:id. Its own document (not srcdoc, which
 * would inherit the portal's policy and refuse the mail's inline styles), with a policy that
 * allows those styles and nothing that runs or loads from elsewhere.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!getEnv().DEMO_MODE) throw new Response("Not Found", { status: 404 });
  const message = await getMailboxMessage(params.id ?? "");
  if (!message) throw new Response("Not Found", { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": FRAMED_MAIL_POLICY,
      "X-Frame-Options": "SAMEORIGIN",
      "Cache-Control": "no-store",
    },
  });
}
