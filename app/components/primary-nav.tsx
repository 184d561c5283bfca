import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { visibleNavItems } from "./navigation";
import type { ShellUser } from "./shell-user";

/** Wraps onto several lines on narrow screens rather than hiding behind a script-driven menu. */
export function PrimaryNav({ user }: { user: ShellUser | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.label")} className="bg-brand-800">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 px-2 sm:px-4">
        {visibleNavItems(user).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                [
                  "inline-block px-3 py-3 text-white no-underline hover:bg-brand-900 hover:text-white hover:underline focus-visible:outline-white focus-visible:-outline-offset-4",
                  isActive ? "font-semibold underline decoration-2 underline-offset-4" : "",
                ].join(" ")
              }
            >
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
