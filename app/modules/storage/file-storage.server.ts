import path from "node:path";
import { getEnv } from "~/utils/env.server";
import type { FileStorage } from "./file-storage-port.server";
import { createLocalFileStorage } from "./local-file-storage.server";
import { createSupabaseFileStorage } from "./supabase-file-storage.server";

let storage: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  if (!storage) {
    const env = getEnv();
    storage =
      env.STORAGE_PROVIDER === "supabase"
        ? createSupabaseFileStorage({ url: env.SUPABASE_URL!, serviceKey: env.SUPABASE_SERVICE_ROLE_KEY!, bucket: env.STORAGE_BUCKET })
        : createLocalFileStorage(path.resolve(env.STORAGE_DIR));
  }
  return storage;
}

/** Tests choose their own storage (a temp dir, or Supabase against MSW). */
export function setFileStorage(next: FileStorage | undefined) {
  storage = next;
}
