import { sql } from "kysely";
import { getDatabase } from "~/db/client.server";

/** Liveness and readiness: answers 200 only when the database answers. */
export async function loader() {
  try {
    const { db } = getDatabase();
    await sql`select 1`.execute(db);
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
