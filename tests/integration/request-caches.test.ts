import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { saveReferenceItem } from "~/modules/admin/save-reference-item.server";
import { updateNetwork } from "~/modules/admin/update-network.server";
import { loadCurrentUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { loadSearchOptions } from "~/modules/search/load-search-options.server";
import { loadStoryGalleryOptions } from "~/modules/stories/load-story-gallery-options.server";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ADMIN, EMPLOYEE, adminTestUser } from "./admin-support";

// Two per-process shortcuts on the list page's path: the filter choices are kept for a short while
// (and forgotten at once when this process's admin pages change them), and the root and page
// loaders share one in-flight read of the signed-in user.

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let admin: CurrentUser;
let employee: CurrentUser;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  [admin, employee] = await Promise.all([ADMIN, EMPLOYEE].map((e) => adminTestUser(testDb.db, e)));
});
afterAll(async () => {
  await testDb.close();
});

describe("search filter choices", () => {
  it("are read once and then reused, per locale", async () => {
    const first = await loadSearchOptions({ locale: "nb" });
    // A change behind the app's back (not through its admin pages) is not seen within the TTL.
    await asService("test: rename behind the app's back", (trx) => sql`update public.networks set name = 'Omdøpt i databasen' where slug = 'digi-asker'`.execute(trx), testDb.db);
    const again = await loadSearchOptions({ locale: "nb" });
    expect(again).toBe(first);
    const english = await loadSearchOptions({ locale: "en" });
    expect(english).not.toBe(first);
    expect(english.networks.map((n) => n.label)).toContain("Omdøpt i databasen");
  });

  it("are read again after an admin renames a network or saves a theme", async () => {
    await updateNetwork({ user: admin, networkId: ref.network("digi-asker"), name: "Digi Asker (nytt navn)" });
    const renamed = await loadSearchOptions({ locale: "nb" });
    expect(renamed.networks.map((n) => n.label)).toContain("Digi Asker (nytt navn)");

    await saveReferenceItem({
      user: admin,
      kind: "themes",
      slug: "cache-proeve",
      nameNb: "Hurtigbufferprøve",
      nameNn: "Snøggbufferprøve",
      nameEn: "Cache test",
      sortOrder: 99,
      active: true,
    });
    const withTheme = await loadSearchOptions({ locale: "nb" });
    expect(withTheme.themes.map((t) => t.value)).toContain("cache-proeve");
    // The story gallery's filters are the same reference data from the same cache.
    const gallery = await loadStoryGalleryOptions({ locale: "nb" });
    expect(gallery.themes).toBe(withTheme.themes);
    expect(gallery.organisations).toBe(withTheme.organisations);
  });
});

describe("the signed-in user", () => {
  it("is read once for lookups that overlap, and afresh once they are done", async () => {
    const session = { id: employee.id, email: employee.email };
    const [a, b] = await Promise.all([loadCurrentUser(session), loadCurrentUser(session)]);
    expect(a).toBe(b);
    expect(a?.fullName).toBe(employee.fullName);

    await asService("test: rename", (trx) => sql`update public.profiles set full_name = 'Kari Nytt-Navn' where id = ${employee.id}`.execute(trx), testDb.db);
    const later = await loadCurrentUser(session);
    expect(later).not.toBe(a);
    expect(later?.fullName).toBe("Kari Nytt-Navn");
  });
});
