import { z } from "zod";

/** Lower-cased, trimmed e-mail; the error message is a key in auth.json ("errors.emailInvalid"). */
export const emailAddressSchema = z
  .string({ required_error: "errors.emailRequired" })
  .trim()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailInvalid")
  .email("errors.emailInvalid")
  .transform((value) => value.toLowerCase());

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** "kari.lunde" → "Kari Lunde": a first guess at the name until the user fills it in. */
export function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf("@"));
  const name = local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
  return (name || local || email).slice(0, 200);
}
