import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const messages: Record<number, { title: string; text: string }> = {
  400: { title: "error.badRequestTitle", text: "error.badRequestText" },
  403: { title: "error.forbiddenTitle", text: "error.forbiddenText" },
  404: { title: "error.notFoundTitle", text: "error.notFoundText" },
  429: { title: "error.tooManyRequestsTitle", text: "error.tooManyRequestsText" },
};

/**
 * What a visitor sees when something fails. Only fixed, translated text: never the error's
 * message or stack, which may carry server details.
 */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const message = messages[status] ?? { title: "error.title", text: "error.text" };
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t(message.title)}</h1>
      <p className="mt-4 text-lg">{t(message.text)}</p>
      <p className="mt-6">
        <Link to="/" className="font-semibold">
          {t("error.homeLink")}
        </Link>
      </p>
    </div>
  );
}

export function errorTitleKey(status: number) {
  return (messages[status] ?? { title: "error.title" }).title;
}
