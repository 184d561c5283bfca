import { useMatches } from "@remix-run/react";

/**
 * Read pages (the front page, idea list, idea page, story gallery and story page, the public figures)
 * are served without Remix's scripts: everything on them is a link or a plain form, so hydrating them
 * would only cost a phone 100 KB of JavaScript (React DOM, Remix, i18next) before it can respond.
 * Writing and triage pages keep React. See docs/decisions/009-read-pages-without-hydration.md.
 */
export const readPageHandle = { hydrate: false } as const;

/** True unless a matched route's handle opts out (the server's renderer follows the same rule). */
export function shouldHydrate(handles: unknown[]): boolean {
  return handles.every((handle) => (handle as { hydrate?: boolean } | undefined)?.hydrate !== false);
}

export function useShouldHydrate(): boolean {
  return shouldHydrate(useMatches().map((match) => match.handle));
}

/**
 * The only behaviour read pages add in the browser, as one small inline script (it carries the CSP
 * nonce): filter panels marked data-open-wide open on wide screens, and buttons marked
 * data-enhance="print" appear and print. Hydrated pages do the same from their components.
 */
const enhancements = `(() => {
  if (matchMedia("(min-width: 48rem)").matches) {
    for (const details of document.querySelectorAll("details[data-open-wide]")) details.open = true;
  }
  for (const button of document.querySelectorAll("button[data-enhance=print]")) {
    button.hidden = false;
    button.addEventListener("click", () => print());
  }
})();`;

export function ReadPageEnhancements({ nonce }: { nonce: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: enhancements }} />;
}
