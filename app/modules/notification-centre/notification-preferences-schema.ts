import { z } from "zod";

export const emailModes = ["immediate", "daily_digest", "off"] as const;

/** The /innstillinger/varsler form; a missing checkbox means "off". */
export const NotificationPreferencesSchema = z.object({
  emailMode: z.enum(emailModes, { errorMap: () => ({ message: "notifications:settings.invalidMode" }) }),
  weeklyNetworkDigest: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "on" || value === "true"),
});
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesSchema>;
