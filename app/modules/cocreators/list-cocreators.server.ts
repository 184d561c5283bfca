import { sql } from "kysely";
import type { Trx } from "~/db/client.server";
import type { CocreatorKind, CocreatorStatus } from "~/db/schema";

export type CocreatorRow = {
  id: string;
  profileId: string;
  name: string;
  organisationName: string;
  kind: CocreatorKind;
  status: CocreatorStatus;
  message: string | null;
  createdAt: Date;
};

/** Co-creators as the reader may see them (accepted for everyone; pending ones for those concerned). */
export async function listCocreators(trx: Trx, ideaId: string): Promise<CocreatorRow[]> {
  const { rows } = await sql<{
    id: string;
    profile_id: string;
    full_name: string;
    organisation_name: string;
    kind: CocreatorKind;
    status: CocreatorStatus;
    message: string | null;
    created_at: Date;
  }>`select * from public.idea_cocreator_view(${ideaId})`.execute(trx);
  return rows.map((r) => ({
    id: r.id,
    profileId: r.profile_id,
    name: r.full_name,
    organisationName: r.organisation_name,
    kind: r.kind,
    status: r.status,
    message: r.message,
    createdAt: new Date(r.created_at),
  }));
}
