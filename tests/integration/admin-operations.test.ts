import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser } from "~/db/client.server";
import { addNetworkMember } from "~/modules/admin/add-network-member.server";
import { addOrganisationDomain } from "~/modules/admin/add-organisation-domain.server";
import { SlaSchema } from "~/modules/admin/admin-schemas";
import { changeNetworkMemberRole } from "~/modules/admin/change-network-member-role.server";
import { changeUserRole } from "~/modules/admin/change-user-role.server";
import { createNetwork } from "~/modules/admin/create-network.server";
import { createOrganisation } from "~/modules/admin/create-organisation.server";
import { deleteNetwork } from "~/modules/admin/delete-network.server";
import { listAuditLog } from "~/modules/admin/list-audit-log.server";
import { removeNetworkMember } from "~/modules/admin/remove-network-member.server";
import { saveReferenceItem } from "~/modules/admin/save-reference-item.server";
import { saveRoutingRule } from "~/modules/admin/save-routing-rule.server";
import { saveUnit } from "~/modules/admin/save-unit.server";
import { updateNetworkSla } from "~/modules/admin/update-network-sla.server";
import { updateOrganisation } from "~/modules/admin/update-organisation.server";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { AppError } from "~/utils/app-error";
import { loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ADMIN, COORDINATOR_ASKER, COORDINATOR_DRAMMEN, EMPLOYEE, adminTestUser, auditCount, auditEntries } from "./admin-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
let admin: CurrentUser;
let coordAsker: CurrentUser;
let coordDrammen: CurrentUser;
let employee: CurrentUser;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  ref = await loadReference(testDb.db);
  [admin, coordAsker, coordDrammen, employee] = await Promise.all([ADMIN, COORDINATOR_ASKER, COORDINATOR_DRAMMEN, EMPLOYEE].map((e) => adminTestUser(testDb.db, e)));
});
afterAll(async () => {
  await testDb.close();
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the operation should have been refused").toBeInstanceOf(AppError);
  return error as AppError;
}

const sla = (slug: string) =>
  asService("test: read SLA", (trx) =>
    trx.selectFrom("networks").select(["sla_first_answer_working_days as first", "sla_update_interval_days as update"]).where("slug", "=", slug).executeTakeFirstOrThrow(),
  );
const memberRole = (networkSlug: string, profileId: string) =>
  asService("test: member role", (trx) =>
    trx
      .selectFrom("network_members")
      .select("role")
      .where("network_id", "=", ref.network(networkSlug))
      .where("profile_id", "=", profileId)
      .executeTakeFirst()
      .then((r) => r?.role ?? null),
  );

describe("who may do what", () => {
  it("SLA settings: admins and the network's own coordinators, nobody else", async () => {
    const network = ref.network("digi-asker");
    await updateNetworkSla({ user: admin, networkId: network, firstAnswerDays: 8, updateIntervalDays: 30 });
    expect(await sla("digi-asker")).toEqual({ first: 8, update: 30 });
    await updateNetworkSla({ user: coordAsker, networkId: network, firstAnswerDays: 9, updateIntervalDays: 45 });
    expect(await sla("digi-asker")).toEqual({ first: 9, update: 45 });
    expect((await refusal(updateNetworkSla({ user: coordDrammen, networkId: network, firstAnswerDays: 2, updateIntervalDays: 2 }))).code).toBe("not_allowed");
    expect((await refusal(updateNetworkSla({ user: employee, networkId: network, firstAnswerDays: 2, updateIntervalDays: 2 }))).code).toBe("not_allowed");
    expect(await sla("digi-asker")).toEqual({ first: 9, update: 45 });
  });

  it("members: the network's coordinator adds people from any organisation; another network's coordinator and employees cannot", async () => {
    const network = ref.network("digi-asker");
    const outsider = await adminTestUser(testDb.db, "ahmed.rahimi@drammen.example.no");
    await addNetworkMember({ user: coordAsker, networkId: network, email: "AHMED.RAHIMI@drammen.example.no ", role: "member" });
    expect(await memberRole("digi-asker", outsider.id)).toBe("member");
    const lene = await adminTestUser(testDb.db, "lene.dahl@drammen.example.no");
    expect((await refusal(addNetworkMember({ user: coordDrammen, networkId: network, email: "lene.dahl@drammen.example.no", role: "member" }))).code).toBe("not_allowed");
    expect((await refusal(addNetworkMember({ user: employee, networkId: network, email: "lene.dahl@drammen.example.no", role: "coordinator" }))).code).toBe("not_allowed");
    expect(await memberRole("digi-asker", lene.id)).toBeNull();
    expect((await refusal(addNetworkMember({ user: coordAsker, networkId: network, email: "ingen@asker.example.no", role: "member" }))).code).toBe("unknown_person");
    expect((await refusal(addNetworkMember({ user: coordAsker, networkId: network, email: "ahmed.rahimi@drammen.example.no", role: "member" }))).code).toBe("already_member");

    await changeNetworkMemberRole({ user: coordAsker, networkId: network, profileId: outsider.id, role: "coordinator" });
    expect(await memberRole("digi-asker", outsider.id)).toBe("coordinator");
    expect((await refusal(removeNetworkMember({ user: coordDrammen, networkId: network, profileId: outsider.id }))).code).toBe("not_allowed");
    await removeNetworkMember({ user: admin, networkId: network, profileId: outsider.id });
    expect(await memberRole("digi-asker", outsider.id)).toBeNull();
  });

  it("organisations, units, routing rules, themes and roles: platform admins only", async () => {
    const fallback = ref.network("digi-asker");
    const created = await createOrganisation({ user: admin, slug: "ny-kommune", name: "Ny kommune", kind: "municipality", fallbackNetworkId: fallback });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const user of [coordAsker, employee]) {
      expect((await refusal(createOrganisation({ user, slug: `ikke-${user.id.slice(0, 4)}`, name: "Ikke lov", kind: "municipality", fallbackNetworkId: fallback }))).code).toBe("not_allowed");
      expect((await refusal(updateOrganisation({ user, organisationId: created.id, name: "Kapret", kind: "other", fallbackNetworkId: fallback }))).code).toBe("not_allowed");
      expect((await refusal(saveUnit({ user, organisationId: created.id, name: "Ikke lov" }))).code).toBe("not_allowed");
      expect(
        (
          await refusal(
            saveRoutingRule({
              user,
              rule: { name: "Alt til meg", position: 5, networkId: fallback, organisationIds: [], groupIds: [], themeIds: [], serviceAreaIds: [], several: "any", active: true },
            }),
          )
        ).code,
      ).toBe("not_allowed");
      expect(
        (await refusal(saveReferenceItem({ user, kind: "themes", slug: "ikke-lov", nameNb: "Ikke lov", nameNn: "Ikkje lov", nameEn: "Not allowed", sortOrder: 1, active: true }))).code,
      ).toBe("not_allowed");
      expect((await refusal(changeUserRole({ user, profileId: user.id, role: "admin" }))).code).toBe("not_allowed");
      expect((await refusal(createNetwork({ user, slug: "mitt-nett", name: "Mitt nettverk", kind: "municipal", owner: `organisation:${created.id}` }))).code).toBe(
        "not_allowed",
      );
    }
    const org = await asService("test: org", (trx) => trx.selectFrom("organisations").select("name").where("id", "=", created.id).executeTakeFirstOrThrow());
    expect(org.name).toBe("Ny kommune");
    await saveUnit({ user: admin, organisationId: created.id, name: "Hjemmetjenesten Ny" });
    await changeUserRole({ user: admin, profileId: employee.id, role: "partner_viewer" });
    await changeUserRole({ user: admin, profileId: employee.id, role: "employee" });
  });

  it("the audit log: admins read all of it, coordinators their own network's entries, employees nothing", async () => {
    const all = await listAuditLog({ user: admin });
    expect(all.entries.length).toBeGreaterThan(5);
    const asker = await listAuditLog({ user: coordAsker });
    expect(asker.entries.length).toBeGreaterThan(0);
    expect(new Set(asker.entries.map((e) => e.network_id))).toEqual(new Set([ref.network("digi-asker")]));
    expect((await listAuditLog({ user: coordDrammen })).entries).toEqual([]);
    expect((await listAuditLog({ user: employee })).entries).toEqual([]);
  });

  it("nobody writes, changes or deletes audit entries directly, not even an admin", async () => {
    const before = await auditCount(testDb.db);
    await expect(
      withUser(admin, (trx) => trx.insertInto("audit_log").values({ action: "fake.entry", target_table: "x" }).execute()),
    ).rejects.toThrow(/permission denied|row-level security/);
    await expect(withUser(admin, (trx) => trx.updateTable("audit_log").set({ action: "fake.entry" }).execute())).rejects.toThrow(/permission denied/);
    await expect(withUser(admin, (trx) => trx.deleteFrom("audit_log").execute())).rejects.toThrow(/permission denied/);
    expect(await auditCount(testDb.db)).toBe(before);
  });
});

describe("every change is audit-logged in the same transaction", () => {
  it("records who, what, the target, before and after", async () => {
    await updateNetworkSla({ user: coordDrammen, networkId: ref.network("digi-drammen"), firstAnswerDays: 7, updateIntervalDays: 40 });
    const [entry] = (await auditEntries(testDb.db, { action: "networks.update", targetId: ref.network("digi-drammen") })).slice(-1);
    expect(entry).toMatchObject({ actor_id: coordDrammen.id, target_table: "networks", network_id: ref.network("digi-drammen") });
    expect(entry!.before_data).toMatchObject({ sla_first_answer_working_days: 10 });
    expect(entry!.after_data).toMatchObject({ sla_first_answer_working_days: 7, sla_update_interval_days: 40 });
    expect(entry!.created_at).toBeInstanceOf(Date);
  });

  it("writes one entry per kind of change", async () => {
    const org = await createOrganisation({ user: admin, slug: "loggkommune", name: "Loggkommune", kind: "municipality", fallbackNetworkId: ref.network("digi-lier") });
    await updateOrganisation({ user: admin, organisationId: org.id, name: "Loggkommune", kind: "municipality", avvikUrl: "https://logg.example.no/avvik", fallbackNetworkId: ref.network("digi-lier") });
    await addOrganisationDomain({ user: admin, organisationId: org.id, domain: "logg.example.no" });
    const unit = await saveUnit({ user: admin, organisationId: org.id, name: "Loggtjenesten" });
    const network = await createNetwork({ user: admin, slug: "logg-nett", name: "Loggnettverket", kind: "municipal", owner: `organisation:${org.id}` });
    await addNetworkMember({ user: admin, networkId: network.id, email: EMPLOYEE, role: "coordinator" });
    const rule = await saveRoutingRule({
      user: admin,
      rule: { name: "Loggkommunen til loggnettverket", position: 900, networkId: network.id, organisationIds: [org.id], groupIds: [], themeIds: [], serviceAreaIds: [], several: "any", active: true },
    });
    const theme = await saveReferenceItem({ user: admin, kind: "themes", slug: "logg-tema", nameNb: "Loggtema", nameNn: "Loggtema", nameEn: "Log theme", sortOrder: 99, active: true });
    await changeUserRole({ user: admin, profileId: coordDrammen.id, role: "partner_viewer" });
    await changeUserRole({ user: admin, profileId: coordDrammen.id, role: "employee" });

    const expectations: [string, string][] = [
      ["organisations.insert", org.id],
      ["organisations.update", org.id],
      ["organisation_domains.insert", "logg.example.no"],
      ["units.insert", unit.id],
      ["networks.insert", network.id],
      ["network_members.insert", employee.id],
      ["routing_rules.insert", rule.id],
      ["themes.insert", theme.id],
      ["profiles.update", coordDrammen.id],
    ];
    for (const [action, targetId] of expectations) {
      const entries = await auditEntries(testDb.db, { action, targetId });
      expect(entries.length, `${action} ${targetId}`).toBeGreaterThan(0);
      expect(entries[0]!.actor_id).toBe(admin.id);
    }
    const roleChanges = await auditEntries(testDb.db, { action: "profiles.update", targetId: coordDrammen.id });
    expect(roleChanges.map((e) => [e.before_data?.platform_role, e.after_data?.platform_role])).toEqual([
      ["employee", "partner_viewer"],
      ["partner_viewer", "employee"],
    ]);
    // Only the role, organisation and unit: never the person's name or e-mail.
    expect(JSON.stringify(roleChanges)).not.toContain("tor.arne.myhre");
  });

  it("a refused change leaves no entry", async () => {
    const before = await auditCount(testDb.db);
    await refusal(updateNetworkSla({ user: coordDrammen, networkId: ref.network("digi-asker"), firstAnswerDays: 3, updateIntervalDays: 3 }));
    await refusal(addOrganisationDomain({ user: admin, organisationId: ref.organisation("lier"), domain: "asker.example.no" }));
    expect(await auditCount(testDb.db)).toBe(before);
  });

  it("people changing their own language are not administering anything", async () => {
    const before = await auditCount(testDb.db);
    await withUser(employee, (trx) => trx.updateTable("profiles").set({ locale: "nn" }).where("id", "=", employee.id).execute());
    expect(await auditCount(testDb.db)).toBe(before);
  });
});

describe("bad input: a clear refusal and nothing inconsistent saved", () => {
  const ruleCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from public.routing_rules`.execute(testDb.db)).rows[0]!.n);

  it("refuses a rule with the same criteria as an earlier one", async () => {
    const before = await ruleCount();
    const error = await refusal(
      saveRoutingRule({
        user: admin,
        rule: { name: "Kompetanse igjen", position: 15, networkId: ref.network("digi-asker"), organisationIds: [], groupIds: [], themeIds: [ref.theme("kompetanse-og-opplaering")], serviceAreaIds: [], several: "any", active: true },
      }),
    );
    expect(error.code).toBe("routing_rule_duplicate");
    expect(error.details).toMatchObject({ rule: "Kompetanse igjen" });
    expect(await ruleCount()).toBe(before);
  });

  it("refuses a rule an earlier rule always catches first, and one placed in front of a rule it would hide", async () => {
    const narrower = {
      name: "Kompetanse i Asker",
      networkId: ref.network("digi-asker"),
      organisationIds: [ref.organisation("asker")],
      groupIds: [],
      themeIds: [ref.theme("kompetanse-og-opplaering")],
      serviceAreaIds: [],
      several: "any" as const,
      active: true,
    };
    expect((await refusal(saveRoutingRule({ user: admin, rule: { ...narrower, position: 11 } }))).code).toBe("routing_rule_unreachable");
    // The same rule first in the order is fine: it is narrower than the rule after it.
    const saved = await saveRoutingRule({ user: admin, rule: { ...narrower, position: 5 } });
    // Moving a catch-all for the theme in front of it makes the narrower rule unreachable.
    const before = await ruleCount();
    expect(
      (await refusal(saveRoutingRule({ user: admin, rule: { ...narrower, name: "Alt om kompetanse", organisationIds: [], position: 4 } }))).code,
    ).toBe("routing_rule_unreachable");
    expect(await ruleCount()).toBe(before);
    expect((await refusal(saveRoutingRule({ user: admin, rule: { ...narrower, name: "Annen", themeIds: [ref.theme("mestringsteknologi")], position: 5 } }))).code).toBe(
      "position_taken",
    );
    await asService("test: clean up", (trx) => trx.deleteFrom("routing_rules").where("id", "=", saved.id).execute());
  });

  it("refuses to leave an organisation without a fallback network", async () => {
    const lier = ref.organisation("lier");
    await expect(
      withUser(admin, (trx) => trx.updateTable("organisations").set({ fallback_network_id: null }).where("id", "=", lier).execute()),
    ).rejects.toMatchObject({ hint: "fallback_required" });
    const form = await import("~/modules/admin/admin-schemas").then((m) => m.UpdateOrganisationSchema.safeParse({ intent: "update", name: "Lier kommune", kind: "municipality" }));
    expect(form.success).toBe(false);
    expect(form.error?.issues.find((i) => i.path[0] === "fallbackNetworkId")?.message).toBe("admin:errors.fallback_required");
    const fallback = await asService("test: fallback", (trx) => trx.selectFrom("organisations").select("fallback_network_id").where("id", "=", lier).executeTakeFirstOrThrow());
    expect(fallback.fallback_network_id).toBe(ref.network("digi-lier"));
  });

  it("refuses SLA values of zero or less, in the form, the operation and the database", async () => {
    const zero = SlaSchema.safeParse({ intent: "sla", firstAnswerDays: 0, updateIntervalDays: 30 });
    expect(zero.error?.issues[0]?.message).toBe("admin:errors.sla_positive");
    const negative = SlaSchema.safeParse({ intent: "sla", firstAnswerDays: 5, updateIntervalDays: -3 });
    expect(negative.error?.issues[0]?.message).toBe("admin:errors.sla_positive");
    const before = await sla("digi-lier");
    expect((await refusal(updateNetworkSla({ user: admin, networkId: ref.network("digi-lier"), firstAnswerDays: 0, updateIntervalDays: 30 }))).code).toBe("invalid_value");
    await expect(
      withUser(admin, (trx) => trx.updateTable("networks").set({ sla_update_interval_days: -1 }).where("id", "=", ref.network("digi-lier")).execute()),
    ).rejects.toThrow(/check constraint/);
    expect(await sla("digi-lier")).toEqual(before);
  });

  it("refuses to delete a network that still owns open ideas, or is a fallback", async () => {
    const busy = await asService("test: a network with open ideas", (trx) =>
      trx
        .selectFrom("ideas")
        .select(["network_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("status", "not in", ["new_practice", "not_prioritised", "merged", "withdrawn"])
        .groupBy("network_id")
        .orderBy("network_id")
        .executeTakeFirstOrThrow(),
    );
    const error = await refusal(deleteNetwork({ user: admin, networkId: busy.network_id }));
    expect(error.code).toBe("network_has_open_ideas");
    expect(Number(error.details.count)).toBe(Number(busy.n));
    const org = await createOrganisation({ user: admin, slug: "reservekommune", name: "Reservekommune", kind: "municipality", fallbackNetworkId: ref.network("digi-lier") });
    const spare = await createNetwork({ user: admin, slug: "reserve-nett", name: "Reservenettverket", kind: "municipal", owner: `organisation:${org.id}` });
    await updateOrganisation({ user: admin, organisationId: org.id, name: "Reservekommune", kind: "municipality", fallbackNetworkId: spare.id });
    const fallbackError = await refusal(deleteNetwork({ user: admin, networkId: spare.id }));
    expect(fallbackError.code).toBe("network_is_fallback");
    expect(fallbackError.details.organisations).toBe("Reservekommune");
    const exists = await asService("test: networks", (trx) => trx.selectFrom("networks").select("id").where("id", "in", [spare.id, busy.network_id]).execute());
    expect(exists).toHaveLength(2);
    // Once nothing depends on it, it goes (and the deletion is logged).
    await updateOrganisation({ user: admin, organisationId: org.id, name: "Reservekommune", kind: "municipality", fallbackNetworkId: ref.network("digi-lier") });
    expect((await refusal(deleteNetwork({ user: coordAsker, networkId: spare.id }))).code).toBe("not_allowed");
    await deleteNetwork({ user: admin, networkId: spare.id });
    expect(await auditEntries(testDb.db, { action: "networks.delete", targetId: spare.id })).toHaveLength(1);
  });

  it("refuses an e-mail domain another organisation already uses, naming it", async () => {
    const error = await refusal(addOrganisationDomain({ user: admin, organisationId: ref.organisation("lier"), domain: "asker.example.no" }));
    expect(error.code).toBe("domain_taken");
    expect(error.details.organisation).toBe("Asker kommune");
    const owner = await asService("test: domain", (trx) =>
      trx.selectFrom("organisation_domains").select("organisation_id").where("domain", "=", "asker.example.no").executeTakeFirstOrThrow(),
    );
    expect(owner.organisation_id).toBe(ref.organisation("asker"));
  });

  it("refuses to remove or demote a network's last coordinator", async () => {
    const lier = ref.network("digi-lier");
    const coordinator = await adminTestUser(testDb.db, "anne.lise.brekke@lier.example.no");
    expect((await refusal(removeNetworkMember({ user: admin, networkId: lier, profileId: coordinator.id }))).code).toBe("last_coordinator");
    expect((await refusal(changeNetworkMemberRole({ user: coordinator, networkId: lier, profileId: coordinator.id, role: "member" }))).code).toBe("last_coordinator");
    expect(await memberRole("digi-lier", coordinator.id)).toBe("coordinator");
    // With a second coordinator, the first may step down.
    await addNetworkMember({ user: coordinator, networkId: lier, email: "hanne.vik@lier.example.no", role: "coordinator" });
    await changeNetworkMemberRole({ user: coordinator, networkId: lier, profileId: coordinator.id, role: "member" });
    expect(await memberRole("digi-lier", coordinator.id)).toBe("member");
  });

  it("keeps one platform admin", async () => {
    expect((await refusal(changeUserRole({ user: admin, profileId: admin.id, role: "employee" }))).code).toBe("last_admin");
    const role = await asService("test: role", (trx) => trx.selectFrom("profiles").select("platform_role").where("id", "=", admin.id).executeTakeFirstOrThrow());
    expect(role.platform_role).toBe("admin");
  });
});
