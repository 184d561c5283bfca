import type { CurrentUser } from "~/modules/auth/current-user.server";

export type AdminAccess = {
  isAdmin: boolean;
  /** Networks the user coordinates (an admin manages every network, listed or not). */
  coordinatedNetworkIds: string[];
};

export function adminAccess(user: CurrentUser): AdminAccess {
  return {
    isAdmin: user.platformRole === "admin",
    coordinatedNetworkIds: user.networks.filter((n) => n.role === "coordinator").map((n) => n.id),
  };
}

/** Who may open /admin at all: platform admins and network coordinators. */
export function canOpenAdministration(user: CurrentUser) {
  const access = adminAccess(user);
  return access.isAdmin || access.coordinatedNetworkIds.length > 0;
}

/** Guards for loaders and actions: a 403 page for anyone else (the database refuses them too). */
export function requireAdministration(user: CurrentUser) {
  if (!canOpenAdministration(user)) throw new Response(null, { status: 403 });
  return adminAccess(user);
}

export function requirePlatformAdmin(user: CurrentUser) {
  const access = adminAccess(user);
  if (!access.isAdmin) throw new Response(null, { status: 403 });
  return access;
}
