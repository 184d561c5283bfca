/** Where attachments and images live: Supabase Storage in production, files under .data/ locally. */
export type FileStorage = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
};
