import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import * as codeRoute from "~/routes/logg-inn.kode";
import * as signInRoute from "~/routes/logg-inn._index";
import * as linkRoute from "~/routes/logg-inn.lenke";
import * as signOutRoute from "~/routes/logg-ut";
import { createSupabaseAuthMock, SUPABASE_ANON_KEY, SUPABASE_URL } from "../mocks/supabase-auth";
import { createOrganisation } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";

const supabase = createSupabaseAuthMock();
const server = setupServer(...supabase.handlers);
const AUTH_COOKIE = "sb-testproject-auth-token";

let testDb: TestDatabase;
let org: { id: string; domain: string };

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  testDb = await createTestDatabase();
  org = await createOrganisation({ name: "Supavik kommune" });
});
afterAll(async () => {
  server.close();
  await testDb.close();
});
beforeEach(async () => {
  await useTestEnv({ AUTH_PROVIDER: "supabase", SUPABASE_URL, SUPABASE_ANON_KEY });
  supabase.calls.length = 0;
});
afterEach(() => server.resetHandlers());

let counter = 0;
const newAddress = () => `per.hansen${++counter}@${org.domain}`;

async function profileOf(email: string) {
  return asService("test", (trx) => trx.selectFrom("profiles").selectAll().where("email", "=", email).executeTakeFirst());
}

describe("Supabase Auth adapter (against MSW)", () => {
  it("is chosen by AUTH_PROVIDER=supabase", () => {
    expect(getAuthProvider().kind).toBe("supabase");
  });

  it("requests an e-mail OTP, verifies the code, ensures the profile by the Supabase user id and signs in", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    const requested = expectRedirect(await settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "request", email })))));
    expect(requested.headers.get("Location")).toBe(`/logg-inn/kode?email=${encodeURIComponent(email)}`);
    jar.store(requested);
    const otp = supabase.lastOtp(email)!;
    expect(otp.redirectTo).toBe("http://idehub.test/logg-inn/lenke");

    const verified = expectRedirect(await settle(codeRoute.action(routeArgs(jar.post("/logg-inn/kode", { email, code: otp.code })))));
    expect(verified.headers.get("Location")).toBe("/velkommen");
    jar.store(verified);
    expect(jar.has("__idehub_session")).toBe(true);
    expect(jar.names().some((name) => name.startsWith(AUTH_COOKIE))).toBe(true);
    expect(supabase.calls.map((c) => c.path)).toEqual(["/otp", "/verify", "/user"]);

    const profile = await profileOf(email);
    expect(profile).toMatchObject({ id: supabase.userId(email), organisation_id: org.id, full_name: expect.stringMatching(/^Per Hansen\d+$/) });
    expect((await getCurrentUser(jar.get("/")))?.id).toBe(supabase.userId(email));
  });

  it("reports a wrong code in the user's language and signs nobody in", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    jar.store(expectRedirect(await settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "request", email }))))));
    const wrong = supabase.lastOtp(email)!.code === "000000" ? "111111" : "000000";
    const reply = (await settle(codeRoute.action(routeArgs(jar.post("/logg-inn/kode", { email, code: wrong }))))) as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
    expect(reply.error?.[""]).toEqual(["errors.codeExpired"]);
    expect(reply.initialValue?.email).toBe(email);
    expect(await profileOf(email)).toBeUndefined();
  });

  it("refuses an unknown domain without calling Supabase", async () => {
    const reply = (await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "request", email: "someone@gmail.com" }))))) as { form: { error?: Record<string, string[]> } };
    expect(reply.form.error?.[""]).toEqual(["errors.domainNotAllowed"]);
    expect(supabase.calls).toEqual([]);
  });

  it("completes the magic link with the PKCE code exchange, then signs out of Supabase too", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    const requested = expectRedirect(await settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "request", email, redirectTo: "/ideer/1" })))));
    jar.store(requested);
    expect(jar.names().some((name) => name.endsWith("-code-verifier"))).toBe(true);
    const otp = supabase.lastOtp(email)!;
    expect(otp.redirectTo).toBe("http://idehub.test/logg-inn/lenke?redirectTo=%2Fideer%2F1");

    const signedIn = expectRedirect(await settle(linkRoute.loader(routeArgs(jar.get(`/logg-inn/lenke?code=${otp.authCode}&redirectTo=%2Fideer%2F1`)))));
    expect(signedIn.headers.get("Location")).toBe(`/velkommen?redirectTo=${encodeURIComponent("/ideer/1")}`);
    expect(supabase.calls.map((c) => c.path)).toContain("/token?grant_type=pkce");
    jar.store(signedIn);
    expect(jar.names().some((name) => name.endsWith("-code-verifier"))).toBe(false);
    expect((await getCurrentUser(jar.get("/")))?.email).toBe(email);

    const signedOut = expectRedirect(await settle(signOutRoute.action(routeArgs(jar.post("/logg-ut", {})))));
    jar.store(signedOut);
    expect(supabase.loggedOut).toHaveLength(1);
    expect(jar.has("__idehub_session")).toBe(false);
    expect(jar.names().some((name) => name.startsWith(AUTH_COOKIE))).toBe(false);
    expect(await getCurrentUser(jar.get("/"))).toBeNull();
  });

  it("accepts a token_hash link and refuses a used or unknown one", async () => {
    const email = newAddress();
    await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "request", email }))));
    const { tokenHash } = supabase.lastOtp(email)!;
    const ok = expectRedirect(await settle(linkRoute.loader(routeArgs(new CookieJar().get(`/logg-inn/lenke?token_hash=${tokenHash}&type=email`)))));
    expect(ok.headers.get("Location")).toBe("/velkommen");
    const again = await settle(linkRoute.loader(routeArgs(new CookieJar().get(`/logg-inn/lenke?token_hash=${tokenHash}&type=email`))));
    expect(again).toEqual(expect.objectContaining({ errorKey: "errors.linkExpired" }));
    const nothing = await settle(linkRoute.loader(routeArgs(new CookieJar().get("/logg-inn/lenke"))));
    expect(nothing).toEqual(expect.objectContaining({ errorKey: "errors.linkInvalid" }));
  });

  it("keeps an existing profile (and its onboarding) on the next sign-in", async () => {
    const email = newAddress();
    const signIn = async () => {
      const jar = new CookieJar();
      jar.store(expectRedirect(await settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "request", email }))))));
      return expectRedirect(await settle(codeRoute.action(routeArgs(jar.post("/logg-inn/kode", { email, code: supabase.lastOtp(email)!.code })))));
    };
    await signIn();
    await asService("test: finish onboarding", (trx) => trx.updateTable("profiles").set({ onboarded_at: new Date(), job_title: "Fysioterapeut" }).where("email", "=", email).execute());
    const second = await signIn();
    expect(second.headers.get("Location")).toBe("/");
    expect((await profileOf(email))?.job_title).toBe("Fysioterapeut");
  });

  it("turns a Supabase outage into a clear message", async () => {
    const { http, HttpResponse } = await import("msw");
    server.use(http.post(`${SUPABASE_URL}/auth/v1/otp`, () => HttpResponse.json({ code: 500, msg: "boom" }, { status: 500 })));
    const reply = (await settle(signInRoute.action(routeArgs(new CookieJar().post("/logg-inn", { intent: "request", email: newAddress() }))))) as { form: { error?: Record<string, string[]> } };
    expect(reply.form.error?.[""]).toEqual(["errors.providerFailed"]);
  });
});
