import { redirect } from "@remix-run/node";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { getDatabase, withUser, type Db, type SessionUser } from "~/db/client.server";
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
  /** Unread notifications, for the header's count. */
  unreadNotifications: number;
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

// Lookups in progress, per database and user. Remix runs the root loader and the page's loader at
// the same time and both need the user: they (and any other request of the same user arriving
// meanwhile) share one read instead of two transactions. Nothing is kept once the read is done, so
// a request sees the profile as it was at most one in-flight read (a few milliseconds) before it
// arrived; a changed role or removed membership counts from the next read on.
const inFlight = new WeakMap<Db, Map<string, Promise<CurrentUser | null>>>();

export function loadCurrentUser(user: SessionUser): Promise<CurrentUser | null> {
  const db = getDatabase().db;
  let pending = inFlight.get(db);
  if (!pending) {
    pending = new Map();
    inFlight.set(db, pending);
  }
  const key = `${user.id}\n${user.email}`;
  const running = pending.get(key);
  if (running) return running;
  const map = pending;
  const read = readCurrentUser(user, db).finally(() => map.delete(key));
  pending.set(key, read);
  return read;
}

// One statement: the profile, its networks and the unread count for the header, which every page
// shows; separate reads cost a round trip (and for the count a transaction) each on every request.
async function readCurrentUser(user: SessionUser, db: Db): Promise<CurrentUser | null> {
  return withUser(user, async (trx) => {
    const profile = await trx
      .selectFrom("profiles")
      .innerJoin("organisations", "organisations.id", "profiles.organisation_id")
      .select((eb) => [
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
        jsonArrayFrom(
          eb
            .selectFrom("network_members")
            .innerJoin("networks", "networks.id", "network_members.network_id")
            .select(["networks.id", "networks.slug", "networks.name", "network_members.role"])
            .whereRef("network_members.profile_id", "=", "profiles.id")
            .orderBy("networks.name"),
        ).as("networks"),
        eb
          .selectFrom("notifications")
          .select((n) => n.fn.countAll<number>().as("count"))
          .whereRef("notifications.recipient_id", "=", "profiles.id")
          .where("notifications.read_at", "is", null)
          .as("unread_notifications"),
      ])
      .where("profiles.id", "=", user.id)
      .executeTakeFirst();
    if (!profile) return null;
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
      networks: profile.networks,
      unreadNotifications: Number(profile.unread_notifications ?? 0),
    };
  }, db);
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
