import type { CurrentUser } from "~/modules/auth/current-user.server";

/** What the page shell knows about the signed-in user (sent to the browser, so kept small). */
export type ShellUser = {
  fullName: string;
  email: string;
  organisationName: string;
  platformRole: CurrentUser["platformRole"];
  onboarded: boolean;
  isNetworkMember: boolean;
  isCoordinator: boolean;
};

export function toShellUser(user: CurrentUser): ShellUser {
  return {
    fullName: user.fullName,
    email: user.email,
    organisationName: user.organisationName,
    platformRole: user.platformRole,
    onboarded: user.onboarded,
    isNetworkMember: user.networks.length > 0,
    isCoordinator: user.networks.some((n) => n.role === "coordinator"),
  };
}
