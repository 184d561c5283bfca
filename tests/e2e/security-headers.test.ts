import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe";
import { openPage, waitForHydration } from "./support/browser";
import { useE2eHarness } from "./support/harness";

const SESSION_SECRET = "e2e-security-secret-that-must-never-leak-0123456789";
const SEARCHES_PER_MINUTE = 30;
const app = useE2eHarness({ SESSION_SECRET, RATE_LIMIT_SEARCH_PER_MINUTE: String(SEARCHES_PER_MINUTE) });

const MARIUS = "50000000-0000-4000-8000-000000000004"; // coordinator
const VIGDIS = "50000000-0000-4000-8000-000000000030"; // platform admin
const KARI = "50000000-0000-4000-8000-000000000001"; // employee, used up by the search-limit test
const DUMMY_UUID = "00000000-0000-4000-8000-000000000000";

type Route = { id: string; parentId?: string; path?: string; index?: boolean };

/** Every URL pattern in the built app, read from the server build's route manifest. */
function routePatterns(): string[] {
  const script = `const b = await import("./build/server/index.js"); console.log(JSON.stringify(Object.values(b.routes).map(({ id, parentId, path, index }) => ({ id, parentId, path, index })))); process.exit(0);`;
  const routes = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim().split("\n").pop()!) as Route[];
  const byId = new Map(routes.map((r) => [r.id, r]));
  const fullPath = (route: Route): string => {
    const parent = route.parentId ? byId.get(route.parentId) : undefined;
    const own = route.path ?? "";
    const base = parent ? fullPath(parent) : "";
    return [base, own].filter(Boolean).join("/");
  };
  const patterns = routes.filter((r) => r.id !== "root" && (r.path !== undefined || r.index)).map((r) => `/${fullPath(r)}`);
  return [...new Set(patterns)].sort();
}

function patternRegex(pattern: string) {
  const source = pattern
    .split("/")
    .map((part) => (part === "*" ? ".+" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

function fillWithDummies(pattern: string) {
  return pattern
    .split("/")
    .map((part) => (part === "*" ? "finnes-ikke" : part.startsWith(":") ? (/id$/i.test(part) ? DUMMY_UUID : "finnes-ikke") : part))
    .join("/");
}

type Session = { name: string; cookie: string };
const anonymous: Session = { name: "signed out", cookie: "" };

function get(path: string, session: Session, extra: Record<string, string> = {}) {
  return fetch(app.url(path), { redirect: "manual", headers: { ...(session.cookie ? { Cookie: session.cookie } : {}), ...extra } });
}

function post(path: string, session: Session, fields: Record<string, string>, headers: Record<string, string>) {
  return fetch(app.url(path), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(session.cookie ? { Cookie: session.cookie } : {}), ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const sameOrigin = () => ({ Origin: new URL(app.url("/")).origin });

async function signIn(name: string, profileId: string): Promise<Session> {
  const response = await post("/logg-inn", anonymous, { intent: "demo", profileId, redirectTo: "/" }, sameOrigin());
  expect(response.status, `demo sign-in as ${name}`).toBe(302);
  const setCookie = response.headers.getSetCookie();
  const session = setCookie.find((line) => line.startsWith("__idehub_session="));
  expect(session, "a session cookie").toBeDefined();
  return { name, cookie: setCookie.map((line) => line.split(";")[0]).join("; ") };
}

/** Follows same-origin links and image sources from a few start pages, so routes get real ids. */
async function crawl(session: Session, starts: string[], limit = 120): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...starts];
  const found: string[] = [];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    const pathname = path.split(/[?#]/)[0]!;
    if (seen.has(pathname) || pathname.startsWith("/logg-ut")) continue;
    seen.add(pathname);
    const response = await get(path, session);
    found.push(pathname);
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    for (const match of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
      const next = match[1]!.replace(/&amp;/g, "&");
      if (!next.startsWith("/assets/") && !next.startsWith("//")) queue.push(next);
    }
  }
  return found;
}

let urls: string[] = [];
let marius: Session;
let vigdis: Session;

beforeAll(async () => {
  marius = await signIn("Marius (coordinator)", MARIUS);
  vigdis = await signIn("Vigdis (admin)", VIGDIS);
  // A mail in the dev mailbox, so its pages are visited with a real id.
  const request = await post("/logg-inn", anonymous, { intent: "request", email: "kari.nordby@asker.example.no", redirectTo: "/" }, sameOrigin());
  expect(request.status).toBeLessThan(500);
  const crawled = [
    ...(await crawl(marius, ["/", "/ideer", "/historier", "/nettverk", "/innsikt", "/mine-forslag", "/dev/mailbox", "/varsler"])),
    ...(await crawl(vigdis, ["/", "/admin"], 40)),
  ];
  urls = routePatterns().map((pattern) => {
    const regex = patternRegex(pattern);
    return crawled.find((path) => regex.test(path)) ?? fillWithDummies(pattern);
  });
  urls.push("/assets/does-not-exist.js", "/ideer.data", "/favicon.ico");
}, 240_000);

function expectSecurityHeaders(response: Response, label: string) {
  const h = response.headers;
  const csp = h.get("content-security-policy") ?? "";
  expect(csp, `${label}: Content-Security-Policy`).not.toBe("");
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const scriptSrc = directives.get("script-src") ?? directives.get("default-src") ?? [];
  expect(scriptSrc, `${label}: no inline or eval scripts`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, label).not.toContain("'unsafe-eval'");
  expect(scriptSrc.some((s) => s === "*" || s.endsWith(":")), `${label}: no wildcard script sources`).toBe(false);
  const framed = directives.get("frame-ancestors")?.[0] === "'self'";
  if (framed) {
    // Only the dev mailbox's mail view may be framed, by our own page, and it may run nothing.
    expect(label).toMatch(/\/dev\/mailbox\/[^/]+\/html/);
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.has("script-src")).toBe(false);
  } else {
    expect(directives.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
    expect(directives.get("object-src"), `${label}: object-src`).toEqual(["'none'"]);
    expect(directives.get("base-uri"), `${label}: base-uri`).toEqual(["'self'"]);
    expect(directives.get("form-action"), `${label}: form-action`).toEqual(["'self'"]);
    expect(scriptSrc.filter((s) => s.startsWith("'nonce-")), `${label}: one nonce`).toHaveLength(1);
  }
  expect(h.get("strict-transport-security"), `${label}: HSTS`).toMatch(/^max-age=(\d{8,})/);
  expect(h.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("cross-origin-opener-policy"), label).toBe("same-origin");
  const permissions = h.get("permissions-policy") ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions, `${label}: ${feature}`).toContain(`${feature}=()`);
  expect(h.get("x-powered-by"), label).toBeNull();
}

function expectNoServerDetails(body: string, label: string) {
  expect(body, `${label}: a stack trace`).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\/work\/|file:\/\//);
  expect(body, `${label}: the session secret`).not.toContain(SESSION_SECRET);
}

describe("security headers on every route", () => {
  it("finds the app's routes in the build manifest, with real ids where the demo data has them", () => {
    expect(urls.length).toBeGreaterThan(40);
    expect(urls).toContain("/");
    expect(urls.some((u) => /^\/ideer\/[^/]+$/.test(u) && !u.includes(DUMMY_UUID) && u !== "/ideer/ny")).toBe(true);
    expect(urls.some((u) => /^\/historier\/[^/]+$/.test(u) && u !== "/historier/finnes-ikke")).toBe(true);
    expect(urls.some((u) => /^\/nettverk\/[^/]+\/innboks$/.test(u) && !u.includes("finnes-ikke"))).toBe(true);
    expect(urls.some((u) => /^\/dev\/mailbox\/[0-9a-f-]{36}\/html$/.test(u) && !u.includes(DUMMY_UUID))).toBe(true);
  });

  it("sends the headers on every route, signed out and signed in, and no server details in any body", async () => {
    const statuses = new Map<number, number>();
    for (const session of [anonymous, marius, vigdis]) {
      for (const url of urls) {
        const response = await get(url, session);
        const label = `${session.name} GET ${url} (${response.status})`;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, label).toBeLessThan(500);
        expectSecurityHeaders(response, label);
        const type = response.headers.get("content-type") ?? "";
        if (/text|json|xml|csv/.test(type)) expectNoServerDetails(await response.text(), label);
        else await response.body?.cancel();
      }
    }
    // The list really covers pages, redirects and not-found answers.
    expect(statuses.get(200)).toBeGreaterThan(30);
    expect(statuses.get(404)).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s >= 300 && s < 400)).toBe(true);
  }, 240_000);

  it("gives every page a fresh nonce that each inline and module script carries", async () => {
    const nonces = new Set<string>();
    for (const url of ["/", "/ideer", "/ideer/ny", "/historier", "/finnes-ikke"]) {
      for (let i = 0; i < 2; i++) {
        const response = await get(url, marius);
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
        expect(nonce, url).toBeDefined();
        expect(nonce!.length).toBeGreaterThanOrEqual(22);
        nonces.add(nonce!);
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        // Read pages carry one small inline script and no module (decision 009); the others hydrate.
        expect(scripts.length, `${url}: scripts`).toBeGreaterThanOrEqual(["/", "/ideer", "/historier"].includes(url) ? 1 : 3);
        for (const tag of scripts) expect(tag, `${url}: ${tag}`).toContain(`nonce="${nonce}"`);
      }
    }
    expect(nonces.size).toBe(10);
  });

  it("static assets get the headers and long caching, and never a nonce that a page could reuse", async () => {
    const html = await (await get("/", anonymous)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"|href="(\/assets\/[^"]+\.css)"/.exec(html);
    const path = asset?.[1] ?? asset?.[2];
    expect(path).toBeDefined();
    const response = await get(path!, anonymous);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, path!);
    expect(response.headers.get("cache-control")).toContain("immutable");
    await response.body?.cancel();
  });

  it("serves public/robots.txt with the headers: search engines may read the public pages only", async () => {
    const response = await get("/robots.txt", anonymous);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, "/robots.txt");
    const text = await response.text();
    expect(text).toMatch(/^Allow: \/svargaranti$/m);
    expect(text).toMatch(/^Disallow: \/$/m);
  });

  it("sets the session and language cookies HttpOnly and SameSite=Lax", async () => {
    const response = await post("/logg-inn", anonymous, { intent: "demo", profileId: MARIUS, redirectTo: "/" }, sameOrigin());
    const session = response.headers.getSetCookie().find((line) => line.startsWith("__idehub_session="))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
    // APP_URL is plain http here; with an https APP_URL the cookie is Secure (session.server.ts).
    expect(session).not.toMatch(/; Secure/i);
    const language = await post("/innstillinger/sprak", anonymous, { locale: "nn", redirectTo: "/" }, sameOrigin());
    const lng = language.headers.getSetCookie().find((line) => line.startsWith("lng="))!;
    expect(lng).toMatch(/; HttpOnly/i);
    expect(lng).toMatch(/; SameSite=Lax/i);
  });
});

describe("cross-site request forgery", () => {
  async function pageLang(session: Session) {
    return /<html lang="(\w+)"/.exec(await (await get("/", session)).text())?.[1];
  }

  it("refuses a cross-origin POST with 403 and a Norwegian page, and changes nothing; the same POST from the app works", async () => {
    expect(await pageLang(marius)).toBe("nb");
    const refusals: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { Referer: "https://evil.example/side" },
      {},
    ];
    for (const headers of refusals) {
      const response = await post("/innstillinger/sprak", marius, { locale: "en", redirectTo: "/" }, headers);
      const label = JSON.stringify(headers);
      expect(response.status, label).toBe(403);
      expect(response.headers.getSetCookie(), label).toEqual([]);
      expectSecurityHeaders(response, `refused POST ${label}`);
      const html = await response.text();
      expect(html, label).toContain('<html lang="nb"');
      expect(html, label).toContain("<h1");
      expect(html, label).toContain("Skjemaet ble avvist");
      expect(html).toContain("Skjemaet ble sendt fra en annen nettside enn Idéhub, så vi har ikke lagret noe.");
    }
    // The profile's language (stored in the database) is unchanged.
    expect(await pageLang(marius)).toBe("nb");

    const accepted = await post("/innstillinger/sprak", marius, { locale: "en", redirectTo: "/" }, sameOrigin());
    expect(accepted.status).toBe(302);
    expect(await pageLang(marius)).toBe("en");
    const viaReferer = await post("/innstillinger/sprak", marius, { locale: "nb", redirectTo: "/" }, { Referer: app.url("/ideer") });
    expect(viaReferer.status).toBe(302);
    expect(await pageLang(marius)).toBe("nb");
  });

  it("refuses a form that another site makes a browser submit, with an accessible refusal page", async () => {
    // A page on another origin (localhost vs 127.0.0.1) that posts a form to the app.
    const target = app.url("/innstillinger/sprak");
    const evil = http.createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(`<!DOCTYPE html><html lang="en"><title>Evil</title><form method="post" action="${target}"><input name="locale" value="en"><input name="redirectTo" value="/"><button>Go</button></form>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, "localhost", resolve));
    const { port } = evil.address() as AddressInfo;
    const { context, page, browserErrors } = await openPage(app.browser);
    try {
      await page.goto(`http://localhost:${port}/`);
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Go" }).click()]);
      expect(response?.status()).toBe(403);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Skjemaet ble avvist");
      await expectAccessible(page, "cross-site refusal page");
      expect(browserErrors).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});

describe("errors and limits", () => {
  it("answers malformed and hostile requests without a stack trace or secret", async () => {
    const probes = [
      "/%",
      "/ideer/%E0%A4%A",
      "/ideer/99999999999999999999999999",
      "/ideer/99999999999999999999999999.data",
      "/ideer/99999999999999999999999999/behandle",
      "/innsikt/csv/%00",
      "/historier/feed.xml?side=-1",
      "/ideer.data?_routes=finnes-ikke",
      "/ideer/ny.data",
    ];
    for (const path of probes) {
      for (const session of [anonymous, marius]) {
        const response = await get(path, session);
        const label = `${session.name} GET ${path} (${response.status})`;
        expectSecurityHeaders(response, label);
        expectNoServerDetails(await response.text(), label);
      }
    }
    const garbage = await fetch(app.url("/ideer/ny"), {
      method: "POST",
      headers: { ...sameOrigin(), Cookie: marius.cookie, "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbroken",
    });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expectNoServerDetails(await garbage.text(), "garbage multipart");

    // An action that throws (its form body cannot be read): the error page, without the error.
    const broken = () => ({ method: "POST", redirect: "manual" as const, headers: { ...sameOrigin(), "Content-Type": "multipart/form-data" }, body: "x" });
    const page = await fetch(app.url("/logg-inn"), broken());
    expect(page.status).toBe(500);
    expectSecurityHeaders(page, "500 page");
    const html = await page.text();
    expectNoServerDetails(html, "500 page");
    expect(html).toContain("Noe gikk galt");
    expect(html).not.toMatch(/TypeError|Failed to parse body|FormData/);
    const resource = await fetch(app.url("/innstillinger/sprak"), broken());
    expect(resource.status).toBe(500);
    expect(await resource.text()).toBe("Unexpected Server Error");
    const data = await fetch(app.url("/logg-inn.data"), broken());
    const encoded = await data.text();
    expectNoServerDetails(encoded, "500 data");
    expect(encoded).not.toMatch(/TypeError|Failed to parse body|FormData/);
    // The error itself went to the server log, where operators find it.
    expect(app.server.readLog()).toContain("TypeError: Failed to parse body as FormData");
  });

  it("limits searches per user (shared counter in Postgres) with a 429 page in the user's language", async () => {
    const kari = await signIn("Kari", KARI);
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) {
      const response = await get(`/ideer?q=test${i}`, kari);
      expect(response.status, `search ${i + 1}`).toBe(200);
      await response.body?.cancel();
    }
    const refused = await get("/ideer?q=en+til", kari);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expectSecurityHeaders(refused, "429");
    const html = await refused.text();
    expect(html).toContain("For mange forespørsler");
    expect(html).toContain("Vent et minutt, og prøv igjen.");
    // Marius searches as before: the limit is per user.
    expect((await get("/ideer?q=test", marius)).status).toBe(200);

    const { context, page, browserErrors } = await openPage(app.browser);
    try {
      await context.addCookies(kari.cookie.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1), url: app.url("/") })));
      const response = await page.goto(app.url("/ideer?q=sensor"));
      expect(response?.status()).toBe(429);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("For mange forespørsler");
      await expectAccessible(page, "429 page");
      expect(browserErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the policy in a real browser", () => {
  it("loads every page without a single CSP violation or browser error, signed in", async () => {
    const violations: string[] = [];
    const { context, page, browserErrors } = await openPage(app.browser);
    await context.addCookies(marius.cookie.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1), url: app.url("/") })));
    await context.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
        );
      });
    });
    try {
      let visited = 0;
      for (const url of urls) {
        const head = await get(url, marius);
        const isPage = head.status === 200 && (head.headers.get("content-type") ?? "").startsWith("text/html");
        await head.body?.cancel();
        if (!isPage || url.endsWith("/html")) continue;
        await page.goto(app.url(url));
        await waitForHydration(page);
        visited++;
      }
      expect(visited).toBeGreaterThan(25);

      // The Lexical editor (a lazily loaded Vite chunk) runs and takes text.
      await page.goto(app.url("/ideer/ny"));
      await waitForHydration(page);
      const editor = page.locator('[contenteditable="true"]').first();
      await editor.waitFor();
      await editor.click();
      await page.keyboard.type("Skrevet under streng CSP");
      await expect.poll(() => editor.textContent()).toContain("Skrevet under streng CSP");

      // The dev mailbox shows the mail's own HTML (inline styles allowed only in that frame).
      await page.goto(app.url("/dev/mailbox"));
      await page.locator("tbody a").first().click();
      await page.waitForURL(/\/dev\/mailbox\/[^/]+$/);
      const frame = page.frameLocator("iframe");
      await expect.poll(() => frame.locator("body").textContent()).toMatch(/\d{6}/);

      expect(violations).toEqual([]);
      expect(browserErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
