import { asService, type Db } from "~/db/client.server";

/** A seeded demo user (supabase/seed.sql), in the shape domain operations take. */
export async function demoUser(db: Db, email: string) {
  const profile = await asService(
    "test: load demo user",
    (trx) =>
      trx
        .selectFrom("profiles")
        .select(["id", "email", "full_name", "organisation_id", "unit_id"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow(),
    db,
  );
  return {
    id: profile.id,
    email: profile.email,
    fullName: profile.full_name,
    organisationId: profile.organisation_id,
    unitId: profile.unit_id,
  };
}

/** Looks up seeded ids by slug. */
export async function loadReference(db: Db) {
  const [themes, areas, orgs, networks] = await asService(
    "test: load reference data",
    (trx) =>
      Promise.all([
        trx.selectFrom("themes").select(["id", "slug"]).execute(),
        trx.selectFrom("service_areas").select(["id", "slug"]).execute(),
        trx.selectFrom("organisations").select(["id", "slug"]).execute(),
        trx.selectFrom("networks").select(["id", "slug"]).execute(),
      ]),
    db,
  );
  const finder = (rows: { id: string; slug: string }[], kind: string) => (slug: string) => {
    const row = rows.find((r) => r.slug === slug);
    if (!row) throw new Error(`no ${kind} with slug ${slug} in the demo data`);
    return row.id;
  };
  return {
    theme: finder(themes, "theme"),
    serviceArea: finder(areas, "service area"),
    organisation: finder(orgs, "organisation"),
    network: finder(networks, "network"),
  };
}
