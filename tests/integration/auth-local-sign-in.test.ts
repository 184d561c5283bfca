import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { localeCookie } from "~/i18n/i18n.server";
import type { AuthError } from "~/modules/auth/auth-error";
import { getCurrentUser, getSessionUser, requireUser } from "~/modules/auth/current-user.server";
import { requestSignInCode } from "~/modules/auth/request-sign-in-code.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { sha256 } from "~/modules/auth/sign-in-secrets.server";
import { verifySignInCode } from "~/modules/auth/verify-sign-in-code.server";
import { verifySignInLink } from "~/modules/auth/verify-sign-in-link.server";
import * as codeRoute from "~/routes/logg-inn.kode";
import * as signInRoute from "~/routes/logg-inn._index";
import * as linkRoute from "~/routes/logg-inn.lenke";
import * as signOutRoute from "~/routes/logg-ut";
import * as welcomeRoute from "~/routes/velkommen";
import { CLIENT_IP_HEADER } from "~/modules/security/security-middleware.server";
import { createOrganisation, createUnit, createUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { CookieJar, expectRedirect, extractCode, extractLinkToken, routeArgs, settle, useTestEnv } from "./auth-helpers";

let testDb: TestDatabase;
let org: { id: string; slug: string; domain: string };
let unitId: string;
let otherOrgUnitId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await createOrganisation({ name: "Testvik kommune" });
  unitId = await createUnit(org.id, { name: "Hjemmetjenesten Testvik" });
  const other = await createOrganisation();
  otherOrgUnitId = await createUnit(other.id, { name: "Annen virksomhet" });
});
afterAll(async () => {
  await testDb.close();
});
beforeEach(async () => {
  await useTestEnv();
});

let counter = 0;
const newAddress = (local = "kari.lunde") => `${local}${++counter}@${org.domain}`;

async function countRows() {
  const { rows } = await sql<{ tokens: number; mails: number; limits: number }>`
    select (select count(*)::int from public.login_tokens) as tokens,
           (select count(*)::int from public.mailbox_messages) as mails,
           (select count(*)::int from public.rate_limits) as limits`.execute(testDb.db);
  return rows[0];
}

async function latestMail(to: string) {
  return asService("test: read the mailbox", (trx) =>
    trx.selectFrom("mailbox_messages").selectAll().where("to_address", "=", to).orderBy("created_at", "desc").executeTakeFirstOrThrow(),
  );
}

async function requestCode(jar: CookieJar, email: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return settle(signInRoute.action(routeArgs(jar.post("/logg-inn", { intent: "request", email, ...extra }, headers))));
}

async function submitCode(jar: CookieJar, email: string, code: string, extra: Record<string, string> = {}) {
  const next = new URLSearchParams({ email, ...extra });
  return settle(codeRoute.action(routeArgs(jar.post(`/logg-inn/kode?${next}`, { email, code, ...extra }))));
}

describe("local sign-in with a one-time code", () => {
  it("mails a code, signs in with it, creates the profile and asks for onboarding", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    const typed = email.toUpperCase();

    const requested = expectRedirect(await requestCode(jar, `  ${typed} `));
    expect(requested.headers.get("Location")).toBe(`/logg-inn/kode?email=${encodeURIComponent(email)}`);

    const mail = await latestMail(email);
    expect(mail.subject).toContain("Innloggingskode");
    const code = extractCode(mail.text);
    const linkToken = extractLinkToken(mail.text);
    expect(code).toMatch(/^\d{6}$/);
    expect(linkToken).toHaveLength(43);
    expect(mail.text).toContain(`http://idehub.test/logg-inn/lenke?token=${linkToken}`);
    expect(mail.html).toContain(code!);

    // Only hashes are stored: the clear code and link never reach the database.
    const token = await asService("test", (trx) => trx.selectFrom("login_tokens").selectAll().where("email", "=", email).executeTakeFirstOrThrow());
    expect(token.code_hash).toBe(sha256(code!));
    expect(token.link_token_hash).toBe(sha256(linkToken!));
    expect(JSON.stringify(token)).not.toContain(linkToken!);
    expect(token.expires_at.getTime() - token.created_at.getTime()).toBe(15 * 60_000);

    const verified = expectRedirect(await submitCode(jar, email, code!));
    expect(verified.headers.get("Location")).toBe("/velkommen");
    jar.store(verified);
    expect(jar.names()).toEqual(expect.arrayContaining(["__idehub_session", "lng"]));

    const user = await getCurrentUser(jar.get("/"));
    expect(user).toMatchObject({ email, fullName: expect.stringMatching(/^Kari Lunde\d+$/), organisationId: org.id, organisationName: "Testvik kommune", onboarded: false, locale: "nb" });

    // Not onboarded yet: protected pages send the user to /velkommen first.
    const guarded = expectRedirect(await settle(requireUser(jar.get("/ideer"))));
    expect(guarded.headers.get("Location")).toBe("/velkommen?redirectTo=%2Fideer");
  });

  it("keeps the typed e-mail and explains when the code is wrong, and stops after five wrong codes", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    await requestCode(jar, email);
    const code = extractCode((await latestMail(email)).text)!;
    const wrong = code === "000000" ? "111111" : "000000";

    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = (await submitCode(jar, email, wrong)) as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
      expect(reply.error?.[""]).toEqual(["errors.codeInvalid"]);
      expect(reply.initialValue?.email).toBe(email);
    }
    const fifth = (await submitCode(jar, email, wrong)) as { error?: Record<string, string[]> };
    expect(fifth.error?.[""]).toEqual(["errors.tooManyAttempts"]);
    // Even the right code is refused now, and no session was created.
    const afterLock = (await submitCode(jar, email, code)) as { error?: Record<string, string[]> };
    expect(afterLock.error?.[""]).toEqual(["errors.tooManyAttempts"]);
    expect(await asService("test", (trx) => trx.selectFrom("profiles").select("id").where("email", "=", email).executeTakeFirst())).toBeUndefined();
  });

  it("rejects a malformed code before touching the token", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    await requestCode(jar, email);
    const reply = (await submitCode(jar, email, "12ab")) as { error?: Record<string, string[]> };
    expect(reply.error?.code).toEqual(["errors.codeFormat"]);
    const token = await asService("test", (trx) => trx.selectFrom("login_tokens").select("attempts").where("email", "=", email).executeTakeFirstOrThrow());
    expect(token.attempts).toBe(0);
  });
});

describe("local sign-in with the magic link", () => {
  it("signs in once; the same link and its code are dead afterwards", async () => {
    const jar = new CookieJar();
    const email = newAddress();
    await requestCode(jar, email, { redirectTo: "/ideer/42?vis=alle" });
    const mail = await latestMail(email);
    const linkToken = extractLinkToken(mail.text)!;

    const first = expectRedirect(await settle(linkRoute.loader(routeArgs(jar.get(`/logg-inn/lenke?token=${linkToken}`)))));
    // A first sign-in goes through onboarding, which then continues to the requested page.
    expect(first.headers.get("Location")).toBe(`/velkommen?redirectTo=${encodeURIComponent("/ideer/42?vis=alle")}`);
    jar.store(first);
    expect((await getSessionUser(jar.get("/")))?.email).toBe(email);

    const again = await settle(linkRoute.loader(routeArgs(new CookieJar().get(`/logg-inn/lenke?token=${linkToken}`))));
    expect(again).toMatchObject({ errorKey: "errors.linkInvalid" });
    const codeAfter = (await submitCode(new CookieJar(), email, extractCode(mail.text)!)) as { error?: Record<string, string[]> };
    expect(codeAfter.error?.[""]).toEqual(["errors.codeInvalid"]);
  });

  it("explains an unknown or malformed link and signs nobody in", async () => {
    for (const token of ["", "short", "A".repeat(43)]) {
      const result = await settle(linkRoute.loader(routeArgs(new CookieJar().get(`/logg-inn/lenke?token=${token}`))));
      expect(result).toMatchObject({ errorKey: "errors.linkInvalid" });
    }
  });
});

describe("expiry", () => {
  it("refuses a code and a link after 15 minutes (clock injected)", async () => {
    const email = newAddress();
    const issuedAt = new Date("2026-11-23T10:00:00Z");
    await requestSignInCode({ email, redirectTo: null, locale: "nb", ip: null, now: issuedAt });
    const mail = await latestMail(email);
    const later = new Date(issuedAt.getTime() + 15 * 60_000 + 1000);

    await expect(verifySignInCode({ email, code: extractCode(mail.text)!, ip: null, now: later })).rejects.toMatchObject({ code: "codeExpired" });
    await expect(verifySignInLink({ token: extractLinkToken(mail.text)!, now: later })).rejects.toMatchObject({ code: "linkExpired" });

    // Just inside the window it still works.
    const inTime = new Date(issuedAt.getTime() + 14 * 60_000);
    const result = await verifySignInLink({ token: extractLinkToken(mail.text)!, now: inTime });
    expect(result.user.email).toBe(email);
  });

  it("treats an expired session as signed out", async () => {
    const user = await createUser({ organisationId: org.id });
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    const cookie = await commitUserSession(new Request("http://idehub.test/"), user, longAgo);
    const request = new Request("http://idehub.test/", { headers: { Cookie: cookie.split(";")[0] } });
    expect(await getSessionUser(request)).toBeNull();
    expect(await getCurrentUser(request)).toBeNull();

    const fresh = await commitUserSession(new Request("http://idehub.test/"), user);
    expect(await getSessionUser(new Request("http://idehub.test/", { headers: { Cookie: fresh.split(";")[0] } }))).toEqual({ id: user.id, email: user.email });
  });

  it("ignores a session cookie with a forged signature", async () => {
    const user = await createUser({ organisationId: org.id });
    const cookie = (await commitUserSession(new Request("http://idehub.test/"), user)).split(";")[0];
    const [name, value] = cookie.split("=");
    const [payload] = decodeURIComponent(value).split(".");
    const forged = `${name}=${encodeURIComponent(`${payload}.AAAA`)}`;
    expect(await getSessionUser(new Request("http://idehub.test/", { headers: { Cookie: forged } }))).toBeNull();
  });
});

describe("bad input changes nothing", () => {
  it("refuses an e-mail outside the partner domains: clear message, nothing stored or sent", async () => {
    const before = await countRows();
    const reply = (await requestCode(new CookieJar(), "ola@gmail.com")) as { form: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
    expect(reply.form.error?.[""]).toEqual(["errors.domainNotAllowed"]);
    expect(reply.form.initialValue?.email).toBe("ola@gmail.com");
    // A look-alike domain is not a partner either.
    const lookalike = (await requestCode(new CookieJar(), `ola@x${org.domain}`)) as { form: { error?: Record<string, string[]> } };
    expect(lookalike.form.error?.[""]).toEqual(["errors.domainNotAllowed"]);
    expect(await countRows()).toEqual(before);
  });

  it("refuses a malformed e-mail with a field message", async () => {
    const before = await countRows();
    for (const email of ["", "kari", "kari@", "@asker.example.no", "kari lunde@asker.example.no"]) {
      const reply = (await requestCode(new CookieJar(), email)) as { form: { error?: Record<string, string[]> } };
      expect(reply.form.error?.email?.[0], email).toMatch(/^errors\.email(Invalid|Required)$/);
    }
    expect(await countRows()).toEqual(before);
  });

  it("has a message for every error key in all three languages", async () => {
    const { getTranslator } = await import("~/i18n/i18n.server");
    const codes: AuthError["code"][] = ["emailInvalid", "domainNotAllowed", "rateLimited", "codeInvalid", "codeExpired", "tooManyAttempts", "linkInvalid", "linkExpired", "demoUnavailable", "providerFailed", "mailFailed"];
    for (const locale of ["nb", "nn", "en"] as const) {
      const t = await getTranslator(locale);
      for (const code of codes) {
        const key = `errors.${code}`;
        expect(t(key, { ns: "auth" }), `${locale} ${key}`).not.toBe(key);
      }
    }
    const nb = await getTranslator("nb");
    const en = await getTranslator("en");
    expect(nb("errors.domainNotAllowed", { ns: "auth" })).not.toBe(en("errors.domainNotAllowed", { ns: "auth" }));
  });
});

describe("rate limits", () => {
  it("allows five code requests per e-mail in 15 minutes, then explains", async () => {
    const email = newAddress("limit");
    for (let i = 0; i < 5; i++) expectRedirect(await requestCode(new CookieJar(), email));
    const tokensBefore = (await countRows()).tokens;
    const sixth = (await requestCode(new CookieJar(), email)) as { form: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
    expect(sixth.form.error?.[""]).toEqual(["errors.rateLimited"]);
    expect(sixth.form.initialValue?.email).toBe(email);
    expect((await countRows()).tokens).toBe(tokensBefore);
  });

  it("allows 30 requests per IP address per hour", async () => {
    const ip = { [CLIENT_IP_HEADER]: "203.0.113.7" };
    for (let i = 0; i < 30; i++) expectRedirect(await requestCode(new CookieJar(), newAddress("ip"), {}, ip));
    const refused = (await requestCode(new CookieJar(), newAddress("ip"), {}, ip)) as { form: { error?: Record<string, string[]> } };
    expect(refused.form.error?.[""]).toEqual(["errors.rateLimited"]);
    // Another address from another IP is unaffected.
    expectRedirect(await requestCode(new CookieJar(), newAddress("ip"), {}, { [CLIENT_IP_HEADER]: "198.51.100.2" }));
  });

  it("limits code verification attempts per e-mail across fresh codes", async () => {
    const email = newAddress("guess");
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) {
      await verifySignInCode({ email, code: "123456", ip: null }).catch((error: AuthError) => outcomes.push(error.code));
    }
    expect(outcomes).toEqual([...Array(10).fill("codeInvalid"), "rateLimited"]);
  });
});

describe("where a sign-in leads", () => {
  async function signInOnboarded(redirectTo: string | undefined) {
    const user = await createUser({ organisationId: org.id, email: newAddress("ferdig"), locale: "nn" });
    const jar = new CookieJar();
    await requestCode(jar, user.email, redirectTo === undefined ? {} : { redirectTo });
    const mail = await latestMail(user.email);
    const response = expectRedirect(await settle(linkRoute.loader(routeArgs(jar.get(`/logg-inn/lenke?token=${extractLinkToken(mail.text)}`)))));
    return { response, mail };
  }

  it("follows a safe relative redirectTo and refuses everything else", async () => {
    const cases: [string | undefined, string][] = [
      ["/ideer/7?fane=svar#kommentar", "/ideer/7?fane=svar#kommentar"],
      [undefined, "/"],
      ["//evil.example/steal", "/"],
      ["/\\evil.example", "/"],
      ["https://evil.example/", "/"],
      ["javascript:alert(1)", "/"],
      ["ideer", "/"],
    ];
    for (const [redirectTo, expected] of cases) {
      const { response } = await signInOnboarded(redirectTo);
      expect(response.headers.get("Location"), String(redirectTo)).toBe(expected);
    }
  });

  it("mails in the profile's language and sets the language cookie from the profile", async () => {
    const { response, mail } = await signInOnboarded(undefined);
    expect(mail.subject).toContain("Innloggingskode");
    expect(mail.text).toContain("Koden og lenkja gjeld");
    const lng = response.headers.getSetCookie().find((c) => c.startsWith("lng="));
    expect(await localeCookie.parse(lng!.split(";")[0])).toBe("nn");
  });

  it("mails a new visitor in the language they are browsing in", async () => {
    const email = newAddress("english");
    await requestCode(new CookieJar(), email, {}, { Cookie: await localeCookie.serialize("en") });
    expect((await latestMail(email)).subject).toContain("sign-in code");
  });
});

describe("onboarding and sign-out", () => {
  it("requires name, unit and job title, accepts only the user's own organisation's units, then continues", async () => {
    const user = await createUser({ organisationId: org.id, onboarded: false, unitId: null, jobTitle: null, email: newAddress("ny") });
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request("http://idehub.test/"), user) }));

    const page = (await settle(welcomeRoute.loader(routeArgs(jar.get("/velkommen?redirectTo=%2Fideer"))))) as { units: { id: string; name: string }[]; redirectTo: string };
    expect(page.units).toEqual([{ id: unitId, name: "Hjemmetjenesten Testvik" }]);
    expect(page.redirectTo).toBe("/ideer");

    const empty = (await settle(welcomeRoute.action(routeArgs(jar.post("/velkommen", { fullName: "", unitId: "", jobTitle: "" }))))) as { error?: Record<string, string[]> };
    expect(empty.error).toMatchObject({ fullName: ["errors.fullNameRequired"], unitId: ["errors.unitRequired"], jobTitle: ["errors.jobTitleRequired"] });

    const foreign = (await settle(
      welcomeRoute.action(routeArgs(jar.post("/velkommen", { fullName: "Kari Lunde", unitId: otherOrgUnitId, jobTitle: "Sykepleier" }))),
    )) as { error?: Record<string, string[]> };
    expect(foreign.error?.unitId).toEqual(["errors.unitRequired"]);
    expect((await getCurrentUser(jar.get("/")))?.onboarded).toBe(false);

    const done = expectRedirect(
      await settle(welcomeRoute.action(routeArgs(jar.post("/velkommen", { fullName: " Kari Lunde ", unitId, jobTitle: "Sykepleier", redirectTo: "/ideer" })))),
    );
    expect(done.headers.get("Location")).toBe("/ideer");
    const current = await requireUser(jar.get("/ideer"));
    expect(current).toMatchObject({ fullName: "Kari Lunde", unitId, jobTitle: "Sykepleier", onboarded: true });

    // Onboarded users are sent on from /velkommen.
    const revisit = expectRedirect(await settle(welcomeRoute.loader(routeArgs(jar.get("/velkommen")))));
    expect(revisit.headers.get("Location")).toBe("/");
  });

  it("sends visitors without a session from /velkommen to sign-in", async () => {
    const response = expectRedirect(await settle(welcomeRoute.loader(routeArgs(new CookieJar().get("/velkommen")))));
    expect(response.headers.get("Location")).toBe("/logg-inn?redirectTo=%2Fvelkommen");
  });

  it("signs out with POST /logg-ut", async () => {
    const user = await createUser({ organisationId: org.id });
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request("http://idehub.test/"), user) }));
    expect(await getCurrentUser(jar.get("/"))).not.toBeNull();
    const response = expectRedirect(await settle(signOutRoute.action(routeArgs(jar.post("/logg-ut", {})))));
    expect(response.headers.get("Location")).toBe("/");
    jar.store(response);
    expect(jar.has("__idehub_session")).toBe(false);
    expect(await getCurrentUser(jar.get("/"))).toBeNull();
  });

  it("sends a signed-in visitor away from /logg-inn", async () => {
    const user = await createUser({ organisationId: org.id });
    const jar = new CookieJar();
    jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request("http://idehub.test/"), user) }));
    const response = expectRedirect(await settle(signInRoute.loader(routeArgs(jar.get("/logg-inn?redirectTo=%2Fideer")))));
    expect(response.headers.get("Location")).toBe("/ideer");
  });
});
