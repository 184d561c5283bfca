import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitUserSession } from "~/modules/auth/session.server";
import * as searchPage from "~/routes/ideer._index";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { seedIdea } from "./search-support";

let testDb: TestDatabase;
type PageData = Awaited<ReturnType<typeof searchPage.loader>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
});
afterAll(async () => {
  await testDb.close();
});

async function signIn(email: string) {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return jar;
}

async function open(jar: CookieJar, search: string): Promise<PageData> {
  const result = await settle(searchPage.loader(routeArgs(jar.get(`/ideer${search}`))));
  expect(result, `loader for ${search} answered with a Response`).not.toBeInstanceOf(Response);
  return result as PageData;
}

describe("/ideer", () => {
  it("sends visitors who are not signed in to sign in", async () => {
    const response = expectRedirect(await settle(searchPage.loader(routeArgs(new Request(`${APP_URL}/ideer?q=sensor`)))));
    expect(response.headers.get("Location")).toContain("/logg-inn");
  });

  it("lists the ideas the user may see, newest first, with cards and pagination links that keep the search", async () => {
    const jar = await signIn("kari.nordby@asker.example.no");
    const page = await open(jar, "");
    expect(page.title).toBe("Alle ideer");
    expect(page.sort).toBe("nyeste");
    expect(page.total).toBeGreaterThanOrEqual(6);
    // Lier's organisation-only demo idea is not Kari's to see.
    expect(page.hits.map((h) => h.title)).not.toContain("Bruke Gerica-malene vi allerede har for fallrisiko");
    const card = page.hits.find((h) => h.title === "Felles sjekkliste for oppstart av medisindispenser")!;
    expect(card).toMatchObject({ status: "received", organisationName: "Drammen kommune", supportCount: 0 });
    expect(card.due).toMatchObject({ overdue: false });

    for (let i = 0; i < 21; i++) await seedIdea(testDb.db, { submitter: "emily.carter@drammen.example.no", title: `Lenkeprøve nummer ${i}` });
    const first = await open(jar, "?q=lenkeprøve&tema=mestringsteknologi");
    expect(first.pagination).toMatchObject({ page: 1, pageCount: 2, previous: null });
    expect(first.pagination.next).toBe("/ideer?q=lenkepr%C3%B8ve&tema=mestringsteknologi&side=2");
    const second = await open(jar, first.pagination.next!.slice("/ideer".length));
    expect(second.hits).toHaveLength(1);
    expect(second.pagination.previous).toBe("/ideer?q=lenkepr%C3%B8ve&tema=mestringsteknologi");
    expect(second.pagination.pages.map((p) => p && { page: p.page })).toEqual([{ page: 1 }, { page: 2 }]);
  });

  it.each([
    ["?status=nonsense&status=received", ["notice.unknownStatus"]],
    ["?sorter=drop+table", ["notice.unknownSort"]],
    ["?side=-1", ["notice.badPage"]],
    ["?side=abc", ["notice.badPage"]],
    ["?side=99999999999999999999", ["notice.badPage"]],
    ["?side=1e3", ["notice.badPage"]],
    ["?nettverk=finnes-ikke", ["notice.badFilter"]],
    ["?organisasjon=%27%3B--", ["notice.badFilter"]],
    ["?tema=" + "a".repeat(500), ["notice.badFilter"]],
    [`?q=${"sensor ".repeat(100)}`, ["notice.queryTruncated"]],
    ["?q=%00%27%22%5C%28%29%3C-%3E%26%7C%21%3A*", []],
    ["?q=&status=&sorter=&side=", []],
    ["?forsinket=ja&stottet=&mine=maybe", []],
    ["?%E0%A4%A=broken", []],
  ])("answers %s with a page (200) and says what it ignored", async (search, notices) => {
    const jar = await signIn("kari.nordby@asker.example.no");
    const page = await open(jar, search);
    expect(page.notices).toEqual(notices);
    expect(page.total).toBeGreaterThanOrEqual(0);
  });

  it("keeps a valid filter when another is unknown, and shows English texts to an English user", async () => {
    const jar = await signIn("emily.carter@drammen.example.no");
    const page = await open(jar, "?status=received&nettverk=nope&sorter=mest-stottet");
    expect(page.title).toBe("All ideas");
    expect(page.query.statuses).toEqual(["received"]);
    expect(page.query.network).toBeNull();
    expect(page.sort).toBe("mest-stottet");
    expect(page.activeFilters).toBe(1);
  });

  it("never shows a Drammen organisation-only idea to an Asker user, in hits or counts", async () => {
    await seedIdea(testDb.db, { submitter: "ahmed.rahimi@drammen.example.no", title: "Rutesikkerhetsprøve bare Drammen", visibility: "organisation" });
    const asker = await open(await signIn("kari.nordby@asker.example.no"), "?q=rutesikkerhetsprøve");
    expect(asker.total).toBe(0);
    expect(asker.hits).toEqual([]);
    expect(Object.values(asker.statusCounts).every((n) => n === 0)).toBe(true);
    const drammen = await open(await signIn("emily.carter@drammen.example.no"), "?q=rutesikkerhetsprøve");
    expect(drammen.total).toBe(1);
  });
});
