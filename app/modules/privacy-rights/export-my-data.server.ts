import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";

export type MyDataExport = {
  exportedAt: string;
  format: "helsehub-idehub/my-data/v1";
  data: Record<string, unknown>;
};

/** Everything tied to the signed-in person (public.export_my_data gathers it in one query). */
export async function exportMyData(options: { user: SessionUser; now?: Date }): Promise<MyDataExport> {
  const data = await withUser(options.user, async (trx) => {
    const { rows } = await sql<{ data: Record<string, unknown> }>`select public.export_my_data() as data`.execute(trx);
    return rows[0]!.data;
  });
  return { exportedAt: (options.now ?? new Date()).toISOString(), format: "helsehub-idehub/my-data/v1", data };
}
