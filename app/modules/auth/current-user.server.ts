import { redirect } from "@remix-run/node";
import { withUser, type SessionUser } from "~/db/client.server";
import type { Locale, PlatformRole } from "~/db/schema";
import { getSession } from "./session.server";

export type CurrentUser = {
  id: string;
  email: string;
  fullName: string;
  organisationId: string;
  organisationName: string;
  unitId: string | null;
  jobTitle: string | null;
  locale: Locale;
  platformRole: PlatformRole;
  onboarded: boolean;
  /** Networks the user belongs to, with their role there. */
  networks: { id: string; slug: string; name: string; role: "member" | "coordinator" }[];
};

/** The auth user behind this request, if the session is valid and not expired. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  const email = session.get("email");
  const expiresAt = session.get("expiresAt");
  if (!userId || !email || !expiresAt || expiresAt < Date.now()) return null;
  return { id: userId, email };
}

export async function loadCurrentUser(user: SessionUser): Promise<CurrentUser | null> {
  return withUser(user, async (trx) => {
    const profile = await trx
      .selectFrom("profiles")
      .innerJoin("organisations", "organisations.id", "profiles.organisation_id")
      .select([
        "profiles.id",
        "profiles.email",
        "profiles.full_name",
        "profiles.organisation_id",
        "organisations.name as organisation_name",
        "profiles.unit_id",
        "profiles.job_title",
        "profiles.locale",
        "profiles.platform_role",
        "profiles.onboarded_at",
      ])
      .where("profiles.id", "=", user.id)
      .executeTakeFirst();
    if (!profile) return null;
    const networks = await trx
      .selectFrom("network_members")
      .innerJoin("networks", "networks.id", "network_members.network_id")
      .select(["networks.id", "networks.slug", "networks.name", "network_members.role"])
      .where("network_members.profile_id", "=", user.id)
      .orderBy("networks.name")
      .execute();
    return {
      id: profile.id,
      email: profile.email,
      fullName: profile.full_name,
      organisationId: profile.organisation_id,
      organisationName: profile.organisation_name,
      unitId: profile.unit_id,
      jobTitle: profile.job_title,
      locale: profile.locale,
      platformRole: profile.platform_role,
      onboarded: profile.onboarded_at !== null,
      networks,
    };
  });
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const sessionUser = await getSessionUser(request);
  return sessionUser ? loadCurrentUser(sessionUser) : null;
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/logg-inn?redirectTo=${encodeURIComponent(redirectTo)}`);
}

/** First line of any loader/action that needs a signed-in user who has finished onboarding. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  if (!user.onboarded) throw redirect(`/velkommen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return user;
}
