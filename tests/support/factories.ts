import crypto from "node:crypto";
import { asService, getDatabase, type Db, type SessionUser } from "~/db/client.server";
import type { Locale, NetworkKind, NetworkRole, OrganisationGroupKind, OrganisationKind, PlatformRole } from "~/db/schema";

// Test data builders. They write through the service path (no RLS), return ids, and make every
// unique value unique per call so that tests can share one database without colliding.

function uniqueSuffix() {
  return crypto.randomBytes(4).toString("hex");
}

function database(db?: Db) {
  return db ?? getDatabase().db;
}

export type CreatedOrganisation = { id: string; slug: string; domain: string };

/** An organisation with one e-mail domain, `<slug>.example.no`. */
export async function createOrganisation(
  options: { name?: string; slug?: string; kind?: OrganisationKind; avvikUrl?: string | null; domain?: string | null } = {},
  db?: Db,
): Promise<CreatedOrganisation> {
  const slug = options.slug ?? `org-${uniqueSuffix()}`;
  const domain = options.domain === undefined ? `${slug}.example.no` : options.domain;
  const id = await asService(
    "test factory: create organisation",
    async (trx) => {
      const row = await trx
        .insertInto("organisations")
        .values({
          slug,
          name: options.name ?? `Testkommune ${slug}`,
          kind: options.kind ?? "municipality",
          avvik_url: options.avvikUrl === undefined ? `https://${slug}.example.no/avvik` : options.avvikUrl,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (domain) await trx.insertInto("organisation_domains").values({ domain, organisation_id: row.id }).execute();
      return row.id;
    },
    database(db),
  );
  return { id, slug, domain: domain ?? "" };
}

export async function createOrganisationGroup(
  options: { name?: string; slug?: string; kind?: OrganisationGroupKind; organisationIds?: string[] } = {},
  db?: Db,
): Promise<string> {
  const slug = options.slug ?? `group-${uniqueSuffix()}`;
  return asService(
    "test factory: create organisation group",
    async (trx) => {
      const row = await trx
        .insertInto("organisation_groups")
        .values({ slug, name: options.name ?? `Gruppe ${slug}`, kind: options.kind ?? "partnership" })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const organisationId of options.organisationIds ?? []) {
        await trx.insertInto("organisation_group_members").values({ group_id: row.id, organisation_id: organisationId }).execute();
      }
      return row.id;
    },
    database(db),
  );
}

export async function addDomain(organisationId: string, domain: string, db?: Db) {
  await asService(
    "test factory: add organisation domain",
    (trx) => trx.insertInto("organisation_domains").values({ domain, organisation_id: organisationId }).execute(),
    database(db),
  );
}

export async function createUnit(organisationId: string, options: { name?: string } = {}, db?: Db): Promise<string> {
  return asService(
    "test factory: create unit",
    async (trx) =>
      (
        await trx
          .insertInto("units")
          .values({ organisation_id: organisationId, name: options.name ?? `Virksomhet ${uniqueSuffix()}` })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    database(db),
  );
}

export type CreatedUser = SessionUser & { organisationId: string };

/**
 * An auth user and its profile. Onboarded (unit and job title set) unless `onboarded: false`.
 * The result can be passed straight to withUser().
 */
export async function createUser(
  options: {
    organisationId: string;
    email?: string;
    fullName?: string;
    unitId?: string | null;
    jobTitle?: string | null;
    locale?: Locale;
    platformRole?: PlatformRole;
    onboarded?: boolean;
  },
  db?: Db,
): Promise<CreatedUser> {
  const id = crypto.randomUUID();
  const email = (options.email ?? `test.${uniqueSuffix()}@test.example.no`).toLowerCase();
  const onboarded = options.onboarded ?? true;
  await asService(
    "test factory: create user",
    async (trx) => {
      await trx.insertInto("auth.users").values({ id, email }).execute();
      await trx
        .insertInto("profiles")
        .values({
          id,
          email,
          full_name: options.fullName ?? "Test Testesen",
          organisation_id: options.organisationId,
          unit_id: options.unitId ?? null,
          job_title: options.jobTitle === undefined ? (onboarded ? "Sykepleier" : null) : options.jobTitle,
          locale: options.locale ?? "nb",
          platform_role: options.platformRole ?? "employee",
          onboarded_at: onboarded ? new Date() : null,
        })
        .execute();
    },
    database(db),
  );
  return { id, email, organisationId: options.organisationId };
}

export type CreatedNetwork = { id: string; slug: string };

/** A network owned by exactly one organisation or one organisation group. */
export async function createNetwork(
  options: ({ ownerOrganisationId: string; ownerGroupId?: never } | { ownerGroupId: string; ownerOrganisationId?: never }) & {
    name?: string;
    slug?: string;
    kind?: NetworkKind;
    description?: string | null;
  },
  db?: Db,
): Promise<CreatedNetwork> {
  const slug = options.slug ?? `net-${uniqueSuffix()}`;
  const id = await asService(
    "test factory: create network",
    async (trx) =>
      (
        await trx
          .insertInto("networks")
          .values({
            slug,
            name: options.name ?? `Nettverk ${slug}`,
            description: options.description ?? null,
            kind: options.kind ?? (options.ownerGroupId ? "focus_area" : "municipal"),
            owner_organisation_id: options.ownerOrganisationId ?? null,
            owner_group_id: options.ownerGroupId ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    database(db),
  );
  return { id, slug };
}

export async function addNetworkMember(networkId: string, profileId: string, role: NetworkRole = "member", db?: Db) {
  await asService(
    "test factory: add network member",
    (trx) => trx.insertInto("network_members").values({ network_id: networkId, profile_id: profileId, role }).execute(),
    database(db),
  );
}
