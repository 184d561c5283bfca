import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getRequestLocale, getTranslator } from "~/i18n/i18n.server";
import { listMailboxMessages } from "~/modules/mail/mailbox-messages.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "HelseHub Idéhub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!getEnv().DEMO_MODE) throw new Response("Not Found", { status: 404 });
  const t = await getTranslator(await getRequestLocale(request));
  const messages = await listMailboxMessages();
  return {
    title: `${t("mailbox.title", { ns: "mail" })} – HelseHub Idéhub`,
    messages: messages.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, sentAt: m.created_at.toISOString() })),
  };
}

export default function MailboxPage() {
  const { messages } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("mail");
  const format = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "nb-NO", { dateStyle: "short", timeStyle: "medium" });
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold text-gray-900">{t("mailbox.title")}</h1>
      <p className="mt-2 text-gray-700">{t("mailbox.intro")}</p>
      {messages.length === 0 ? (
        <p className="mt-6">{t("mailbox.empty")}</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left" data-testid="mailbox">
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="py-2 pr-4">{t("mailbox.to")}</th>
              <th scope="col" className="py-2 pr-4">{t("mailbox.subject")}</th>
              <th scope="col" className="py-2">{t("mailbox.sentAt")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} className="border-b border-gray-200" data-to={m.to}>
                <td className="py-2 pr-4 break-all">{m.to}</td>
                <td className="py-2 pr-4">
                  <Link to={`/dev/mailbox/${m.id}`} className="text-brand-700 underline hover:text-brand-900">
                    {m.subject}
                  </Link>
                </td>
                <td className="py-2 whitespace-nowrap">
                  <time dateTime={m.sentAt}>{format.format(new Date(m.sentAt))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
