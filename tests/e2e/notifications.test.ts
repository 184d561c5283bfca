import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asService, connectKysely } from "~/db/client.server";
import { openPglite } from "~/db/engine.server";
import { migrate } from "~/db/migrate.server";
import { seedDemoDataIfEmpty } from "~/db/seed.server";
import { createNotifications } from "~/modules/notification-centre/create-notifications.server";
import { expectAccessible } from "./support/axe";
import { useE2eHarness } from "./support/harness";
import { signInWithDemoButton, useTrackedPages } from "./support/pages";

const MARIUS_ID = "50000000-0000-4000-8000-000000000004"; // coordinator of digi-asker
const MARIUS = "Marius Bakken";

// The server's embedded database is prepared before it starts: demo data plus two notifications for
// Marius, written by the same operation the SLA sweeper uses. The sweeper itself is off, so the
// counts below do not depend on the clock.
const serverEnv: Record<string, string> = { SLA_SWEEP: "off" };
let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "idehub-e2e-notifications-"));
  const engine = await openPglite(path.join(dataDir, "pglite"));
  const db = connectKysely(engine);
  try {
    await migrate(engine.pool);
    await seedDemoDataIfEmpty(db);
    await asService(
      "e2e: notifications for Marius",
      async (trx) => {
        await createNotifications(trx, [
          {
            recipientId: MARIUS_ID,
            kind: "sla_owner_reminder",
            values: { title: "Nattlig tilsyn med sensor", publicId: "IDE-2026-0901", dueAt: "2026-12-04T22:59:59.999Z" },
            link: "/ideer/IDE-2026-0901",
          },
        ]);
      },
      db,
    );
    // A later transaction, so that it is the newer one.
    await asService(
      "e2e: notifications for Marius",
      async (trx) => {
        await createNotifications(trx, [
          {
            recipientId: MARIUS_ID,
            kind: "sla_overdue",
            values: { title: "Felles rutine for legemiddelhåndtering", publicId: "IDE-2026-0902", network: "Digi Asker", dueAt: "2026-11-20T22:59:59.999Z" },
            link: "/ideer/IDE-2026-0902",
          },
        ]);
      },
      db,
    );
  } finally {
    await db.destroy().catch(() => {});
    await engine.close().catch(() => {});
  }
  serverEnv.PGLITE_DATA_DIR = path.join(dataDir, "pglite");
}, 120_000);
afterAll(async () => {
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const app = useE2eHarness(serverEnv);

const newPage = useTrackedPages(app);

const signInAsDemoUser = (page: Page, name: string) => signInWithDemoButton(app, page, name);

const header = (page: Page) => page.getByRole("banner");
const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("notifications", () => {
  it("shows the unread count in the header, marks notifications read, and saves e-mail preferences", async () => {
    const { page } = await newPage();
    await signInAsDemoUser(page, MARIUS);

    await header(page).getByRole("link", { name: "Varsler (2 uleste)" }).click();
    await page.waitForURL((url) => url.pathname === "/varsler");
    await expect.poll(() => h1(page)).toBe("Varsler");
    const items = page.getByTestId("notification");
    expect(await items.count()).toBe(2);
    // Newest first; unread is written out, not only shown by colour.
    expect(await items.nth(0).textContent()).toContain("Ulest");
    expect(await items.nth(0).textContent()).toContain("Forsinket: «Felles rutine for legemiddelhåndtering» (IDE-2026-0902)");
    expect(await items.nth(1).textContent()).toContain("Påminnelse: «Nattlig tilsyn med sensor» (IDE-2026-0901) skal ha svar innen fredag 4. desember 2026.");
    expect(await page.getByTestId("unread-summary").textContent()).toBe("Du har 2 uleste varsler.");
    await expectAccessible(page, "notification centre, unread");

    await items.nth(0).getByRole("button", { name: /^Merk som lest/ }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Varselet er merket som lest.");
    expect(await header(page).getByRole("link", { name: "Varsler (1 ulest)" }).isVisible()).toBe(true);
    expect(await page.getByTestId("notification").nth(0).textContent()).toContain("Lest");
    expect(await page.getByTestId("notification").nth(0).getByRole("button").count()).toBe(0);

    await page.getByRole("button", { name: "Merk alle som lest" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Alle varsler er merket som lest.");
    expect(await page.getByTestId("unread-summary").textContent()).toBe("Du har ingen uleste varsler.");
    expect(await header(page).getByRole("link", { name: "Varsler", exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, "notification centre, all read");

    await page.getByRole("link", { name: "Velg hvordan du får varsler på e-post" }).click();
    await page.waitForURL((url) => url.pathname === "/innstillinger/varsler");
    await expect.poll(() => h1(page)).toBe("Varsler på e-post");
    expect(await page.getByText("Svar på dine egne forslag får du alltid på e-post").isVisible()).toBe(true);
    expect(await page.getByRole("radio", { name: "Med en gang" }).isChecked()).toBe(true);
    await expectAccessible(page, "notification settings");

    await page.getByRole("radio", { name: "Daglig sammendrag" }).check();
    await page.getByRole("checkbox", { name: /^Send meg et ukesammendrag/ }).uncheck();
    await page.getByRole("button", { name: "Lagre innstillingene" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Innstillingene er lagret.");
    await page.reload();
    expect(await page.getByRole("radio", { name: "Daglig sammendrag" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: /^Send meg et ukesammendrag/ }).isChecked()).toBe(false);
    await expectAccessible(page, "notification settings, saved");
  });

  it("works without JavaScript", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await signInAsDemoUser(page, MARIUS);
    await page.goto(app.url("/innstillinger/varsler"));
    await page.getByRole("radio", { name: "Av", exact: true }).check();
    await page.getByRole("button", { name: "Lagre innstillingene" }).click();
    await page.waitForURL((url) => url.pathname === "/innstillinger/varsler" && url.searchParams.has("lagret"));
    expect(await page.getByRole("radio", { name: "Av", exact: true }).isChecked()).toBe(true);
    await page.goto(app.url("/varsler"));
    expect(await page.getByTestId("notification").count()).toBe(2);
  });
});
