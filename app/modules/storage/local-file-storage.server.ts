import fs from "node:fs/promises";
import path from "node:path";
import type { FileStorage } from "./file-storage-port.server";

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

function resolveKey(root: string, key: string) {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
  return path.join(root, key);
}

/** Files under a directory; the content type is kept in a sidecar file. */
export function createLocalFileStorage(root: string): FileStorage {
  return {
    async put(key, bytes, contentType) {
      const file = resolveKey(root, key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, bytes);
      await fs.writeFile(`${file}.type`, contentType);
    },
    async get(key) {
      const file = resolveKey(root, key);
      try {
        const [bytes, contentType] = await Promise.all([fs.readFile(file), fs.readFile(`${file}.type`, "utf8")]);
        return { bytes: new Uint8Array(bytes), contentType };
      } catch {
        return null;
      }
    },
    async delete(key) {
      const file = resolveKey(root, key);
      await fs.rm(file, { force: true });
      await fs.rm(`${file}.type`, { force: true });
    },
  };
}
