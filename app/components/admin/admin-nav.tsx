import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const adminLinks = [
  { to: "/admin", key: "nav.overview", end: true },
  { to: "/admin/organisasjoner", key: "nav.organisations" },
  { to: "/admin/nettverk", key: "nav.networks" },
  { to: "/admin/ruting", key: "nav.routing" },
  { to: "/admin/temaer", key: "nav.themes" },
  { to: "/admin/brukere", key: "nav.users" },
  { to: "/admin/logg", key: "nav.log" },
];
const coordinatorLinks = [
  { to: "/admin", key: "nav.overview", end: true },
  { to: "/admin/nettverk", key: "nav.networks" },
  { to: "/admin/logg", key: "nav.log" },
];

/** The administration's own sections; coordinators see only what they may manage. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <nav aria-label={t("nav.label")} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        {(isAdmin ? adminLinks : coordinatorLinks).map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) => (isActive ? "font-semibold text-brand-900 underline" : "text-brand-700 underline hover:text-brand-900")}
            >
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
