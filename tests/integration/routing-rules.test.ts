import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import type { RoutingExplanation } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { demoUser, loadReference } from "../support/demo-data";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  await testDb.close();
});

type Routed = { network_id: string; rule_id: string | null; explanation: RoutingExplanation };

async function route(org: string, theme: string, areas: string[], several: boolean): Promise<Routed | undefined> {
  const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  return withUser(user, async (trx) => {
    const { rows } = await sql<Routed>`select * from public.route_idea(${ref.organisation(org)}::uuid, ${ref.theme(theme)}::uuid,
      ${sql.val(areas.map((a) => ref.serviceArea(a)))}::uuid[], ${several})`.execute(trx);
    return rows[0];
  });
}

const networkSlug = async (id: string | undefined) =>
  id ? (await asService("test: network slug", (trx) => trx.selectFrom("networks").select("slug").where("id", "=", id).executeTakeFirstOrThrow())).slug : null;

describe("routing rules (demo rule set)", () => {
  // organisation, theme, service areas, relevant for several municipalities → expected network
  const matrix: [string, string, string[], boolean, string][] = [
    ["asker", "trygghetsskapende-teknologi", ["hjemmetjenester"], false, "digi-asker"],
    ["asker", "trygghetsskapende-teknologi", ["hjemmetjenester"], true, "hh-dho"],
    ["asker", "kompetanse-og-opplaering", ["sykehjem"], false, "hh-kompetanse"],
    ["drammen", "rutiner-og-organisering", ["barn-og-unge"], true, "hh-forebygging"],
    ["drammen", "rutiner-og-organisering", ["barn-og-unge"], false, "digi-drammen"],
    ["drammen", "e-helse-fagsystem", ["sykehjem"], true, "digi-drammen"],
    ["lier", "mestringsteknologi", ["rehabilitering"], false, "digi-lier"],
    ["kongsberg", "digital-hjemmeoppfolging", ["hjemmetjenester"], false, "digi-kongsberg"],
    ["sigdal", "bedre-bruk-av-eksisterende", ["lege-og-legevakt"], false, "digi-kongsberg"],
    ["al", "trygghetsskapende-teknologi", ["hjemmetjenester"], false, "ehelse-hallingdal"],
    // Rule order: competence (position 10) wins over the region rule (position 40).
    ["al", "kompetanse-og-opplaering", ["hjemmetjenester"], false, "hh-kompetanse"],
    ["vinje", "velvaereteknologi", ["sykehjem"], false, "ehelse-vest-telemark"],
    ["vinje", "velvaereteknologi", ["sykehjem"], true, "hh-dho"],
    ["usn", "rutiner-og-organisering", ["rehabilitering"], false, "hh-kompetanse"],
    ["drammen-helsepark", "e-helse-fagsystem", ["sykehjem"], false, "hh-klinobs"],
  ];

  it.each(matrix)("%s + %s + %j (several: %s) → %s", async (org, theme, areas, several, expected) => {
    const routed = await route(org, theme, areas, several);
    expect(await networkSlug(routed?.network_id)).toBe(expected);
  });

  it("explains a rule match by the criteria that matched, and a fallback as a fallback", async () => {
    const rule = await route("asker", "trygghetsskapende-teknologi", ["hjemmetjenester", "sykehjem"], true);
    expect(rule?.explanation).toEqual({ kind: "rule", themeId: ref.theme("trygghetsskapende-teknologi"), several: true });
    const region = await route("al", "mestringsteknologi", ["sykehjem"], false);
    expect(region?.explanation).toEqual({ kind: "rule", groupIds: ["10000000-0000-4000-8000-000000000003"] });
    const fallback = await route("lier", "mestringsteknologi", ["rehabilitering"], false);
    expect(fallback?.explanation).toEqual({ kind: "fallback", organisationId: ref.organisation("lier") });
    expect(fallback?.rule_id).toBeNull();
  });

  it("skips inactive rules and finds nothing for an organisation without rules or fallback", async () => {
    await asService("test: deactivate competence rule", (trx) =>
      trx.updateTable("routing_rules").set({ active: false }).where("position", "=", 10).execute(),
    );
    try {
      expect(await networkSlug((await route("asker", "kompetanse-og-opplaering", ["sykehjem"], false))?.network_id)).toBe("digi-asker");
    } finally {
      await asService("test: reactivate", (trx) => trx.updateTable("routing_rules").set({ active: true }).where("position", "=", 10).execute());
    }
    await asService("test: remove fallback", (trx) =>
      trx.updateTable("organisations").set({ fallback_network_id: null }).where("slug", "=", "lier").execute(),
    );
    expect(await route("lier", "mestringsteknologi", ["rehabilitering"], false)).toBeUndefined();
  });

  it("lets only platform admins change the rules", async () => {
    const employee = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    const updated = await withUser(employee, (trx) =>
      trx.updateTable("routing_rules").set({ name: "hijacked rule" }).where("position", "=", 10).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(
      withUser(employee, (trx) =>
        trx.insertInto("routing_rules").values({ position: 1, name: "catch all", network_id: ref.network("digi-asker") }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("re-routes on insert in the database, whatever network the client claims", async () => {
    const user = await demoUser(testDb.db, "kari.nordby@asker.example.no");
    await expect(
      withUser(user, (trx) =>
        trx
          .insertInto("ideas")
          .values({
            organisation_id: user.organisationId,
            network_id: ref.network("hh-klinobs"),
            title: "Et forslag som prøver å velge nettverk selv",
            problem: "Dette er et problem som er langt nok.",
            proposal_json: "{}",
            proposal_html: "<p>x</p>",
            proposal_text: "x",
            theme_id: ref.theme("trygghetsskapende-teknologi"),
            service_area_ids: [ref.serviceArea("hjemmetjenester")],
            beneficiaries: [],
            need_contexts: [],
            expected_benefits: [],
            relevant_for_several: false,
            visibility: "partners",
            hide_name: false,
            privacy_confirmed_at: new Date(),
            idempotency_key: crypto.randomUUID(),
            first_answer_due_at: new Date(Date.now() + 14 * 86_400_000),
          })
          .execute(),
      ),
    ).rejects.toThrow(/routing changed/);
  });
});
