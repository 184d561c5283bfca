import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { signInAsDemoUser } from "~/modules/auth/demo-users.server";
import { getMailer } from "~/modules/mail/mailer.server";
import * as mailboxMessageRoute from "~/routes/dev.mailbox.$id";
import * as mailboxMessageHtmlRoute from "~/routes/dev.mailbox.$id_.html";
import * as mailboxRoute from "~/routes/dev.mailbox._index";
import * as signInRoute from "~/routes/logg-inn._index";
import { addNetworkMember, createNetwork, createOrganisation, createUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

const PRODUCTION = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://idehub@db.internal:5432/idehub",
  RESEND_API_KEY: "re_production_key",
  MAILER: "resend",
};

let testDb: TestDatabase;
let coordinator: { id: string; email: string };
let employee: { id: string; email: string };
let notDemo: { id: string; email: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await createOrganisation({ name: "Demovik kommune", slug: "demovik" });
  coordinator = await createUser({ organisationId: org.id, email: "kari.lunde@demovik.example.no", fullName: "Kari Lunde", jobTitle: "Velferdsteknologikonsulent" });
  employee = await createUser({ organisationId: org.id, email: "ola.berg@demovik.example.no", fullName: "Ola Berg", jobTitle: "Sykepleier", onboarded: false });
  const real = await createOrganisation({ domain: "demovik.kommune.no" });
  notDemo = await createUser({ organisationId: real.id, email: "ekte.person@demovik.kommune.no", fullName: "Ekte Person" });
  const network = await createNetwork({ ownerOrganisationId: org.id, name: "Nettverk for digitalisering og e-helse Demovik" });
  await addNetworkMember(network.id, coordinator.id, "coordinator");
});
afterAll(async () => {
  await testDb.close();
});

describe("demo mode sign-in", () => {
  it("lists only demo users (example.no), with job title, organisation and network role", async () => {
    await useTestEnv();
    const page = (await settle(signInRoute.loader(routeArgs(new CookieJar().get("/logg-inn"))))) as { demoUsers: { id: string; fullName: string; jobTitle: string | null; organisationName: string; networkRole: string | null }[] };
    expect(page.demoUsers).toEqual([
      expect.objectContaining({ id: coordinator.id, fullName: "Kari Lunde", jobTitle: "Velferdsteknologikonsulent", organisationName: "Demovik kommune", networkRole: "coordinator", platformRole: "employee" }),
      expect.objectContaining({ id: employee.id, fullName: "Ola Berg", networkRole: null }),
    ]);
    expect(page.demoUsers.map((u) => u.id)).not.toContain(notDemo.id);
  });

  it("signs in with one click and sends a not-yet-onboarded user to /velkommen", async () => {
    await useTestEnv();
    const jar = new CookieJar();
    const onboarded = expectRedirect(await settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "demo", profileId: coordinator.id, redirectTo: "/ideer" })))));
    expect(onboarded.headers.get("Location")).toBe("/ideer");
    jar.store(onboarded);
    expect((await getCurrentUser(jar.get("/")))?.networks).toEqual([expect.objectContaining({ role: "coordinator" })]);

    const fresh = expectRedirect(await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "demo", profileId: employee.id })))));
    expect(fresh.headers.get("Location")).toBe("/velkommen");
  });

  it("refuses a profile that is not a demo user, or not a user at all", async () => {
    await useTestEnv();
    for (const profileId of [notDemo.id, "00000000-0000-4000-8000-000000000000", "nonsense"]) {
      const reply = await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "demo", profileId }))));
      expect(reply, profileId).toEqual({ demoError: "errors.demoUnavailable" });
    }
  });

  it("is refused, and not listed, when APP_ENV=production", async () => {
    const env = await useTestEnv(PRODUCTION);
    expect(env.DEMO_MODE).toBe(false);
    const reply = await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "demo", profileId: coordinator.id }))));
    expect(reply).toEqual({ demoError: "errors.demoUnavailable" });
    await expect(signInAsDemoUser(env, coordinator.id)).rejects.toMatchObject({ code: "demoUnavailable" });
    // Even if someone forced the flag on, production still refuses.
    await expect(signInAsDemoUser({ ...env, DEMO_MODE: true }, coordinator.id)).rejects.toMatchObject({ code: "demoUnavailable" });
    const page = (await settle(signInRoute.loader(routeArgs(new CookieJar().get("/logg-inn"))))) as { demoUsers: unknown[] };
    expect(page.demoUsers).toEqual([]);
  });
});

describe("/dev/mailbox", () => {
  it("lists local mail newest first with a link target per message and shows one with its text", async () => {
    await useTestEnv();
    const older = await getMailer().send({ to: "kari.lunde@demovik.example.no", subject: "Eldre", html: "<p>eldre</p>", text: "eldre" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await getMailer().send({ to: "kari.lunde@demovik.example.no", subject: "Nyere", html: "<p>nyere <script>alert(1)</script></p>", text: "Kode: 123456" });
    const list = (await settle(mailboxRoute.loader(routeArgs(new CookieJar().get("/dev/mailbox"))))) as { messages: { id: string; subject: string; to: string }[] };
    expect(list.messages.slice(0, 2).map((m) => m.id)).toEqual([newer.id, older.id]);
    const shown = (await settle(mailboxMessageRoute.loader(routeArgs(new CookieJar().get(`/dev/mailbox/${newer.id}`), { id: newer.id })))) as { text: string };
    expect(shown.text).toBe("Kode: 123456");
    // The mail's own HTML is its own document, under a policy where nothing in it can run.
    const framed = (await settle(mailboxMessageHtmlRoute.loader(routeArgs(new CookieJar().get(`/dev/mailbox/${newer.id}/html`), { id: newer.id })))) as Response;
    expect(await framed.text()).toContain("<script>");
    expect(framed.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(framed.headers.get("Content-Security-Policy")).not.toMatch(/script-src/);
  });

  it("is 404 outside demo mode and for unknown messages", async () => {
    await useTestEnv();
    const missing = await settle(mailboxMessageRoute.loader(routeArgs(new CookieJar().get("/dev/mailbox/x"), { id: "00000000-0000-4000-8000-000000000000" })));
    expect((missing as Response).status).toBe(404);
    await useTestEnv(PRODUCTION);
    expect(((await settle(mailboxRoute.loader(routeArgs(new CookieJar().get("/dev/mailbox"))))) as Response).status).toBe(404);
    const any = await settle(mailboxMessageRoute.loader(routeArgs(new CookieJar().get("/dev/mailbox/x"), { id: "x" })));
    expect((any as Response).status).toBe(404);
  });
});
