import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { summariseBenefits } from "~/modules/stories/summarise-benefits.server";
import { summariseBenefitsByOrganisation } from "~/modules/stories/summarise-benefits-by-organisation.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { storyUser } from "./stories-support";

// The benefit overview (/historier/gevinster) reads every organisation's totals in one grouped
// statement. Each organisation's totals must be what the gallery's organisation filter sums, for
// every kind of reader (RLS decides which stories count).

let testDb: TestDatabase;
const viewers: Record<string, CurrentUser | null> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  viewers.anonymous = null;
  viewers.askerEmployee = await storyUser(testDb.db, "kari.nordby@asker.example.no");
  viewers.drammenEmployee = await storyUser(testDb.db, "ahmed.rahimi@drammen.example.no");
  viewers.askerCoordinator = await storyUser(testDb.db, "marius.bakken@asker.example.no");
});
afterAll(async () => {
  await testDb.close();
});

const noFilter = { text: "", theme: null, serviceArea: null, region: null, benefitCategory: null };

describe("benefit overview per organisation", () => {
  for (const who of ["anonymous", "askerEmployee", "drammenEmployee", "askerCoordinator"]) {
    it(`equals the gallery's totals with each organisation's filter (${who})`, async () => {
      const viewer = viewers[who]!;
      const overview = await summariseBenefitsByOrganisation({ viewer });
      expect(overview.length).toBeGreaterThan(0);
      expect(overview.some((o) => o.categories.length > 0)).toBe(true);
      for (const organisation of overview) {
        const filtered = await summariseBenefits({ viewer, query: { ...noFilter, organisation: organisation.slug } });
        expect(organisation.categories, organisation.slug).toEqual(filtered);
      }
      const one = overview[0]!;
      expect(await summariseBenefitsByOrganisation({ viewer, organisation: one.slug })).toEqual([one]);
    });
  }

  it("counts a story kept within its organisation only for readers who may see it", async () => {
    const asker = await summariseBenefitsByOrganisation({ viewer: viewers.askerEmployee!, organisation: "asker" });
    const fromDrammen = await summariseBenefitsByOrganisation({ viewer: viewers.drammenEmployee!, organisation: "asker" });
    // The demo's fall-sensor story is Asker's and visible to Asker only.
    expect(asker[0]!.stories).toBeGreaterThan(fromDrammen[0]?.stories ?? 0);
  });
});
