import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "~/db/seed.server";
import { addWorkingDays } from "~/modules/sla/working-days";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
});
afterAll(async () => {
  await testDb.close();
});

describe("demo data (supabase/seed.sql)", () => {
  it("has the partners, Responssenteret's municipalities and the two regions", async () => {
    const orgs = await testDb.db.selectFrom("organisations").select(["slug", "kind", "avvik_url"]).execute();
    expect(orgs).toHaveLength(26);
    const kinds = Object.fromEntries(orgs.map((o) => [o.slug, o.kind]));
    expect(kinds).toMatchObject({
      asker: "municipality",
      drammen: "municipality",
      lier: "municipality",
      usn: "university",
      "vestre-viken": "health_trust",
      responssenteret: "partner",
      "drammen-helsepark": "partner",
      kongsberg: "municipality",
      "nore-og-uvdal": "municipality",
      al: "municipality",
      nissedal: "municipality",
    });
    for (const org of orgs) expect(org.avvik_url).toBe(`https://${org.slug}.example.no/kvalitetssystem/avvik`);

    const groups = await sql<{ slug: string; kind: string; members: string[] }>`
      select g.slug, g.kind, array_agg(o.slug order by o.slug) as members
      from organisation_groups g
      join organisation_group_members m on m.group_id = g.id
      join organisations o on o.id = m.organisation_id
      group by g.slug, g.kind order by g.slug`.execute(testDb.db);
    const bySlug = Object.fromEntries(groups.rows.map((g) => [g.slug, g]));
    expect(bySlug.helsehub?.members.sort()).toEqual(
      ["asker", "drammen", "drammen-helsepark", "lier", "responssenteret", "usn", "vestre-viken"].sort(),
    );
    expect(bySlug.kongsbergregionen?.members).toEqual(
      expect.arrayContaining(["kongsberg", "sigdal", "flesberg", "nore-og-uvdal", "rollag", "notodden", "hjartdal"]),
    );
    expect(bySlug.hallingdal).toMatchObject({ kind: "region" });
    expect(bySlug.hallingdal?.members).toHaveLength(6);
    expect(bySlug["vest-telemark"]).toMatchObject({ kind: "region" });
    expect(bySlug["vest-telemark"]?.members).toHaveLength(6);
  });

  it("gives every organisation the domain <slug>.example.no and at least one unit", async () => {
    const { rows } = await sql<{ slug: string; domains: string[]; units: number }>`
      select o.slug,
             coalesce((select array_agg(d.domain) from organisation_domains d where d.organisation_id = o.id), '{}') as domains,
             (select count(*) from units u where u.organisation_id = o.id)::int as units
      from organisations o`.execute(testDb.db);
    for (const row of rows) {
      expect(row.domains, row.slug).toContain(`${row.slug}.example.no`);
      expect(row.units, row.slug).toBeGreaterThan(0);
    }
  });

  it("has the municipal networks, the four HelseHub working groups and the regional networks", async () => {
    const networks = await sql<{ slug: string; kind: string; owner: string; coordinators: number; members: number }>`
      select n.slug, n.kind, coalesce(o.slug, g.slug) as owner,
             (select count(*) from network_members m where m.network_id = n.id and m.role = 'coordinator')::int as coordinators,
             (select count(*) from network_members m where m.network_id = n.id and m.role = 'member')::int as members
      from networks n
      left join organisations o on o.id = n.owner_organisation_id
      left join organisation_groups g on g.id = n.owner_group_id
      order by n.slug`.execute(testDb.db);
    const summary = networks.rows.map((n) => `${n.slug}:${n.kind}:${n.owner}`);
    expect(summary.sort()).toEqual(
      [
        "digi-asker:municipal:asker",
        "digi-drammen:municipal:drammen",
        "digi-lier:municipal:lier",
        "digi-kongsberg:municipal:kongsberg",
        "hh-dho:focus_area:helsehub",
        "hh-kompetanse:focus_area:helsehub",
        "hh-forebygging:focus_area:helsehub",
        "hh-klinobs:focus_area:helsehub",
        "ehelse-hallingdal:regional:hallingdal",
        "ehelse-vest-telemark:regional:vest-telemark",
      ].sort(),
    );
    for (const network of networks.rows) {
      expect(network.coordinators, network.slug).toBeGreaterThanOrEqual(1);
      expect(network.members, network.slug).toBeGreaterThanOrEqual(1);
    }
  });

  it("has onboarded demo users for every role, with addresses on their organisation's domain", async () => {
    const users = await sql<{
      email: string;
      slug: string;
      platform_role: string;
      locale: string;
      unit_org_matches: boolean;
      job_title: string | null;
      onboarded: boolean;
      auth_email: string | null;
    }>`
      select p.email, o.slug, p.platform_role, p.locale, p.job_title,
             u.organisation_id = p.organisation_id as unit_org_matches,
             p.onboarded_at is not null as onboarded, a.email as auth_email
      from profiles p
      join organisations o on o.id = p.organisation_id
      join units u on u.id = p.unit_id
      join auth.users a on a.id = p.id`.execute(testDb.db);
    expect(users.rows.length).toBeGreaterThanOrEqual(25);
    expect(users.rows.length).toBeLessThanOrEqual(35);
    for (const user of users.rows) {
      expect(user.email).toMatch(new RegExp(`^[a-z]+(\\.[a-z]+)+@${user.slug}\\.example\\.no$`));
      expect(user.auth_email).toBe(user.email);
      expect(user).toMatchObject({ unit_org_matches: true, onboarded: true });
      expect(user.job_title).toBeTruthy();
    }
    const roles = new Set(users.rows.map((u) => u.platform_role));
    expect([...roles].sort()).toEqual(["admin", "employee", "partner_viewer"]);
    const viewerOrgs = users.rows.filter((u) => u.platform_role === "partner_viewer").map((u) => u.slug);
    expect(viewerOrgs).toEqual(expect.arrayContaining(["usn", "vestre-viken"]));
    expect(users.rows.filter((u) => u.locale === "nn").map((u) => u.slug)).toHaveLength(1);
    expect(users.rows.filter((u) => u.locale === "en")).toHaveLength(1);

    const plainEmployees = await sql<{ slug: string }>`
      select distinct o.slug from profiles p join organisations o on o.id = p.organisation_id
      where p.platform_role = 'employee' and not exists (select 1 from network_members m where m.profile_id = p.id)`.execute(testDb.db);
    expect(plainEmployees.rows.map((r) => r.slug)).toEqual(
      expect.arrayContaining(["asker", "drammen", "lier", "kongsberg", "al"]),
    );
  });

  it("owes the submitters of the demo ideas a first answer by the same rule as a submission: N working days", async () => {
    const ideas = await sql<{ public_id: string; submitted_at: Date; first_answer_due_at: Date; next_due_at: Date; days: number }>`
      select i.public_id, i.submitted_at, i.first_answer_due_at, i.next_due_at, n.sla_first_answer_working_days as days
      from ideas i join networks n on n.id = i.network_id order by i.public_id`.execute(testDb.db);
    expect(ideas.rows.length).toBeGreaterThanOrEqual(7);
    for (const idea of ideas.rows) {
      // Whatever weekday the database was seeded on (a Sunday seed once made every deadline a Sunday).
      expect(idea.first_answer_due_at.toISOString(), idea.public_id).toBe(addWorkingDays(idea.submitted_at, idea.days).toISOString());
      expect(idea.next_due_at.toISOString()).toBe(idea.first_answer_due_at.toISOString());
    }
  });

  it("is loaded once by seedDemoDataIfEmpty and skipped when data exists", async () => {
    expect(await seedDemoDataIfEmpty(testDb.db)).toBe(false);
    const fresh = await createTestDatabase();
    try {
      expect(await seedDemoDataIfEmpty(fresh.db)).toBe(true);
      const { count } = await fresh.db
        .selectFrom("profiles")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(30);
    } finally {
      await fresh.close();
    }
  });
});
