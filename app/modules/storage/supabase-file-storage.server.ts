import type { FileStorage } from "./file-storage-port.server";

/** Supabase Storage over its HTTP API, with the service key (server only). */
export function createSupabaseFileStorage(options: { url: string; serviceKey: string; bucket: string }): FileStorage {
  const base = `${options.url.replace(/\/$/, "")}/storage/v1/object/${options.bucket}`;
  const headers = { Authorization: `Bearer ${options.serviceKey}`, apikey: options.serviceKey };
  return {
    async put(key, bytes, contentType) {
      const response = await fetch(`${base}/${key}`, {
        method: "POST",
        headers: { ...headers, "Content-Type": contentType, "x-upsert": "false" },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }),
      });
      if (!response.ok) throw new Error(`storage upload failed with HTTP ${response.status}`);
    },
    async get(key) {
      const response = await fetch(`${base}/${key}`, { headers });
      if (response.status === 404 || response.status === 400) return null;
      if (!response.ok) throw new Error(`storage download failed with HTTP ${response.status}`);
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get("content-type") ?? "application/octet-stream",
      };
    },
    async delete(key) {
      const response = await fetch(base, {
        method: "DELETE",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ prefixes: [key] }),
      });
      if (!response.ok && response.status !== 404) throw new Error(`storage delete failed with HTTP ${response.status}`);
    },
  };
}
