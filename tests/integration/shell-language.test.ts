import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/i18n.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { loader as rootLoader } from "~/root";
import { action as changeLanguage } from "~/routes/innstillinger.sprak";
import { createOrganisation, createUser, type CreatedUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let nurse: CreatedUser;
let colleague: CreatedUser;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await useTestEnv();
  const org = await createOrganisation({ name: "Språkvik kommune", slug: "sprakvik" });
  nurse = await createUser({ organisationId: org.id, fullName: "Nora Nynorsk", locale: "nb" });
  colleague = await createUser({ organisationId: org.id, fullName: "Kari Kollega", locale: "nb" });
});
afterAll(async () => {
  await testDb.close();
});

async function profileLocale(id: string) {
  const row = await testDb.db.selectFrom("profiles").select("locale").where("id", "=", id).executeTakeFirstOrThrow();
  return row.locale;
}

async function signedIn(user: CreatedUser) {
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(jar.get("/"), user) }));
  return jar;
}

async function rootData(jar: CookieJar, path = "/") {
  return rootLoader(routeArgs(jar.get(path)));
}

describe("language switch", () => {
  it("remembers a visitor's choice in the lng cookie and sends them back where they were", async () => {
    const jar = new CookieJar();
    expect((await rootData(jar)).locale).toBe("nb");

    const response = expectRedirect(await settle(changeLanguage(routeArgs(jar.post("/innstillinger/sprak", { locale: "nn", redirectTo: "/om?fra=meny" })))));
    expect(response.headers.get("Location")).toBe("/om?fra=meny");
    jar.store(response);
    expect(jar.has("lng")).toBe(true);

    const data = await rootData(jar, "/om");
    expect(data.locale).toBe("nn");
    expect(data.user).toBeNull();
    expect(data.errorTitles[404]).toBe("Fann ikkje sida");
  });

  it("stores a signed-in user's choice on their profile, which then wins over the cookie", async () => {
    const jar = await signedIn(nurse);
    jar.store(expectRedirect(await settle(changeLanguage(routeArgs(jar.post("/innstillinger/sprak", { locale: "en", redirectTo: "/" }))))));
    expect(await profileLocale(nurse.id)).toBe("en");
    expect(await profileLocale(colleague.id)).toBe("nb");

    // Another browser with an old bokmål cookie still shows English once signed in.
    const otherBrowser = await signedIn(nurse);
    const bokmalCookie = new Headers({ "Set-Cookie": await localeCookie.serialize("nb") });
    otherBrowser.store(bokmalCookie);
    const signedOut = new CookieJar();
    signedOut.store(bokmalCookie);
    expect((await rootData(signedOut)).locale).toBe("nb");
    const data = await rootData(otherBrowser);
    expect(data.locale).toBe("en");
    expect(data.user).toMatchObject({ fullName: "Nora Nynorsk", organisationName: "Språkvik kommune" });
    // Only what the header needs reaches the browser.
    expect(Object.keys(data.user ?? {}).sort()).toEqual(
      ["email", "fullName", "isCoordinator", "isNetworkMember", "onboarded", "organisationName", "platformRole"].sort(),
    );
  });

  it("never redirects to another site", async () => {
    for (const redirectTo of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const response = expectRedirect(await settle(changeLanguage(routeArgs(new CookieJar().post("/innstillinger/sprak", { locale: "en", redirectTo })))));
      expect(response.headers.get("Location")).toBe("/");
    }
  });

  it("rejects an unknown language with 400 and changes nothing", async () => {
    const jar = await signedIn(colleague);
    const result = await settle(changeLanguage(routeArgs(jar.post("/innstillinger/sprak", { locale: "de", redirectTo: "/" }))));
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await profileLocale(colleague.id)).toBe("nb");
  });
});
