import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMailboxMessage } from "~/modules/mail/mailbox-messages.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.subject} – HelseHub Idéhub` : "HelseHub Idéhub" }];

export async function loader({ params }: LoaderFunctionArgs) {
  if (!getEnv().DEMO_MODE) throw new Response("Not Found", { status: 404 });
  const message = await getMailboxMessage(params.id ?? "");
  if (!message) throw new Response("Not Found", { status: 404 });
  return {
    id: message.id,
    to: message.to_address,
    subject: message.subject,
    text: message.text,
    sentAt: message.created_at.toISOString(),
  };
}

export default function MailboxMessagePage() {
  const message = useLoaderData<typeof loader>();
  const { t } = useTranslation("mail");
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p>
        <Link to="/dev/mailbox" className="text-brand-700 underline hover:text-brand-900">
          {t("mailbox.back")}
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold text-gray-900">{message.subject}</h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-gray-700">
        <dt className="font-semibold">{t("mailbox.to")}</dt>
        <dd className="break-all" data-testid="mail-to">{message.to}</dd>
        <dt className="font-semibold">{t("mailbox.sentAt")}</dt>
        <dd>
          <time dateTime={message.sentAt}>{message.sentAt}</time>
        </dd>
      </dl>
      <h2 className="mt-6 text-xl font-bold text-gray-900">{t("mailbox.plainText")}</h2>
      <pre data-testid="mail-text" className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-md border border-gray-300 bg-gray-50 p-3 text-sm">
        {message.text}
      </pre>
      <h2 className="mt-6 text-xl font-bold text-gray-900">{t("mailbox.htmlView")}</h2>
      {/* Sandboxed without allow-same-origin: the mail's HTML (served with its own strict policy) runs in an opaque origin and cannot
          reach the portal's cookies, DOM or navigation. allow-scripts is only there because a frame
          that may not run scripts at all stalls accessibility checkers (axe) injected by the e2e tests. */}
      <iframe
        title={t("mailbox.frameTitle", { subject: message.subject })}
        sandbox="allow-scripts"
        src={`/dev/mailbox/${message.id}/html`}
        className="mt-2 h-[36rem] w-full rounded-md border border-gray-300 bg-white"
      />
    </div>
  );
}
