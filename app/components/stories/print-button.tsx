import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";

/**
 * "Skriv ut": hidden until JavaScript runs (printing needs window.print), so a page without
 * JavaScript never offers a button that does nothing. Hidden on paper by the print stylesheet.
 * On a page served without hydration the read-page script shows it (data-enhance="print").
 */
export function PrintButton() {
  const { t } = useTranslation("stories");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      hidden={!ready}
      onClick={() => window.print()}
      className={secondaryButtonClass}
      data-print="hide"
      data-enhance="print"
      data-testid="print-story"
    >
      {t("story.print")}
    </button>
  );
}
