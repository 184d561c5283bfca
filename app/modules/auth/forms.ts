import { z } from "zod";
import { hasAtLeastCharacters } from "~/utils/character-count";
import { emailAddressSchema } from "./email-address";

// One schema per form, shared by Conform in the browser and the action. Messages are keys in
// app/locales/<lng>/auth.json.

export const requestSignInSchema = z.object({
  email: emailAddressSchema,
  redirectTo: z.string().max(2000).optional(),
});

export const verifyCodeSchema = z.object({
  email: emailAddressSchema,
  code: z
    .string({ required_error: "errors.codeRequired" })
    .trim()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "errors.codeFormat")),
  redirectTo: z.string().max(2000).optional(),
});

export const demoSignInSchema = z.object({
  profileId: z.string().uuid(),
});

export const onboardingSchema = z.object({
  fullName: z
    .string({ required_error: "errors.fullNameRequired" })
    .trim()
    .min(2, "errors.fullNameRequired")
    .max(200, "errors.fullNameTooLong")
    .refine(hasAtLeastCharacters(2), "errors.fullNameRequired"),
  unitId: z.string({ required_error: "errors.unitRequired" }).uuid("errors.unitRequired"),
  jobTitle: z
    .string({ required_error: "errors.jobTitleRequired" })
    .trim()
    .min(2, "errors.jobTitleRequired")
    .max(120, "errors.jobTitleTooLong")
    .refine(hasAtLeastCharacters(2), "errors.jobTitleRequired"),
  redirectTo: z.string().max(2000).optional(),
});

export type OnboardingInput = z.infer<typeof onboardingSchema>;
