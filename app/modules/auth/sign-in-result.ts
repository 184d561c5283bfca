import type { SessionUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";

/** What every successful sign-in path (code, link, demo, Supabase) hands to the route. */
export type SignInResult = {
  user: SessionUser;
  locale: Locale;
  onboarded: boolean;
  redirectTo: string | null;
};
