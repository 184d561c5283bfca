import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAnon, withUser, type Trx } from "~/db/client.server";
import {
  addNetworkMember,
  createNetwork,
  createOrganisation,
  createOrganisationGroup,
  createUnit,
  createUser,
  type CreatedUser,
} from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Who tries: an anonymous visitor, plain employees of two organisations, a member of network N
// (employed by B), the coordinators of N (employed by A) and of M (employed by B), and an admin
// employed by a third organisation.
const ACTORS = ["anon", "employeeA", "employeeB", "memberN", "coordinatorN", "coordinatorM", "admin"] as const;
type Actor = (typeof ACTORS)[number];
const SIGNED_IN = ACTORS.filter((a) => a !== "anon");

type Fixture = {
  orgA: string;
  orgB: string;
  orgC: string;
  spareOrg: string;
  group: string;
  unitA: string;
  unitB: string;
  networkN: string;
  networkM: string;
  spareAuthUser: string;
  users: Record<Exclude<Actor, "anon">, CreatedUser>;
};

let testDb: TestDatabase;
let f: Fixture;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const a = await createOrganisation({ name: "Kommune A" });
  const b = await createOrganisation({ name: "Kommune B" });
  const c = await createOrganisation({ name: "Partner C", kind: "partner" });
  const spare = await createOrganisation({ name: "Ubrukt organisasjon", domain: null });
  const group = await createOrganisationGroup({ organisationIds: [a.id, b.id] });
  const unitA = await createUnit(a.id, { name: "Hjemmetjenesten A" });
  const unitB = await createUnit(b.id, { name: "Hjemmetjenesten B" });
  const networkN = await createNetwork({ ownerOrganisationId: a.id, name: "Nettverk N" });
  const networkM = await createNetwork({ ownerOrganisationId: b.id, name: "Nettverk M" });
  const users = {
    employeeA: await createUser({ organisationId: a.id, unitId: unitA, fullName: "Employee A" }),
    employeeB: await createUser({ organisationId: b.id, unitId: unitB, fullName: "Employee B" }),
    memberN: await createUser({ organisationId: b.id, fullName: "Member N" }),
    coordinatorN: await createUser({ organisationId: a.id, fullName: "Coordinator N" }),
    coordinatorM: await createUser({ organisationId: b.id, fullName: "Coordinator M" }),
    admin: await createUser({ organisationId: c.id, platformRole: "admin", fullName: "Admin C" }),
  };
  await addNetworkMember(networkN.id, users.memberN.id, "member");
  await addNetworkMember(networkN.id, users.coordinatorN.id, "coordinator");
  await addNetworkMember(networkM.id, users.coordinatorM.id, "coordinator");
  const spareAuthUser = crypto.randomUUID();
  await testDb.db.insertInto("auth.users").values({ id: spareAuthUser, email: `spare.${spareAuthUser}@test.example.no` }).execute();
  await testDb.db.insertInto("login_tokens").values({
    email: users.employeeA.email,
    link_token_hash: "hash-link",
    code_hash: "hash-code",
    expires_at: new Date(Date.now() + 600_000),
  }).execute();
  await sql`insert into rate_limits (key, points, expire) values ('fixture', 1, null)`.execute(testDb.db);
  await testDb.db.insertInto("mailbox_messages").values({ to_address: users.employeeA.email, subject: "s", html: "<p>h</p>", text: "t" }).execute();
  f = {
    orgA: a.id,
    orgB: b.id,
    orgC: c.id,
    spareOrg: spare.id,
    group,
    unitA,
    unitB,
    networkN: networkN.id,
    networkM: networkM.id,
    spareAuthUser,
    users,
  };
});
afterAll(async () => {
  await testDb.close();
});

class Rollback {
  constructor(readonly value: number) {}
}

type Outcome = { ok: true; rows: number } | { ok: false; code: string; message: string };

/** Runs `work` as `actor` and always rolls back, so every attempt sees the same fixture. */
async function attempt(actor: Actor, work: (trx: Trx) => Promise<number | bigint | undefined>): Promise<Outcome> {
  const run = async (trx: Trx) => {
    throw new Rollback(Number((await work(trx)) ?? 0));
  };
  try {
    if (actor === "anon") await withAnon(run);
    else await withUser(f.users[actor], run);
    throw new Error("unreachable");
  } catch (error) {
    if (error instanceof Rollback) return { ok: true, rows: error.value };
    const { code, message } = error as { code?: string; message: string };
    if (!code) throw error;
    return { ok: false, code, message };
  }
}

/** Rows visible to `actor`, or "denied" when the role may not read the table at all. */
async function visible(actor: Actor, query: (trx: Trx) => Promise<string[]>): Promise<string[] | "denied"> {
  let rows: string[] = [];
  const outcome = await attempt(actor, async (trx) => {
    rows = await query(trx);
    return rows.length;
  });
  if (!outcome.ok) {
    expect(outcome.code, outcome.message).toBe("42501");
    return "denied";
  }
  return rows.sort();
}

function expectDenied(outcome: Outcome, kind: "insert" | "update" | "delete", label: string) {
  if (kind === "insert") {
    // A refused insert must raise, and for the right reason (not a foreign-key or check error).
    expect(outcome, label).toMatchObject({ ok: false, code: "42501" });
  } else if (outcome.ok) {
    expect(outcome.rows, label).toBe(0);
  } else {
    expect(outcome.code, `${label}: ${outcome.message}`).toBe("42501");
  }
}

const ids = (rows: Array<Record<string, unknown>>, key: string) => rows.map((r) => String(r[key]));

describe("reading foundation tables", () => {
  type ReadCase = { table: string; query: (trx: Trx) => Promise<string[]>; expected: (actor: Actor) => string[] | "denied" };
  const everyone = (value: () => string[]) => () => value();
  const signedInOnly = (value: () => string[]) => (actor: Actor) => (actor === "anon" ? "denied" : value());
  const nobody = () => "denied" as const;

  const cases: ReadCase[] = [
    {
      table: "organisation_groups",
      query: async (trx) => ids(await trx.selectFrom("organisation_groups").select("id").where("id", "=", f.group).execute(), "id"),
      expected: everyone(() => [f.group]),
    },
    {
      table: "organisations",
      query: async (trx) =>
        ids(await trx.selectFrom("organisations").select("id").where("id", "in", [f.orgA, f.orgB]).execute(), "id"),
      expected: everyone(() => [f.orgA, f.orgB].sort()),
    },
    {
      table: "organisation_group_members",
      query: async (trx) =>
        ids(await trx.selectFrom("organisation_group_members").select("organisation_id").where("group_id", "=", f.group).execute(), "organisation_id"),
      expected: everyone(() => [f.orgA, f.orgB].sort()),
    },
    {
      table: "organisation_domains",
      query: async (trx) =>
        ids(await trx.selectFrom("organisation_domains").select("organisation_id").where("organisation_id", "in", [f.orgA, f.orgB]).execute(), "organisation_id"),
      expected: signedInOnly(() => [f.orgA, f.orgB].sort()),
    },
    {
      table: "units",
      query: async (trx) => ids(await trx.selectFrom("units").select("id").where("id", "in", [f.unitA, f.unitB]).execute(), "id"),
      expected: signedInOnly(() => [f.unitA, f.unitB].sort()),
    },
    {
      table: "networks",
      query: async (trx) =>
        ids(await trx.selectFrom("networks").select("id").where("id", "in", [f.networkN, f.networkM]).execute(), "id"),
      expected: everyone(() => [f.networkN, f.networkM].sort()),
    },
    {
      table: "network_members",
      query: async (trx) =>
        ids(await trx.selectFrom("network_members").select("profile_id").where("network_id", "=", f.networkN).execute(), "profile_id"),
      expected: signedInOnly(() => [f.users.memberN.id, f.users.coordinatorN.id].sort()),
    },
    {
      // Own organisation, anyone who is a network member (the portal's contact people), admins see all.
      table: "profiles",
      query: async (trx) => {
        const all = Object.values(f.users).map((u) => u.id);
        return ids(await trx.selectFrom("profiles").select("full_name").where("id", "in", all).execute(), "full_name");
      },
      expected: (actor) => {
        const contacts = ["Member N", "Coordinator N", "Coordinator M"];
        const sameOrg: Record<Actor, string[]> = {
          anon: [],
          employeeA: ["Employee A", "Coordinator N"],
          coordinatorN: ["Employee A", "Coordinator N"],
          employeeB: ["Employee B", "Member N", "Coordinator M"],
          memberN: ["Employee B", "Member N", "Coordinator M"],
          coordinatorM: ["Employee B", "Member N", "Coordinator M"],
          admin: ["Admin C", "Employee A", "Employee B"],
        };
        if (actor === "anon") return "denied";
        return [...new Set([...sameOrg[actor], ...contacts])].sort();
      },
    },
    ...(["login_tokens", "mailbox_messages"] as const).map((table) => ({
      table,
      query: async (trx: Trx) => ids(await trx.selectFrom(table).select("id").execute(), "id"),
      expected: nobody,
    })),
    {
      table: "rate_limits",
      query: async (trx) => ids((await sql<{ key: string }>`select key from rate_limits`.execute(trx)).rows, "key"),
      expected: nobody,
    },
  ];

  for (const c of cases) {
    it(`${c.table}: each role sees exactly what it should`, async () => {
      for (const actor of ACTORS) {
        expect(await visible(actor, c.query), `${c.table} as ${actor}`).toEqual(c.expected(actor));
      }
    });
  }

  it("an employee cannot read a colleague-less profile of another organisation, even by id", async () => {
    const rows = await visible("employeeA", async (trx) =>
      ids(await trx.selectFrom("profiles").select("email").where("id", "=", f.users.employeeB.id).execute(), "email"),
    );
    expect(rows).toEqual([]);
  });
});

describe("writing foundation tables", () => {
  type WriteCase = {
    table: string;
    kind: "insert" | "update" | "delete";
    what: string;
    run: (trx: Trx) => Promise<number | bigint | undefined>;
    allowed: Actor[];
  };
  const suffix = () => crypto.randomBytes(3).toString("hex");
  const inserted = async (p: Promise<unknown[]>) => (await p).length;

  const cases: WriteCase[] = [
    // Reference data: only platform admins write.
    {
      table: "organisation_groups", kind: "insert", what: "a group", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("organisation_groups").values({ slug: `g-${suffix()}`, name: "Ny gruppe", kind: "region" }).returning("id").execute()),
    },
    {
      table: "organisation_groups", kind: "update", what: "a group", allowed: ["admin"],
      run: async (trx) => (await trx.updateTable("organisation_groups").set({ name: "Endret" }).where("id", "=", f.group).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "organisation_groups", kind: "delete", what: "a group", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("organisation_groups").where("id", "=", f.group).executeTakeFirst()).numDeletedRows,
    },
    {
      table: "organisations", kind: "insert", what: "an organisation", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("organisations").values({ slug: `o-${suffix()}`, name: "Ny kommune", kind: "municipality" }).returning("id").execute()),
    },
    {
      table: "organisations", kind: "update", what: "own organisation", allowed: ["admin"],
      run: async (trx) => (await trx.updateTable("organisations").set({ name: "Endret" }).where("id", "=", f.orgA).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "organisations", kind: "delete", what: "an unused organisation", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("organisations").where("id", "=", f.spareOrg).executeTakeFirst()).numDeletedRows,
    },
    {
      table: "organisation_group_members", kind: "insert", what: "a group membership", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("organisation_group_members").values({ group_id: f.group, organisation_id: f.orgC }).returning("group_id").execute()),
    },
    {
      table: "organisation_group_members", kind: "update", what: "a group membership", allowed: ["admin"],
      run: async (trx) =>
        (await trx.updateTable("organisation_group_members").set({ organisation_id: f.orgC }).where("group_id", "=", f.group).where("organisation_id", "=", f.orgA).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "organisation_group_members", kind: "delete", what: "a group membership", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("organisation_group_members").where("group_id", "=", f.group).executeTakeFirst()).numDeletedRows,
    },
    {
      table: "organisation_domains", kind: "insert", what: "a domain for own organisation", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("organisation_domains").values({ domain: `d-${suffix()}.example.no`, organisation_id: f.orgA }).returning("domain").execute()),
    },
    {
      table: "organisation_domains", kind: "update", what: "own organisation's domain", allowed: ["admin"],
      run: async (trx) => (await trx.updateTable("organisation_domains").set({ organisation_id: f.orgB }).where("organisation_id", "=", f.orgA).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "organisation_domains", kind: "delete", what: "own organisation's domain", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("organisation_domains").where("organisation_id", "=", f.orgA).executeTakeFirst()).numDeletedRows,
    },
    {
      table: "units", kind: "insert", what: "a unit in own organisation", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("units").values({ organisation_id: f.orgA, name: `Ny enhet ${suffix()}` }).returning("id").execute()),
    },
    {
      table: "units", kind: "update", what: "a unit in own organisation", allowed: ["admin"],
      run: async (trx) => (await trx.updateTable("units").set({ name: "Endret enhet" }).where("id", "=", f.unitA).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "units", kind: "delete", what: "a unit in own organisation", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("units").where("id", "=", f.unitA).executeTakeFirst()).numDeletedRows,
    },
    // Profiles are created by the sign-in service path; users edit only their own.
    {
      table: "profiles", kind: "insert", what: "a profile", allowed: ["admin"],
      run: (trx) =>
        inserted(trx.insertInto("profiles").values({ id: f.spareAuthUser, email: `spare.${f.spareAuthUser}@test.example.no`, full_name: "Ny", organisation_id: f.orgA }).returning("id").execute()),
    },
    {
      table: "profiles", kind: "update", what: "Employee A's profile", allowed: ["employeeA", "admin"],
      run: async (trx) => (await trx.updateTable("profiles").set({ job_title: "Fagsykepleier" }).where("id", "=", f.users.employeeA.id).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "profiles", kind: "update", what: "Member N's (visible) profile", allowed: ["memberN", "admin"],
      run: async (trx) => (await trx.updateTable("profiles").set({ full_name: "Kapret" }).where("id", "=", f.users.memberN.id).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "profiles", kind: "delete", what: "Employee B's profile", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("profiles").where("id", "=", f.users.employeeB.id).executeTakeFirst()).numDeletedRows,
    },
    // Networks: admins create and delete; coordinators edit their own network.
    {
      table: "networks", kind: "insert", what: "a network", allowed: ["admin"],
      run: (trx) => inserted(trx.insertInto("networks").values({ slug: `n-${suffix()}`, name: "Nytt nettverk", kind: "municipal", owner_organisation_id: f.orgA }).returning("id").execute()),
    },
    {
      table: "networks", kind: "update", what: "network N's description", allowed: ["coordinatorN", "admin"],
      run: async (trx) => (await trx.updateTable("networks").set({ description: "Ny beskrivelse" }).where("id", "=", f.networkN).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "networks", kind: "delete", what: "network N", allowed: ["admin"],
      run: async (trx) => (await trx.deleteFrom("networks").where("id", "=", f.networkN).executeTakeFirst()).numDeletedRows,
    },
    // Memberships: the coordinator of a network (and admins) manage that network's members only.
    {
      table: "network_members", kind: "insert", what: "Employee A into network N", allowed: ["coordinatorN", "admin"],
      run: (trx) => inserted(trx.insertInto("network_members").values({ network_id: f.networkN, profile_id: f.users.employeeA.id }).returning("profile_id").execute()),
    },
    {
      table: "network_members", kind: "insert", what: "Employee B into network M", allowed: ["coordinatorM", "admin"],
      run: (trx) => inserted(trx.insertInto("network_members").values({ network_id: f.networkM, profile_id: f.users.employeeB.id }).returning("profile_id").execute()),
    },
    {
      table: "network_members", kind: "insert", what: "oneself as coordinator of network N", allowed: ["coordinatorN", "admin"],
      run: (trx) =>
        inserted(
          trx
            .insertInto("network_members")
            .values({ network_id: f.networkN, profile_id: sql<string>`auth.uid()`, role: "coordinator" })
            .onConflict((oc) => oc.columns(["network_id", "profile_id"]).doUpdateSet({ role: "coordinator" }))
            .returning("profile_id")
            .execute(),
        ),
    },
    {
      table: "network_members", kind: "update", what: "Member N to coordinator", allowed: ["coordinatorN", "admin"],
      run: async (trx) =>
        (await trx.updateTable("network_members").set({ role: "coordinator" }).where("network_id", "=", f.networkN).where("profile_id", "=", f.users.memberN.id).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "network_members", kind: "update", what: "moving Member N from network N to M", allowed: ["admin"],
      run: async (trx) =>
        (await trx.updateTable("network_members").set({ network_id: f.networkM }).where("network_id", "=", f.networkN).where("profile_id", "=", f.users.memberN.id).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "network_members", kind: "delete", what: "Member N from network N", allowed: ["coordinatorN", "admin"],
      run: async (trx) =>
        (await trx.deleteFrom("network_members").where("network_id", "=", f.networkN).where("profile_id", "=", f.users.memberN.id).executeTakeFirst()).numDeletedRows,
    },
    // Service-only tables: no API role, not even an admin, may touch them.
    {
      table: "login_tokens", kind: "insert", what: "a sign-in token", allowed: [],
      run: (trx) => inserted(trx.insertInto("login_tokens").values({ email: "x@test.example.no", link_token_hash: `h-${suffix()}`, code_hash: "c", expires_at: new Date() }).returning("id").execute()),
    },
    {
      table: "login_tokens", kind: "update", what: "sign-in tokens", allowed: [],
      run: async (trx) => (await trx.updateTable("login_tokens").set({ attempts: 0 }).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "login_tokens", kind: "delete", what: "sign-in tokens", allowed: [],
      run: async (trx) => (await trx.deleteFrom("login_tokens").executeTakeFirst()).numDeletedRows,
    },
    {
      table: "rate_limits", kind: "insert", what: "a counter", allowed: [],
      run: async (trx) => (await sql`insert into rate_limits (key, points) values (${`k-${suffix()}`}, 0)`.execute(trx)).numAffectedRows,
    },
    {
      table: "rate_limits", kind: "update", what: "counters", allowed: [],
      run: async (trx) => (await sql`update rate_limits set points = 0`.execute(trx)).numAffectedRows,
    },
    {
      table: "rate_limits", kind: "delete", what: "counters", allowed: [],
      run: async (trx) => (await sql`delete from rate_limits`.execute(trx)).numAffectedRows,
    },
    {
      table: "mailbox_messages", kind: "insert", what: "a mail", allowed: [],
      run: (trx) => inserted(trx.insertInto("mailbox_messages").values({ to_address: "x@test.example.no", subject: "s", html: "h", text: "t" }).returning("id").execute()),
    },
    {
      table: "mailbox_messages", kind: "update", what: "mails", allowed: [],
      run: async (trx) => (await trx.updateTable("mailbox_messages").set({ subject: "endret" }).executeTakeFirst()).numUpdatedRows,
    },
    {
      table: "mailbox_messages", kind: "delete", what: "mails", allowed: [],
      run: async (trx) => (await trx.deleteFrom("mailbox_messages").executeTakeFirst()).numDeletedRows,
    },
  ];

  for (const c of cases) {
    const allowed = c.allowed.length ? c.allowed.join(", ") : "nobody";
    it(`${c.table} ${c.kind} of ${c.what}: allowed for ${allowed}, denied for the rest`, async () => {
      for (const actor of ACTORS) {
        const outcome = await attempt(actor, c.run);
        const label = `${c.table} ${c.kind} (${c.what}) as ${actor}`;
        if (c.allowed.includes(actor)) {
          expect(outcome, label).toMatchObject({ ok: true });
          if (outcome.ok) expect(outcome.rows, label).toBeGreaterThanOrEqual(1);
        } else {
          expectDenied(outcome, c.kind, label);
        }
      }
    });
  }

  it("every table in the migrations has write cases here", async () => {
    const { rows } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public'
      and tablename in ('organisation_groups', 'organisations', 'organisation_group_members', 'organisation_domains',
        'units', 'profiles', 'networks', 'network_members', 'login_tokens', 'rate_limits', 'mailbox_messages')`.execute(testDb.db);
    const covered = new Set(cases.map((c) => `${c.table}:${c.kind}`));
    for (const { tablename } of rows) {
      for (const kind of ["insert", "update", "delete"]) expect(covered, `${tablename} ${kind}`).toContain(`${tablename}:${kind}`);
    }
    expect(rows).toHaveLength(11);
  });
});

describe("protected columns", () => {
  const protectedProfileChanges = {
    organisation_id: () => f.orgC,
    platform_role: () => "admin" as const,
    email: () => "someone.else@test.example.no",
  };

  for (const [column, value] of Object.entries(protectedProfileChanges)) {
    it(`a user cannot change their own ${column}`, async () => {
      for (const actor of SIGNED_IN.filter((a) => a !== "admin")) {
        const outcome = await attempt(actor, async (trx) =>
          (await trx.updateTable("profiles").set({ [column]: value() }).where("id", "=", f.users[actor].id).executeTakeFirst()).numUpdatedRows,
        );
        expect(outcome, `${column} as ${actor}`).toMatchObject({ ok: false, code: "42501" });
      }
    });
  }

  it("a user can change their own name, job title, language and unit within their organisation", async () => {
    const otherUnitA = await createUnit(f.orgA, { name: "Rehabilitering A" });
    const outcome = await attempt("employeeA", async (trx) => {
      const result = await trx
        .updateTable("profiles")
        .set({ full_name: "Employee A. Nordmann", job_title: "Fagsykepleier", locale: "nn", unit_id: otherUnitA })
        .where("id", "=", f.users.employeeA.id)
        .executeTakeFirst();
      return result.numUpdatedRows;
    });
    expect(outcome).toEqual({ ok: true, rows: 1 });
  });

  it("a user cannot place themselves in a unit of another organisation", async () => {
    const outcome = await attempt("employeeA", async (trx) =>
      (await trx.updateTable("profiles").set({ unit_id: f.unitB }).where("id", "=", f.users.employeeA.id).executeTakeFirst()).numUpdatedRows,
    );
    // Foreign key: the unit must belong to the profile's organisation.
    expect(outcome).toMatchObject({ ok: false, code: "23503" });
  });

  it("a platform admin may change a user's organisation and role", async () => {
    const outcome = await attempt("admin", async (trx) =>
      (
        await trx
          .updateTable("profiles")
          .set({ organisation_id: f.orgB, unit_id: f.unitB, platform_role: "partner_viewer" })
          .where("id", "=", f.users.employeeA.id)
          .executeTakeFirst()
      ).numUpdatedRows,
    );
    expect(outcome).toEqual({ ok: true, rows: 1 });
  });

  const protectedNetworkChanges = {
    owner_organisation_id: () => f.orgB,
    slug: () => "kapret",
    kind: () => "regional" as const,
  };
  for (const [column, value] of Object.entries(protectedNetworkChanges)) {
    it(`a coordinator cannot change their network's ${column}; an admin can`, async () => {
      const change = async (trx: Trx) =>
        (await trx.updateTable("networks").set({ [column]: value() }).where("id", "=", f.networkN).executeTakeFirst()).numUpdatedRows;
      expect(await attempt("coordinatorN", change)).toMatchObject({ ok: false, code: "42501" });
      expect(await attempt("admin", change)).toEqual({ ok: true, rows: 1 });
    });
  }
});
