import { getEnv, type Env } from "~/utils/env.server";
import { createMailboxMailer } from "./mailbox-mailer.server";
import { createResendMailer } from "./resend-mailer.server";
import type { Mailer } from "./mailer-port.server";

export { MailDeliveryError, type MailMessage, type Mailer } from "./mailer-port.server";

let chosen: { env: Env; mailer: Mailer } | undefined;

/** The adapter named by MAILER: the local mailbox (demo/dev/test) or Resend. */
export function getMailer(): Mailer {
  const env = getEnv();
  if (chosen?.env !== env) {
    const mailer =
      env.MAILER === "resend"
        ? createResendMailer({ apiKey: env.RESEND_API_KEY ?? "", from: env.MAIL_FROM })
        : createMailboxMailer();
    chosen = { env, mailer };
  }
  return chosen.mailer;
}
