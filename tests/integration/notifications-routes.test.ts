import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { createNotifications } from "~/modules/notification-centre/create-notifications.server";
import * as root from "~/root";
import * as settingsPage from "~/routes/innstillinger.varsler";
import * as centrePage from "~/routes/varsler";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;

const INGRID = "ingrid.solberg@asker.example.no";
const MARIUS = "marius.bakken@asker.example.no";
const EMILY = "emily.carter@drammen.example.no"; // locale en

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
  return { user, jar };
}

async function notify(email: string, publicId: string) {
  const { id } = await demoUser(testDb.db, email);
  const [created] = await asService("test: notify", (trx) =>
    createNotifications(trx, [
      {
        recipientId: id,
        kind: "sla_overdue",
        values: { title: `Tittel ${publicId}`, publicId, network: "Digi Asker", dueAt: "2027-03-30T21:59:59.999Z" },
        link: `/ideer/${publicId}`,
      },
    ]),
  );
  return created.id;
}

async function centre(jar: CookieJar, search = "") {
  return (await centrePage.loader(routeArgs(jar.get(`/varsler${search}`)))) as Awaited<ReturnType<typeof centrePage.loader>>;
}

async function unreadInHeader(jar: CookieJar) {
  return ((await root.loader(routeArgs(jar.get("/")))) as Awaited<ReturnType<typeof root.loader>>).unreadNotifications;
}

describe("/varsler", () => {
  it("sends visitors to sign in", async () => {
    const response = expectRedirect(await settle(centrePage.loader(routeArgs(new Request(`${APP_URL}/varsler`)))));
    expect(response.headers.get("Location")).toMatch(/^\/logg-inn\?redirectTo=%2Fvarsler/);
  });

  it("lists only my notifications, newest first, in my language, and counts unread ones in the header", async () => {
    const ingrid = await signIn(INGRID);
    const older = await notify(INGRID, "IDE-2027-0201");
    const newer = await notify(INGRID, "IDE-2027-0202");
    await notify(MARIUS, "IDE-2027-0203");
    const data = await centre(ingrid.jar);
    expect(data.notifications.map((n) => n.id)).toEqual([newer, older]);
    expect(data.notifications[0]).toMatchObject({ unread: true, link: "/ideer/IDE-2027-0202" });
    expect(data.notifications[0].text).toBe(
      "Forsinket: «Tittel IDE-2027-0202» (IDE-2027-0202) skulle hatt svar innen tirsdag 30. mars 2027. Forslaget er eskalert til koordinatorene i Digi Asker.",
    );
    expect(await unreadInHeader(ingrid.jar)).toBe(2);

    const emily = await signIn(EMILY);
    await notify(EMILY, "IDE-2027-0204");
    expect((await centre(emily.jar)).notifications[0].text).toContain("should have been answered by Tuesday, 30 March 2027");
  });

  it("marks one and then all as read with plain form posts, and never someone else's", async () => {
    const ingrid = await signIn(INGRID);
    const marius = await signIn(MARIUS);
    const mine = await notify(INGRID, "IDE-2027-0301");
    const his = await notify(MARIUS, "IDE-2027-0302");
    const unreadBefore = await unreadInHeader(ingrid.jar);

    const one = expectRedirect(await settle(centrePage.action(routeArgs(ingrid.jar.post("/varsler", { intent: "mark-read", notificationId: mine })))));
    expect(one.headers.get("Location")).toBe("/varsler?lest=1");
    expect((await centre(ingrid.jar, "?lest=1")).flash).toBe("notifications:centre.markedRead");
    expect((await centre(ingrid.jar)).notifications.find((n) => n.id === mine)?.unread).toBe(false);
    expect(await unreadInHeader(ingrid.jar)).toBe(unreadBefore - 1);

    // Ingrid tries Marius' notification: nothing changes for him.
    await settle(centrePage.action(routeArgs(ingrid.jar.post("/varsler", { intent: "mark-read", notificationId: his }))));
    expect((await centre(marius.jar)).notifications.find((n) => n.id === his)?.unread).toBe(true);

    const all = expectRedirect(await settle(centrePage.action(routeArgs(ingrid.jar.post("/varsler", { intent: "mark-all-read" })))));
    expect(all.headers.get("Location")).toBe("/varsler?lest=alle");
    expect(await unreadInHeader(ingrid.jar)).toBe(0);
    expect((await centre(ingrid.jar)).notifications.every((n) => !n.unread)).toBe(true);
    expect(await unreadInHeader(marius.jar)).toBeGreaterThan(0);
  });

  it("answers a malformed post with 400 and a message, not a stack trace", async () => {
    const ingrid = await signIn(INGRID);
    const response = await settle(centrePage.action(routeArgs(ingrid.jar.post("/varsler", { intent: "mark-read", notificationId: "not-a-uuid" }))));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(400);
    expect(await (response as Response).text()).toBe("Vi forsto ikke forespørselen. Last siden på nytt og prøv igjen.");
  });
});

describe("/innstillinger/varsler", () => {
  it("shows the defaults, saves a choice, and keeps it per user", async () => {
    const ingrid = await signIn(INGRID);
    const marius = await signIn(MARIUS);
    const load = async (jar: CookieJar) =>
      ((await settingsPage.loader(routeArgs(jar.get("/innstillinger/varsler")))) as Awaited<ReturnType<typeof settingsPage.loader>>).preferences;
    expect(await load(ingrid.jar)).toEqual({ emailMode: "immediate", weeklyNetworkDigest: true });

    // An unchecked checkbox is simply missing from the form.
    const saved = expectRedirect(await settle(settingsPage.action(routeArgs(ingrid.jar.post("/innstillinger/varsler", { emailMode: "daily_digest" })))));
    expect(saved.headers.get("Location")).toBe("/innstillinger/varsler?lagret=1");
    expect(await load(ingrid.jar)).toEqual({ emailMode: "daily_digest", weeklyNetworkDigest: false });
    expect(await load(marius.jar)).toEqual({ emailMode: "immediate", weeklyNetworkDigest: true });

    await settle(settingsPage.action(routeArgs(ingrid.jar.post("/innstillinger/varsler", { emailMode: "off", weeklyNetworkDigest: "on" }))));
    expect(await load(ingrid.jar)).toEqual({ emailMode: "off", weeklyNetworkDigest: true });
  });

  it("refuses an unknown mode with a field error and changes nothing", async () => {
    const marius = await signIn(MARIUS);
    const result = (await settle(settingsPage.action(routeArgs(marius.jar.post("/innstillinger/varsler", { emailMode: "hourly" }))))) as {
      status: string;
      error: Record<string, string[]>;
    };
    expect(result.status).toBe("error");
    expect(result.error.emailMode).toEqual(["notifications:settings.invalidMode"]);
    const prefs = await asService("test", (trx) =>
      trx.selectFrom("notification_preferences").innerJoin("profiles", "profiles.id", "notification_preferences.profile_id").select("email_mode").where("profiles.email", "=", MARIUS).execute(),
    );
    expect(prefs).toEqual([]);
  });
});
