import type { SessionUser, Trx } from "~/db/client.server";
import { withAnon, withUser } from "~/db/client.server";
import type { PlatformRole } from "~/db/schema";

/** Who reads stories: a signed-in user (with organisation, role and networks) or nobody (public). */
export type StoryViewer =
  | (SessionUser & { organisationId: string; platformRole: PlatformRole; networks: { id: string; role: "member" | "coordinator" }[] })
  | null;

/** Runs read work under RLS as the viewer, or as an anonymous visitor. */
export function asViewer<T>(viewer: StoryViewer, work: (trx: Trx) => Promise<T>): Promise<T> {
  return viewer ? withUser(viewer, work) : withAnon(work);
}

export function canReviewIn(viewer: StoryViewer, networkId: string): boolean {
  if (!viewer) return false;
  return viewer.platformRole === "admin" || viewer.networks.some((n) => n.id === networkId && n.role === "coordinator");
}
