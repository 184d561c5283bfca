import { withUser, type SessionUser } from "~/db/client.server";
import type { OnboardingInput } from "./forms";

export async function listUnitsForOnboarding(user: SessionUser) {
  return withUser(user, async (trx) => {
    const profile = await trx.selectFrom("profiles").select(["organisation_id", "full_name", "unit_id", "job_title", "onboarded_at"]).where("id", "=", user.id).executeTakeFirst();
    if (!profile) return null;
    const units = await trx
      .selectFrom("units")
      .select(["id", "name"])
      .where("organisation_id", "=", profile.organisation_id)
      .orderBy("name")
      .execute();
    return { profile, units };
  });
}

/**
 * Runs as the user (RLS: own profile only). Returns false when the unit is not one of the user's
 * organisation's units, so a forged form cannot attach anyone elsewhere.
 */
export async function completeOnboarding(user: SessionUser, input: OnboardingInput, now: Date = new Date()): Promise<boolean> {
  return withUser(user, async (trx) => {
    const unit = await trx
      .selectFrom("units")
      .innerJoin("profiles", "profiles.organisation_id", "units.organisation_id")
      .select("units.id")
      .where("profiles.id", "=", user.id)
      .where("units.id", "=", input.unitId)
      .executeTakeFirst();
    if (!unit) return false;
    const updated = await trx
      .updateTable("profiles")
      .set({ full_name: input.fullName, unit_id: input.unitId, job_title: input.jobTitle, onboarded_at: now })
      .where("id", "=", user.id)
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  });
}
