import { describe, expect, it } from "vitest";
import { openPage } from "./support/browser";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton } from "./support/pages";

const app = useE2eHarness();

describe("typing while a writing page hydrates", () => {
  // On a slow phone people start typing before React has hydrated the page. With single fetch,
  // Remix's first render waits for the server's data stream; typing during that wait made React 18
  // throw error #345 in about one load in eight at 8× CPU slowdown (app/entry.client.tsx).
  it("keeps what was typed and throws no error, on a CPU slowed 8×", async () => {
    const { page, context, browserErrors } = await openPage(app.browser);
    try {
      await signInWithDemoButton(app, page, "Kari Nordby");
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });
      for (let attempt = 1; attempt <= 12; attempt++) {
        await page.goto(app.url("/ideer/ny"), { waitUntil: "commit" });
        const title = page.getByLabel(/^Kort tittel/);
        await title.fill(`Forsøk ${attempt}`);
        await page.getByLabel("Hva er utfordringen i dag?").fill("Skrevet mens siden lastet");
        await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
        expect(await title.inputValue()).toBe(`Forsøk ${attempt}`);
      }
      expect(browserErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
