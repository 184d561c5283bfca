import { sql } from "kysely";
import type { Trx } from "~/db/client.server";

export type SameNeedRow = {
  id: string;
  organisationId: string;
  organisationName: string;
  note: string | null;
  createdAt: Date;
  canWithdraw: boolean;
};

/** The organisations that have the same need, as the reader may see them. */
export async function listSameNeed(trx: Trx, ideaId: string, userId: string): Promise<SameNeedRow[]> {
  const rows = await trx
    .selectFrom("idea_same_need")
    .innerJoin("organisations", "organisations.id", "idea_same_need.organisation_id")
    .innerJoin("ideas", "ideas.id", "idea_same_need.idea_id")
    .select([
      "idea_same_need.id",
      "idea_same_need.organisation_id",
      "organisations.name",
      "idea_same_need.note",
      "idea_same_need.created_at",
      "idea_same_need.profile_id",
      sql<boolean>`app_private.is_network_coordinator(ideas.network_id)`.as("coordinator"),
    ])
    .where("idea_same_need.idea_id", "=", ideaId)
    .orderBy("organisations.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    note: r.note,
    createdAt: r.created_at,
    canWithdraw: r.profile_id === userId || r.coordinator,
  }));
}
