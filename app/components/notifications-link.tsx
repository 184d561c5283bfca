import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The header's way to /varsler; the unread count is written out ("Varsler (3 uleste)"), not only shown by colour. */
export function NotificationsLink({ unread }: { unread: number }) {
  const { t } = useTranslation("notifications");
  return (
    <Link
      to="/varsler"
      data-testid="notifications-link"
      className={`rounded px-2 py-1.5 text-sm font-semibold no-underline hover:underline ${
        unread > 0 ? "bg-brand-700 text-white hover:bg-brand-800 hover:text-white" : "text-brand-800 hover:text-brand-900"
      }`}
    >
      {unread > 0 ? t("header.linkUnread", { count: unread }) : t("header.link")}
    </Link>
  );
}
