import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asService } from "~/db/client.server";
import { commitUserSession } from "~/modules/auth/session.server";
import { action as newIdeaAction } from "~/routes/ideer.ny";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { useTempFileStorage } from "./outbox-support";

// The database connection dies in the middle of a submission: after the idea row is inserted and
// before the transaction commits. On PostgreSQL the server really terminates the request's backend
// (pg_terminate_backend); on PGlite the driver fails the query the same way (see killConnection). Either
// way the user must get a clear 503 with their text, nothing half-saved, and the text kept as a draft.

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let cookie: string;
let cleanUpStorage: () => Promise<void>;

type Wrapped = pg.PoolClient & { __faultWrapped?: boolean; processID?: number };
/** Set to a SQL fragment: the next query containing it finds its connection dead. */
let dropBefore: string | null = null;
let dropped = 0;

/**
 * PostgreSQL: the server ends the backend, and the query fails as it would in production.
 * PGlite is one session inside this process, reached over a local socket: cutting that socket would
 * leave the embedded database mid-transaction (something that cannot happen in production, where
 * the socket never leaves the process), so there the driver reports the same error instead and the
 * transaction is rolled back over the still-open socket.
 */
async function killConnection(client: Wrapped) {
  dropped += 1;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [client.processID]);
    await admin.end();
    return;
  }
  throw new Error("Connection terminated unexpectedly");
}

/** Fault injection at the wire: every pooled connection's query() may find the connection gone. */
function injectConnectionDrops(pool: pg.Pool) {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => Promise<pg.PoolClient> | undefined;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    // pool.query() (the rate limiter's store) connects with a callback: leave that path alone.
    if (args.length > 0) return connect(...args);
    return connect()!.then((client) => wrap(client as Wrapped));
  };
  const wrap = (client: Wrapped) => {
    if (!client.__faultWrapped) {
      client.__faultWrapped = true;
      // Without a listener, the dead socket's 'error' event would be thrown.
      client.on("error", () => {});
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
        const first = args[0] as string | { text?: string };
        const text = typeof first === "string" ? first : (first?.text ?? "");
        if (dropBefore && text.includes(dropBefore)) {
          dropBefore = null;
          await killConnection(client);
        }
        return query(...args);
      };
    }
    return client;
  };
}

beforeAll(async () => {
  await useTestEnv();
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  cleanUpStorage = await useTempFileStorage();
  ref = await loadReference(testDb.db);
  const kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  cookie = (await commitUserSession(new Request(APP_URL), { id: kari.id, email: kari.email })).split(";")[0]!;
  injectConnectionDrops(testDb.engine.pool);
});
afterAll(async () => {
  await cleanUpStorage?.();
  await testDb?.close();
});

function submission(title: string, idempotencyKey: string) {
  const fields: [string, string][] = [
    ["intent", "submit"],
    ["idempotencyKey", idempotencyKey],
    ["title", title],
    ["problem", "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte."],
    ["proposalText", "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder."],
    ["beneficiaries", "users_and_relatives"],
    ["serviceAreaIds", ref.serviceArea("hjemmetjenester")],
    ["themeId", ref.theme("trygghetsskapende-teknologi")],
    ["visibility", "partners"],
    ["privacyConfirmed", "on"],
  ];
  return new Request(`${APP_URL}/ideer/ny`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const count = (table: "ideas" | "idea_submitters" | "idea_events" | "outbox_messages" | "idea_drafts") =>
  asService("test: count rows", async (trx) => Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n));

describe("the database connection drops in the middle of a submission", () => {
  it("answers 503 with the typed text, saves nothing half-way, keeps a draft, and the same form can be sent again", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const title = "Digitalt tilsyn når databasen faller ut";
    const key = crypto.randomUUID();
    const before = { ideas: await count("ideas"), submitters: await count("idea_submitters"), events: await count("idea_events"), outbox: await count("outbox_messages") };

    // The idea row is written; the connection dies as the submitter row follows in the same transaction.
    dropBefore = 'insert into "idea_submitters"';
    const reply = (await settle(newIdeaAction(routeArgs(submission(title, key))))) as {
      data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; draftId?: string };
      init: { status: number };
    };
    expect(dropped).toBe(1);
    expect(reply.init.status).toBe(503);
    expect(reply.data.result.error?.[""]).toContain("form.errors.submitFailedDraftSaved");
    expect(reply.data.result.initialValue).toMatchObject({ title, proposalText: "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder." });
    expect(JSON.stringify(reply)).not.toMatch(/terminat|ECONNRESET|Connection|stack|at \//i);
    expect(logged).toHaveBeenCalled();

    // Nothing half-saved: no idea, no submitter, no timeline event, no receipt queued.
    expect({ ideas: await count("ideas"), submitters: await count("idea_submitters"), events: await count("idea_events"), outbox: await count("outbox_messages") }).toEqual(before);
    const drafts = await asService("test: drafts", (trx) => trx.selectFrom("idea_drafts").select(["id", "form_data"]).where("title", "=", title).execute());
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.id).toBe(reply.data.draftId);
    expect(drafts[0]!.form_data).toMatchObject({ title });

    // The connection is back: sending the same form again submits the idea once.
    const again = await settle(newIdeaAction(routeArgs(submission(title, key))));
    expect(again).toBeInstanceOf(Response);
    expect((again as Response).status).toBe(302);
    expect(await count("ideas")).toBe(before.ideas + 1);
    const twice = await settle(newIdeaAction(routeArgs(submission(title, key))));
    expect((twice as Response).headers.get("Location")).toBe((again as Response).headers.get("Location"));
    expect(await count("ideas")).toBe(before.ideas + 1);
  });
});
