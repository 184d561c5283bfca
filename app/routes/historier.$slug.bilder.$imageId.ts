import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { getStoryImage } from "~/modules/stories/get-story-image.server";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A story's image, for whoever may read the story; public stories' images may be cached. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!uuid.test(params.imageId ?? "")) throw new Response(null, { status: 404 });
  const user = await getCurrentUser(request);
  const image = await getStoryImage({ viewer: user?.onboarded ? user : null, slug: params.slug ?? "", imageId: params.imageId! });
  if (!image) throw new Response(null, { status: 404 });
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.byteLength),
      "Cache-Control": image.isPublic ? "public, max-age=3600" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
