import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { sql } from "kysely";
import { asService, type Db } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { demoUser } from "../support/demo-data";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, useTestEnv } from "./auth-helpers";
import { submitDemoIdea, useTempFileStorage } from "./outbox-support";

// Property-based fuzzing of every route module (app/routes) that exports a loader or an action.
// Field names, intents and parameter names are read from the route's source and the schema modules
// it imports, so a new route or field is fuzzed without editing this file.

const ROUTES_DIR = path.resolve("app/routes");

export type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown> | unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown> | unknown;
};

export type RouteInfo = {
  file: string;
  /** URL path with $params filled in from `params`. */
  pathFor(params: Record<string, string>): string;
  paramNames: string[];
  fields: string[];
  /** Fields named in the route file itself (its own form), as opposed to imported schemas. */
  ownFields: string[];
  intents: string[];
  searchParams: string[];
  hasLoader: boolean;
  hasAction: boolean;
};

function read(file: string) {
  return fs.readFileSync(file, "utf8");
}

/** The module files a route imports from ~/modules or ~/components (one level), for field names. */
function importedSources(source: string): string[] {
  const files: string[] = [];
  for (const match of source.matchAll(/from "~\/((?:modules|components)\/[^"]+)"/g)) {
    const base = path.resolve("app", match[1]!);
    for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
      if (fs.existsSync(candidate)) {
        files.push(candidate);
        break;
      }
    }
  }
  return files;
}

const unique = <T>(values: T[]) => [...new Set(values)].sort();

function fieldNamesIn(source: string) {
  return [
    ...[...source.matchAll(/^\s+([a-zA-Z][a-zA-Z0-9]*): z\b/gm)].map((m) => m[1]!),
    ...[...source.matchAll(/formData\.get(?:All)?\("([a-zA-Z][a-zA-Z0-9]*)"\)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/\bname="([a-zA-Z][a-zA-Z0-9]*)"/g)].map((m) => m[1]!),
  ];
}

function intentsIn(source: string) {
  return [
    ...[...source.matchAll(/intent === "([a-z_-]+)"/g)].map((m) => m[1]!),
    ...[...source.matchAll(/intent: z\.literal\("([a-z_-]+)"\)/g)].map((m) => m[1]!),
    ...[...source.matchAll(/name="intent" value="([a-z_-]+)"/g)].map((m) => m[1]!),
  ];
}

function searchParamsIn(source: string) {
  return [...source.matchAll(/\.(?:get|getAll|has)\("([a-zA-Z_]+)"\)/g)].map((m) => m[1]!);
}

/** Every route file that exports a loader or an action, with what its forms and URLs use. */
export function discoverRoutes(): RouteInfo[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes(".test."))
    .sort()
    .flatMap((file) => {
      const source = read(path.join(ROUTES_DIR, file));
      const hasLoader = /export (async )?function loader|export const loader/.test(source);
      const hasAction = /export (async )?function action|export const action/.test(source);
      if (!hasLoader && !hasAction) return [];
      const related = importedSources(source).map(read);
      const all = [source, ...related];
      const segments = file
        .replace(/\.(ts|tsx)$/, "")
        .split(".")
        .filter((s) => s !== "_index")
        .map((s) => s.replace(/_$/, "").replace(/^\[(.*)\]$/, "$1"));
      const paramNames = segments.filter((s) => s.startsWith("$") && s !== "$").map((s) => s.slice(1));
      return [
        {
          file,
          paramNames,
          pathFor(params: Record<string, string>) {
            const parts = segments
              .filter((s) => !s.startsWith("_"))
              .map((s) => (s === "$" ? (params["*"] ?? "x") : s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "") : s));
            return `/${parts.join("/")}`;
          },
          fields: unique(all.flatMap(fieldNamesIn).filter((name) => name !== "intent")),
          // Fields of GET forms (filters, template pickers) are query parameters, not posted text.
          ownFields: unique(fieldNamesIn(source).filter((name) => name !== "intent" && !searchParamsIn(source).includes(name))),
          intents: unique(all.flatMap(intentsIn)),
          searchParams: unique(all.flatMap(searchParamsIn)),
          hasLoader,
          hasAction,
        },
      ];
    });
}

export async function importRoute(file: string): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
}

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "' OR 1=1 --",
  "'; drop table ideas; --",
  "a & b | !c :* 'd\" <-> (e",
  "!!&&||::**",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "//evil.example.com",
  "https://evil.example.com/",
  "../../../etc/passwd",
  "%00%2e%2e%2f",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999",
  "2026-02-30",
  "9999-12-31",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "true",
  "on",
  "IDE-2026-0001",
  "IDE-0000-99999",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "ÆØÅ æøå – “sitat” 🤖 ‮reversert",
  "Ola Nordmann 01019912345", // looks like a fødselsnummer
  "x".repeat(5_000),
  "ø".repeat(70_000),
  // Long enough for String.length (UTF-16 units) yet short for PostgreSQL's length() (characters):
  // 3/2, 4/2, 10/5 and 20/10, against the "at least 2, 3, 5, 10, 20 characters" rules.
  "a",
  "!𐀀",
  "😀😀",
  "😀".repeat(5),
  "😀".repeat(10),
];

export type Context = {
  publicId: string;
  ideaId: string;
  draftId: string;
  storySlug: string;
  networkSlug: string;
  themeId: string;
  serviceAreaId: string;
  profileId: string;
  commentId: string;
};

/** A value for one form field or search parameter: usually hostile, sometimes plausible. */
export function valueArb(ctx: Context): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: "binary" }) },
    { weight: 1, arbitrary: fc.uuid().map(String) },
    { weight: 1, arbitrary: fc.integer({ min: -2147483648, max: 2147483647 }).map(String) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ctx.publicId,
        ctx.ideaId,
        ctx.draftId,
        ctx.themeId,
        ctx.serviceAreaId,
        ctx.profileId,
        ctx.commentId,
        "Nattevakten kjører langt for å se til brukere som sover.",
        "Digitalt tilsyn om natten",
        "kari.nordby@asker.example.no",
        "3",
        "2027-01-15",
      ),
    },
  );
}

/** Form fields: each known field absent, once, or repeated (an array where a scalar is expected). */
export function formArb(route: RouteInfo, ctx: Context): fc.Arbitrary<[string, string][]> {
  const field = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 4, arbitrary: valueArb(ctx).map((v) => [[name, v]] as [string, string][]) },
      { weight: 1, arbitrary: fc.array(valueArb(ctx), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [name, v] as [string, string])) },
    );
  const intent = route.intents.length
    ? fc.oneof(fc.constantFrom(...route.intents), valueArb(ctx)).map((v) => [["intent", v]] as [string, string][])
    : fc.constant([] as [string, string][]);
  const stray = fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "x", "a[0]", "a.b"), valueArb(ctx)), { maxLength: 2 });
  return fc.tuple(intent, ...route.fields.map(field), stray).map((parts) => parts.flat());
}

/** Path parameters: the real one (so deeper code runs) or something malformed. */
export function paramsArb(route: RouteInfo, ctx: Context): fc.Arbitrary<Record<string, string>> {
  const real: Record<string, string> = {
    publicId: ctx.publicId,
    slug: route.file.startsWith("historier") ? ctx.storySlug : ctx.networkSlug,
    draftId: ctx.draftId,
  };
  const entries = route.paramNames.map((name) =>
    fc.oneof({ weight: 2, arbitrary: fc.constant(real[name] ?? crypto.randomUUID()) }, { weight: 1, arbitrary: valueArb(ctx) }).map((v) => [name, v] as const),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs));
}

export function searchArb(route: RouteInfo, ctx: Context): fc.Arbitrary<[string, string][]> {
  const names = unique([...route.searchParams, "q", "side", "sorter", "redirectTo"]);
  return fc.array(fc.tuple(fc.constantFrom(...names), valueArb(ctx)), { maxLength: 5 });
}

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

export type Outcome =
  | { kind: "crash"; message: string }
  | { kind: "response"; status: number; thrown: boolean; body?: string }
  | { kind: "data"; status: number; value: unknown };

/** Calls a loader/action the way Remix does and classifies what came back. */
export async function call(handler: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    const result = await handler();
    if (result instanceof Response) return { kind: "response", status: result.status, thrown: false, body: await result.text() };
    if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
      const withInit = result as unknown as { data: unknown; init?: { status?: number } | null };
      return { kind: "data", status: withInit.init?.status ?? 200, value: withInit.data };
    }
    return { kind: "data", status: 200, value: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { kind: "response", status: thrown.status, thrown: true, body: await thrown.text().catch(() => "") };
    if (thrown && typeof thrown === "object" && "type" in thrown && (thrown as { type: string }).type === "DataWithResponseInit") {
      const withInit = thrown as unknown as { data: unknown; init?: { status?: number } | null };
      return { kind: "response", status: withInit.init?.status ?? 500, thrown: true, body: JSON.stringify(withInit.data) };
    }
    return { kind: "crash", message: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
  }
}

/** A refusal: a 4xx, or data carrying a Conform reply with status "error". */
/**
 * fast-check options for one fuzz file: FUZZ_RUNS runs per route, and one seed for every property
 * in the file (FUZZ_SEED, else a random one). Routes run in order against one shared database, so a
 * failure can depend on what earlier routes wrote; with one seed, the seed printed on failure
 * replays the whole file: FUZZ_SEED=<seed> npx vitest run <file>.
 */
export function fuzzOptions(defaultRuns: number) {
  return { numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns), seed: Number(process.env.FUZZ_SEED ?? FILE_SEED) };
}
const FILE_SEED = Math.floor(Math.random() * 2 ** 31);

export function isRefusal(outcome: Outcome) {
  if (outcome.kind === "crash") return false;
  if (outcome.status >= 400) return true;
  if (outcome.kind === "data") {
    const json = JSON.stringify(outcome.value ?? null);
    return /"status":"error"/.test(json);
  }
  return false;
}

/** Tables whose row counts may change on a refused request (counters kept on purpose). */
const MAY_CHANGE_ON_REFUSAL = new Set(["rate_limits", "audit_log"]);

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`
    select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`.execute(db);
  const names = tables.map((t) => t.name).filter((name) => !MAY_CHANGE_ON_REFUSAL.has(name));
  const { rows } = await sql<Record<string, number>>`select ${sql.join(
    names.map((name) => sql`(select count(*)::int from ${sql.table(`public.${name}`)}) as ${sql.ref(name)}`),
  )}`.execute(db);
  return rows[0]!;
}

export function changedCounts(before: Record<string, number>, after: Record<string, number>) {
  return Object.keys(after)
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name]} → ${after[name]}`);
}

/** What the server receives for a value sent in an x-www-form-urlencoded body. */
export function asReceived(value: string) {
  return new URLSearchParams(new URLSearchParams({ v: value }).toString()).get("v")!;
}

/**
 * The typed fields a refusal must give back: all of them when it carries a Conform reply
 * (initialValue), else those of the route's own form (its own echo).
 */
export function fieldsToEcho(outcome: Outcome, route: RouteInfo) {
  if (outcome.kind !== "data") return [];
  return JSON.stringify(outcome.value ?? null).includes('"initialValue"') ? route.fields : route.ownFields;
}

/** Does the answer carry the typed text back? */
export function echoes(outcome: Outcome, value: string) {
  if (outcome.kind !== "data") return true;
  const json = JSON.stringify(outcome.value ?? null);
  return json.includes(JSON.stringify(value).slice(1, -1));
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

export type Persona = { email: string; cookie: string };

export async function signedIn(db: Db, email: string): Promise<Persona> {
  const user = await demoUser(db, email);
  const setCookie = await commitUserSession(new Request(APP_URL), user);
  return { email, cookie: setCookie.split(";")[0]! };
}

export async function fuzzContext(db: Db): Promise<Context> {
  const idea = await submitDemoIdea(db, "kari.nordby@asker.example.no", { visibility: "organisation" });
  return asService("test: fuzz fixtures", async (trx) => {
    const kari = await trx.selectFrom("profiles").select("id").where("email", "=", "kari.nordby@asker.example.no").executeTakeFirstOrThrow();
    const draft = await trx
      .insertInto("idea_drafts")
      .values({ owner_id: kari.id, title: "Kladd", form_data: JSON.stringify({ title: "Kladd" }) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const comment = await trx
      .insertInto("idea_comments")
      .values({ idea_id: idea.ideaId, author_id: kari.id, body: "En første kommentar." })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theme = await trx.selectFrom("themes").select("id").orderBy("sort_order").executeTakeFirstOrThrow();
    const area = await trx.selectFrom("service_areas").select("id").orderBy("sort_order").executeTakeFirstOrThrow();
    const story = await trx.selectFrom("stories").select("slug").where("status", "=", "published").orderBy("slug").executeTakeFirstOrThrow();
    return {
      publicId: idea.publicId,
      ideaId: idea.ideaId,
      draftId: draft.id,
      storySlug: story.slug,
      networkSlug: "digi-asker",
      themeId: theme.id,
      serviceAreaId: area.id,
      profileId: kari.id,
      commentId: comment.id,
    };
  });
}

export function request(method: "GET" | "POST", url: string, cookie: string, form?: [string, string][]) {
  const headers: Record<string, string> = { Cookie: cookie, Origin: APP_URL, "Sec-Fetch-Site": "same-origin" };
  if (!form) return new Request(`${APP_URL}${url}`, { method, headers });
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return new Request(`${APP_URL}${url}`, { method, headers, body: new URLSearchParams(form).toString() });
}

/** Personas the fuzzer signs in as: submitter, coordinator of digi-asker, another organisation, admin, partner. */
export const PERSONA_EMAILS = [
  "kari.nordby@asker.example.no",
  "marius.bakken@asker.example.no",
  "ahmed.rahimi@drammen.example.no",
  "vigdis.ruud@drammen-helsepark.example.no",
  "lars.oien@usn.example.no",
] as const;

/**
 * One seeded test database for a fuzz file, with the shared context and a signed-in persona per
 * kind of user (plus "anonymous"); read the fields inside tests, after beforeAll has run.
 */
export function useFuzzSetup() {
  const setup = {} as { testDb: TestDatabase; ctx: Context; personas: Persona[] };
  let cleanUpStorage: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    setup.testDb = await createTestDatabase();
    await setup.testDb.seedDemoData();
    await useTestEnv();
    cleanUpStorage = await useTempFileStorage();
    setup.ctx = await fuzzContext(setup.testDb.db);
    setup.personas = [{ email: "anonymous", cookie: "" }, ...(await Promise.all(PERSONA_EMAILS.map((email) => signedIn(setup.testDb.db, email))))];
  });
  afterAll(async () => {
    await cleanUpStorage?.();
    await setup.testDb?.close();
  });
  return setup;
}
