import { useTranslation } from "react-i18next";

/** A confirmation after a redirect (saved, withdrawn …): announced politely, dismissed by navigating on. */
export function FlashMessage({ messageKey }: { messageKey: string | null }) {
  const { t } = useTranslation("my-ideas");
  return (
    <div role="status" aria-live="polite">
      {messageKey ? (
        <p className="mb-6 rounded-md border-l-4 border-green-800 bg-green-50 p-4 font-medium text-green-900">
          <span aria-hidden="true">✓ </span>
          {t(messageKey)}
        </p>
      ) : null}
    </div>
  );
}
