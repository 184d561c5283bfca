import type { ShellUser } from "./shell-user";

export type NavItem = {
  to: string;
  /** Key in the `common` namespace (or `namespace:key`). */
  labelKey: string;
  /** Exact match for the active state (for "/"). */
  end?: boolean;
  /** Hide the item from people who should not see it; shown to everyone when omitted. */
  visible?: (user: ShellUser | null) => boolean;
};

/** The primary navigation. Later features add their entries here. */
export const primaryNavItems: NavItem[] = [
  { to: "/", labelKey: "nav.home", end: true },
  { to: "/ideer", labelKey: "search:nav.allIdeas", end: true, visible: (user) => user !== null },
  { to: "/ideer/ny", labelKey: "idea-form:nav.submitIdea", visible: (user) => user !== null },
  { to: "/mine-forslag", labelKey: "my-ideas:nav.myIdeas", visible: (user) => user !== null },
  // Public stories exist, so this entry is shown to signed-out visitors too.
  { to: "/historier", labelKey: "stories:nav.stories" },
  { to: "/nettverk", labelKey: "triage:nav.inbox", visible: (user) => Boolean(user?.isNetworkMember) },
  { to: "/innsikt", labelKey: "insight:nav.insight", visible: (user) => Boolean(user && (user.isNetworkMember || user.platformRole !== "employee")) },
  { to: "/admin", labelKey: "admin:nav.administration", visible: (user) => Boolean(user && (user.platformRole === "admin" || user.isCoordinator)) },
];

export function visibleNavItems(user: ShellUser | null, items: NavItem[] = primaryNavItems) {
  return items.filter((item) => !item.visible || item.visible(user));
}
