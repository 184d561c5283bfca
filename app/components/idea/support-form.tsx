import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";

/** The `intent` values the support route (/ideer/:publicId/stott) accepts. */
export const SUPPORT_INTENTS = { support: "support", undo: "withdraw-support" } as const;

/** "Jeg støtter dette" / "Angre støtte": a plain POST to /ideer/<id>/stott, so it works without JavaScript. */
export function SupportForm({
  publicId,
  supportedByMe,
  supportCount,
  canSupport,
  redirectTo,
}: {
  publicId: string;
  supportedByMe: boolean;
  supportCount: number;
  canSupport: boolean;
  redirectTo: string;
}) {
  const { t } = useTranslation("my-ideas");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="font-semibold" data-testid="support-count">
        {t("support.count", { count: supportCount })}
      </p>
      {canSupport ? (
        <Form method="post" action={`/ideer/${encodeURIComponent(publicId)}/stott`} preventScrollReset>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <input type="hidden" name="intent" value={supportedByMe ? SUPPORT_INTENTS.undo : SUPPORT_INTENTS.support} />
          <button type="submit" className={supportedByMe ? secondaryButtonClass : primaryButtonClass}>
            {supportedByMe ? t("support.undo") : t("support.support")}
          </button>
        </Form>
      ) : null}
      {supportedByMe ? <p className="text-sm text-slate-700">{t("support.youSupport")}</p> : null}
    </div>
  );
}
