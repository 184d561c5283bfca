import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "./client.server";

const SEED_FILE = path.resolve(process.cwd(), "supabase/seed.sql");

/** Loads supabase/seed.sql (the same file `supabase db reset` uses) into an empty database. */
export async function seedDemoDataIfEmpty(db: Db): Promise<boolean> {
  const { count } = await db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  if (Number(count) > 0) return false;
  const seed = await fs.readFile(SEED_FILE, "utf8");
  await db.transaction().execute(async (trx) => {
    await sql.raw(seed).execute(trx);
  });
  return true;
}
