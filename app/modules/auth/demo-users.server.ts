import { sql } from "kysely";
import { asService } from "~/db/client.server";
import type { Env } from "~/utils/env.server";
import { AuthError } from "./auth-error";
import type { SignInResult } from "./sign-in-result";

/** Demo sign-in exists only in demo mode and never in production, whatever else is set. */
export function demoSignInAllowed(env: Env): boolean {
  return env.DEMO_MODE && env.APP_ENV !== "production";
}

export type DemoUser = {
  id: string;
  fullName: string;
  email: string;
  jobTitle: string | null;
  organisationName: string;
  platformRole: string;
  /** The highest role in any network: coordinator > member, or null. */
  networkRole: "coordinator" | "member" | null;
};

const DEMO_EMAIL_PATTERN = "%example.no";

export async function listDemoUsers(env: Env): Promise<DemoUser[]> {
  if (!demoSignInAllowed(env)) return [];
  const rows = await asService("demo mode: list demo users for one-click sign-in", (trx) =>
    trx
      .selectFrom("profiles")
      .innerJoin("organisations", "organisations.id", "profiles.organisation_id")
      .select([
        "profiles.id",
        "profiles.full_name",
        "profiles.email",
        "profiles.job_title",
        "profiles.platform_role",
        "organisations.name as organisation_name",
        sql<string | null>`(select case when bool_or(nm.role = 'coordinator') then 'coordinator' when count(*) > 0 then 'member' end from public.network_members nm where nm.profile_id = profiles.id)`.as("network_role"),
      ])
      .where("profiles.email", "like", DEMO_EMAIL_PATTERN)
      .orderBy("organisations.name")
      .orderBy("profiles.full_name")
      .limit(200)
      .execute(),
  );
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    jobTitle: row.job_title,
    organisationName: row.organisation_name,
    platformRole: row.platform_role,
    networkRole: row.network_role === "coordinator" || row.network_role === "member" ? row.network_role : null,
  }));
}

export async function signInAsDemoUser(env: Env, profileId: string): Promise<SignInResult> {
  if (!demoSignInAllowed(env)) throw new AuthError("demoUnavailable");
  if (!/^[0-9a-f-]{36}$/i.test(profileId)) throw new AuthError("demoUnavailable");
  const profile = await asService("demo mode: one-click sign-in", (trx) =>
    trx
      .selectFrom("profiles")
      .select(["id", "email", "locale", "onboarded_at"])
      .where("id", "=", profileId)
      .where("email", "like", DEMO_EMAIL_PATTERN)
      .executeTakeFirst(),
  );
  if (!profile) throw new AuthError("demoUnavailable");
  return {
    user: { id: profile.id, email: profile.email },
    locale: profile.locale,
    onboarded: profile.onboarded_at !== null,
    redirectTo: null,
  };
}
