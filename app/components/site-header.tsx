import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SupportedLocale } from "~/i18n/config";
import { AccountStatus } from "./account-status";
import { LanguageSwitcher } from "./language-switcher";
import { NotificationsLink } from "./notifications-link";
import { PrimaryNav } from "./primary-nav";
import type { ShellUser } from "./shell-user";

export function SiteHeader({ user, locale, unreadNotifications = 0 }: { user: ShellUser | null; locale: SupportedLocale; unreadNotifications?: number }) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link to="/" className="text-xl font-bold text-brand-800 no-underline hover:text-brand-900" aria-label={t("header.homeLink")}>
          {t("app.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:ml-auto">
          <LanguageSwitcher current={locale} />
          {user?.onboarded ? <NotificationsLink unread={unreadNotifications} /> : null}
          <AccountStatus user={user} />
        </div>
      </div>
      <PrimaryNav user={user} />
    </header>
  );
}
