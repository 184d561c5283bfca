import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/current-user.server";
import { getIdeaAttachment } from "~/modules/ideas/get-idea-attachment.server";
import { getFileStorage } from "~/modules/storage/file-storage.server";

/** RFC 5987 / 6266: the file's own name, in UTF-8, with a plain ASCII fallback. */
function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Download of an idea's attachment. RLS decides who may see it; everyone else gets the same 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await getIdeaAttachment({ user, publicId: params.publicId ?? "", attachmentId: params.attachmentId ?? "" });
  if (!attachment) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const file = await getFileStorage().get(attachment.storageKey);
  if (!file) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      // The type checked and stored at upload, not whatever the storage reports.
      "Content-Type": attachment.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
