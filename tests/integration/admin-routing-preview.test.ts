import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import type { RoutingRuleFields } from "~/modules/admin/admin-schemas";
import { previewRouting } from "~/modules/admin/preview-routing.server";
import { saveRoutingRule } from "~/modules/admin/save-routing-rule.server";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { AppError } from "~/utils/app-error";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ADMIN, COORDINATOR_ASKER, adminTestUser } from "./admin-support";
import { submitDemoIdea, useTempFileStorage } from "./outbox-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let admin: CurrentUser;
let cleanStorage: () => Promise<void>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  admin = await adminTestUser(testDb.db, ADMIN);
  cleanStorage = await useTempFileStorage();
});
afterAll(async () => {
  await cleanStorage();
  await testDb.close();
});

const networkOf = (ideaId: string) =>
  asService("test: routed network", (trx) => trx.selectFrom("ideas").select(["network_id", "routing_rule_id"]).where("id", "=", ideaId).executeTakeFirstOrThrow());

// submitter, theme, service areas, relevant for several municipalities
type Case = [string, string, string[], boolean];
const matrix: Case[] = [
  ["kari.nordby@asker.example.no", "trygghetsskapende-teknologi", ["hjemmetjenester"], false],
  ["kari.nordby@asker.example.no", "trygghetsskapende-teknologi", ["hjemmetjenester"], true],
  ["kari.nordby@asker.example.no", "kompetanse-og-opplaering", ["sykehjem"], false],
  ["lene.dahl@drammen.example.no", "rutiner-og-organisering", ["barn-og-unge"], true],
  ["lene.dahl@drammen.example.no", "rutiner-og-organisering", ["barn-og-unge"], false],
  ["maria.haugen@lier.example.no", "mestringsteknologi", ["rehabilitering"], false],
  ["sofie.kvam@kongsberg.example.no", "digital-hjemmeoppfolging", ["hjemmetjenester", "sykehjem"], false],
  ["trine.braten@sigdal.example.no", "bedre-bruk-av-eksisterende", ["lege-og-legevakt"], false],
  ["ragnhild.kvisla@al.example.no", "trygghetsskapende-teknologi", ["hjemmetjenester"], false],
  ["ragnhild.kvisla@al.example.no", "kompetanse-og-opplaering", ["hjemmetjenester"], false],
  ["gunhild.tveit@vinje.example.no", "velvaereteknologi", ["sykehjem"], true],
  ["camilla.berg@usn.example.no", "rutiner-og-organisering", ["rehabilitering"], false],
  ["jorgen.holm@drammen-helsepark.example.no", "e-helse-fagsystem", ["sykehjem"], false],
];

async function previewFor(email: string, theme: string, areas: string[], several: boolean, rule?: RoutingRuleFields) {
  const submitter = await asService("test: organisation", (trx) => trx.selectFrom("profiles").select("organisation_id").where("email", "=", email).executeTakeFirstOrThrow());
  return previewRouting({
    user: admin,
    sample: { sampleOrganisationId: submitter.organisation_id, sampleThemeId: ref.theme(theme), sampleServiceAreaIds: areas.map((a) => ref.serviceArea(a)), sampleSeveral: several },
    rule,
  });
}

async function submit(email: string, theme: string, areas: string[], several: boolean) {
  const idea = await submitDemoIdea(testDb.db, email, { themeSlug: theme, areaSlugs: areas, relevantForSeveral: several ? "on" : undefined });
  return networkOf(idea.ideaId);
}

describe("routing preview equals actual routing", () => {
  it.each(matrix)("%s, %s, %j, several %s: the preview names the network a real submission lands in", async (email, theme, areas, several) => {
    const preview = await previewFor(email, theme, areas, several);
    const actual = await submit(email, theme, areas, several);
    expect(preview.current?.network_id).toBe(actual.network_id);
    expect(preview.current?.rule_id ?? null).toBe(actual.routing_rule_id);
  });

  it("a rule previewed before saving routes exactly as previewed once saved, for every case", async () => {
    // Lier and Kongsberg ideas about safety technology go to the DHO working group, from position 15.
    const rule: RoutingRuleFields = {
      name: "Trygghet i Lier og Kongsberg",
      position: 15,
      networkId: ref.network("hh-dho"),
      organisationIds: [ref.organisation("lier"), ref.organisation("kongsberg")],
      groupIds: [],
      themeIds: [ref.theme("trygghetsskapende-teknologi"), ref.theme("digital-hjemmeoppfolging")],
      serviceAreaIds: [],
      several: "any",
      active: true,
    };
    const cases: Case[] = [
      ["maria.haugen@lier.example.no", "trygghetsskapende-teknologi", ["hjemmetjenester"], false],
      ["maria.haugen@lier.example.no", "mestringsteknologi", ["hjemmetjenester"], false],
      ["sofie.kvam@kongsberg.example.no", "digital-hjemmeoppfolging", ["sykehjem"], false],
      ["kari.nordby@asker.example.no", "trygghetsskapende-teknologi", ["hjemmetjenester"], false],
      ["maria.haugen@lier.example.no", "kompetanse-og-opplaering", ["hjemmetjenester"], false],
    ];
    const previews = [];
    for (const c of cases) previews.push(await previewFor(...c, rule));
    // Before saving, the preview changes nothing: today's routing is still today's.
    expect((await submit(...cases[0]!)).network_id).toBe(ref.network("digi-lier"));
    expect(previews[0]!.current?.network_id).toBe(ref.network("digi-lier"));
    expect(previews[0]!.withRule).toMatchObject({ network_id: ref.network("hh-dho"), isCandidate: true, rule_name: rule.name });
    expect(previews.map((p) => p.problems)).toEqual(cases.map(() => []));

    const saved = await saveRoutingRule({ user: admin, rule });
    for (const [i, c] of cases.entries()) {
      const actual = await submit(...c);
      expect(previews[i]!.withRule?.network_id, `case ${i}`).toBe(actual.network_id);
      const expectedRule = previews[i]!.withRule?.isCandidate ? saved.id : (previews[i]!.withRule?.rule_id ?? null);
      expect(actual.routing_rule_id, `case ${i}`).toBe(expectedRule);
    }

    // Editing the saved rule: preview (with its id) and the saved edit agree as well.
    const narrowed = { ...rule, ruleId: saved.id, organisationIds: [ref.organisation("kongsberg")] };
    const lierPreview = await previewFor(...cases[0]!, narrowed);
    expect(lierPreview.current?.network_id).toBe(ref.network("hh-dho"));
    expect(lierPreview.withRule?.network_id).toBe(ref.network("digi-lier"));
    await saveRoutingRule({ user: admin, rule: narrowed });
    expect((await submit(...cases[0]!)).network_id).toBe(lierPreview.withRule?.network_id);
  });

  it("shows the problem a rule would cause before it is saved, the same one saving refuses", async () => {
    const duplicate: RoutingRuleFields = {
      name: "Kompetanse to ganger",
      position: 12,
      networkId: ref.network("digi-asker"),
      organisationIds: [],
      groupIds: [],
      themeIds: [ref.theme("kompetanse-og-opplaering")],
      serviceAreaIds: [],
      several: "any",
      active: true,
    };
    const preview = await previewFor(...matrix[0]!, duplicate);
    expect(preview.problems).toEqual([expect.objectContaining({ rule_name: "Kompetanse to ganger", kind: "duplicate" })]);
    await expect(saveRoutingRule({ user: admin, rule: duplicate })).rejects.toMatchObject({ code: "routing_rule_duplicate" });
  });

  it("only platform admins may preview", async () => {
    const coordinator = await adminTestUser(testDb.db, COORDINATOR_ASKER);
    const error = await previewRouting({
      user: coordinator,
      sample: { sampleOrganisationId: ref.organisation("asker"), sampleThemeId: ref.theme("mestringsteknologi"), sampleServiceAreaIds: [ref.serviceArea("sykehjem")], sampleSeveral: false },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_allowed");
  });
});
