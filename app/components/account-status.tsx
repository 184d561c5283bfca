import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ShellUser } from "./shell-user";

export function AccountStatus({ user }: { user: ShellUser | null }) {
  const { t } = useTranslation();
  if (!user) {
    return (
      <Link
        to="/logg-inn"
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
      >
        {t("account.signIn")}
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p className="leading-tight">
        <span className="sr-only">{t("account.signedInAs")} </span>
        <span className="font-semibold" data-testid="current-user-name">
          {user.fullName || user.email}
        </span>
        <span className="block text-slate-700">{user.organisationName}</span>
      </p>
      <form method="post" action="/logg-ut">
        <button
          type="submit"
          className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:border-brand-700 hover:bg-brand-50"
        >
          {t("account.signOut")}
        </button>
      </form>
    </div>
  );
}
