import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";

/**
 * "Skriv ut": shown only once JavaScript runs (printing needs window.print), so a page without
 * JavaScript never offers a button that does nothing. Hidden on paper by the print stylesheet.
 */
export function PrintButton() {
  const { t } = useTranslation("stories");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className={secondaryButtonClass} data-print="hide" data-testid="print-story">
      {t("story.print")}
    </button>
  );
}
