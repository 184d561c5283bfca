import crypto from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { IdeaFormActionData } from "~/components/idea-form/idea-form";
import { decodeMessage } from "~/components/idea-form/form-messages";
import { getTranslator } from "~/i18n/i18n.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { createSharedLimiter } from "~/modules/security/shared-rate-limiter.server";
import * as searchPage from "~/routes/ideer._index";
import { action as newIdeaAction } from "~/routes/ideer.ny";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, routeArgs, settle, useTestEnv } from "./auth-helpers";

const SEARCHES_PER_MINUTE = 3;
const IDEAS_PER_HOUR = 2;
const KARI = "kari.nordby@asker.example.no";
const AHMED = "ahmed.rahimi@drammen.example.no";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv({ RATE_LIMIT_SEARCH_PER_MINUTE: String(SEARCHES_PER_MINUTE), RATE_LIMIT_IDEAS_PER_HOUR: String(IDEAS_PER_HOUR) });
  ref = await loadReference(testDb.db);
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

describe("shared rate limits (stored in Postgres)", () => {
  it("two limiter instances on the same database share one count, as two app instances would", async () => {
    const connectionString = (testDb.engine.pool as unknown as { options?: { connectionString?: string } }).options?.connectionString;
    // On a PostgreSQL server the second instance gets its own connection pool; PGlite has one session.
    const secondPool = connectionString ? new pg.Pool({ connectionString, max: 2 }) : testDb.engine.pool;
    try {
      const options = { keyPrefix: `shared_test_${crypto.randomUUID()}`, points: 3, durationSeconds: 60 };
      const first = createSharedLimiter(testDb.engine.pool, options);
      const second = createSharedLimiter(secondPool, options);
      expect(await first.consume("user-1")).toEqual({ limited: false });
      expect(await second.consume("user-1")).toEqual({ limited: false });
      expect(await first.consume("user-1")).toEqual({ limited: false });
      const refused = await second.consume("user-1");
      expect(refused.limited).toBe(true);
      expect(refused.limited && refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.limited && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Another key has its own count, on either instance.
      expect(await second.consume("user-2")).toEqual({ limited: false });
      const stored = await asService("test: read the counter", async (trx) =>
        (await sql<{ points: number }>`select points from public.rate_limits where key = ${`${options.keyPrefix}:user-1`}`.execute(trx)).rows[0],
      );
      expect(stored?.points).toBe(4);
    } finally {
      if (secondPool !== testDb.engine.pool) await secondPool.end();
    }
  });

  it("answers the search page with 429 and Retry-After once a user has searched too often, per user", async () => {
    const kari = await signIn(KARI);
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) {
      const page = await settle(searchPage.loader(routeArgs(kari.get(`/ideer?q=sensor${i}`))));
      expect(page).not.toBeInstanceOf(Response);
    }
    const refused = await settle(searchPage.loader(routeArgs(kari.get("/ideer?q=sensor"))));
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(429);
    expect(Number((refused as Response).headers.get("Retry-After"))).toBeGreaterThan(0);
    // Paging and filtering count as searches; the plain list from the menu is not counted or refused.
    expect(((await settle(searchPage.loader(routeArgs(kari.get("/ideer?side=2"))))) as Response).status).toBe(429);
    expect(((await settle(searchPage.loader(routeArgs(kari.get("/ideer?status=received"))))) as Response).status).toBe(429);
    expect(await settle(searchPage.loader(routeArgs(kari.get("/ideer"))))).not.toBeInstanceOf(Response);
    // Ahmed is not affected by Kari's searches.
    const ahmed = await signIn(AHMED);
    expect(await settle(searchPage.loader(routeArgs(ahmed.get("/ideer?q=sensor"))))).not.toBeInstanceOf(Response);
  });

  it("refuses a submission over the hourly limit with a translated message, writes nothing and keeps the text", async () => {
    const kari = await signIn(KARI);
    const fields = () => ({
      intent: "submit",
      idempotencyKey: crypto.randomUUID(),
      title: "Digitalt tilsyn om natten i hjemmetjenesten",
      problem: "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte.",
      proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("trygghetsskapende-teknologi"),
      needContexts: ["home"],
      expectedBenefits: ["less_driving"],
      visibility: "partners",
      privacyConfirmed: "on",
    });
    const submit = (values: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) body.append(name, item);
      const request = new Request(`${APP_URL}/ideer/ny`, {
        method: "POST",
        headers: { Cookie: kari.header(), "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
      return settle(newIdeaAction(routeArgs(request)));
    };
    for (let i = 0; i < IDEAS_PER_HOUR; i++) {
      const accepted = await submit(fields());
      expect(accepted, "a submission under the limit is accepted").toBeInstanceOf(Response);
      expect((accepted as Response).status).toBe(302);
    }
    const count = async () =>
      Number(
        (await asService("test: count ideas", (trx) => trx.selectFrom("ideas").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow())).n,
      );
    const before = await count();
    const last = fields();
    const refused = (await submit({ ...last, title: "Nattlig tilsyn med sensor, tredje forsøk" })) as {
      data: IdeaFormActionData;
      init: { status?: number } | null;
    };
    expect(refused.init?.status).toBe(429);
    expect(await count()).toBe(before);
    const formErrors = (refused.data.result.error?.[""] ?? []) as string[];
    expect(formErrors).toHaveLength(1);
    const { key, values } = decodeMessage(formErrors[0]!);
    const text = (await getTranslator("nb"))(key, { ns: "idea-form", ...values });
    expect(text).toMatch(/^Du har sendt inn mange forslag på kort tid\. Teksten din står fortsatt i skjemaet\. Prøv å sende inn igjen om \d+ minutter\.$/);
    expect(refused.data.result.initialValue?.title).toBe("Nattlig tilsyn med sensor, tredje forsøk");
  });
});
