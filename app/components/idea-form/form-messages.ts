import { useTranslation } from "react-i18next";

/**
 * Form errors travel through Conform as strings. A message is a translation key in the "idea-form"
 * namespace (or "namespace:key"), optionally followed by "|" and JSON interpolation values, so a
 * server-found problem can name the file or the masked number it is about.
 */
export type FormMessage = { key: string; values?: Record<string, string | number> };

const SEPARATOR = "|";

export function encodeMessage(key: string, values?: Record<string, string | number>): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

export function decodeMessage(message: string): FormMessage {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { key: message };
  try {
    const values = JSON.parse(message.slice(at + 1)) as Record<string, string | number>;
    return { key: message.slice(0, at), values };
  } catch {
    return { key: message.slice(0, at) };
  }
}

/** Translates encoded messages in the user's language. */
export function useFormMessage() {
  const { t } = useTranslation("idea-form");
  return (message: string) => {
    const { key, values } = decodeMessage(message);
    return t(key, { ...values, defaultValue: t("form.errors.submitFailed") });
  };
}
