import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlashMessage } from "~/components/idea/flash-message";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { linkClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { listNotifications } from "~/modules/notification-centre/list-notifications.server";
import { MarkNotificationsReadSchema, markNotificationsRead } from "~/modules/notification-centre/mark-notifications-read.server";
import { notificationText } from "~/modules/notification-centre/notification-text.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

function flashFor(search: URLSearchParams): string | null {
  const marked = search.get("lest");
  if (marked === "alle") return "notifications:centre.markedAllRead";
  if (marked === "1") return "notifications:centre.markedRead";
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const notifications = await listNotifications({ user });
  return {
    title: t("centre.title", { ns: "notifications" }),
    flash: flashFor(new URL(request.url).searchParams),
    notifications: notifications.map((n) => ({
      id: n.id,
      text: notificationText(t, locale, { kind: n.kind, title_key: n.titleKey, values: n.values }),
      link: n.link,
      publicId: typeof n.values.publicId === "string" ? n.values.publicId : null,
      unread: n.readAt === null,
      createdAt: displayDate(n.createdAt, locale, true),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = MarkNotificationsReadSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const t = await getTranslator(await resolveLocale(request, user));
    throw new Response(t("centre.invalid", { ns: "notifications" }), { status: 400 });
  }
  await markNotificationsRead({ user, input: parsed.data });
  return redirect(parsed.data.intent === "mark-all-read" ? "/varsler?lest=alle" : "/varsler?lest=1");
}

export default function NotificationCentrePage() {
  const { notifications, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <div className="max-w-3xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("centre.title")}</h1>
      <p className="mt-2 text-lg">{t("centre.intro")}</p>
      <p className="mt-2">
        <Link to="/innstillinger/varsler" className={linkClass}>
          {t("centre.settingsLink")}
        </Link>
      </p>
      {notifications.length === 0 ? (
        <p className="mt-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">{t("centre.empty")}</p>
      ) : (
        <>
          <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
            <p className="font-semibold" data-testid="unread-summary">
              {unread > 0 ? t("centre.unreadSummary", { count: unread }) : t("centre.allReadSummary")}
            </p>
            {unread > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="mark-all-read" />
                <button type="submit" className={primaryButtonClass}>
                  {t("centre.markAllRead")}
                </button>
              </Form>
            ) : null}
          </div>
          <ul className="mt-6 space-y-4" aria-label={t("centre.listLabel")}>
            {notifications.map((n) => (
              <li
                key={n.id}
                className={`rounded-lg border p-4 ${n.unread ? "border-l-4 border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
                data-testid="notification"
              >
                <p className="text-sm font-semibold uppercase tracking-wide">
                  {n.unread ? <span className="text-brand-900">{t("centre.unread")}</span> : <span className="text-slate-700">{t("centre.read")}</span>}
                </p>
                <p className={`mt-1 break-words ${n.unread ? "font-semibold" : ""}`}>{n.text}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {t("centre.received")} <time dateTime={n.createdAt.iso}>{n.createdAt.text}</time>
                </p>
                <div className="mt-3 flex flex-wrap items-center gap-4">
                  {n.link ? (
                    <Link to={n.link} className={linkClass}>
                      {t("centre.openIdea")}
                      {n.publicId ? <span className="sr-only"> {n.publicId}</span> : null}
                    </Link>
                  ) : null}
                  {n.unread ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="mark-read" />
                      <input type="hidden" name="notificationId" value={n.id} />
                      <button type="submit" className={secondaryButtonClass}>
                        {t("centre.markRead")}
                        <span className="sr-only">: {n.text}</span>
                      </button>
                    </Form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
