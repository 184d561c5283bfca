import { http, HttpResponse } from "msw";

export const SUPABASE_STORAGE_URL = "https://testproject.supabase.co";

/** A stand-in for Supabase Storage's object API: keeps uploads in memory; can be told to fail. */
export function createSupabaseStorageMock(bucket = "attachments") {
  const objects = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const state = { failUploads: false };
  const base = `${SUPABASE_STORAGE_URL}/storage/v1/object/${bucket}`;
  const authorised = (request: Request) => request.headers.get("authorization") === "Bearer service-role-key-for-tests";
  const handlers = [
    http.post(`${base}/*`, async ({ request, params }) => {
      if (!authorised(request)) return HttpResponse.json({ error: "Unauthorized" }, { status: 401 });
      if (state.failUploads) return HttpResponse.json({ error: "upstream connect error" }, { status: 503 });
      const key = String(params[0]);
      if (objects.has(key)) return HttpResponse.json({ error: "Duplicate" }, { status: 409 });
      objects.set(key, { bytes: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" });
      return HttpResponse.json({ Key: `${bucket}/${key}` });
    }),
    http.get(`${base}/*`, ({ request, params }) => {
      if (!authorised(request)) return HttpResponse.json({ error: "Unauthorized" }, { status: 401 });
      const object = objects.get(String(params[0]));
      if (!object) return HttpResponse.json({ error: "not_found" }, { status: 400 });
      return new HttpResponse(object.bytes, { headers: { "Content-Type": object.contentType } });
    }),
    http.delete(base, async ({ request }) => {
      if (!authorised(request)) return HttpResponse.json({ error: "Unauthorized" }, { status: 401 });
      const { prefixes } = (await request.json()) as { prefixes: string[] };
      for (const key of prefixes) objects.delete(key);
      return HttpResponse.json([]);
    }),
  ];
  return { handlers, objects, state };
}
