import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/current-user.server";
import { draftValuesFromForm, isDraftTooLarge, saveIdeaDraft } from "~/modules/ideas/idea-drafts.server";

export type AutosaveResponse = { draftId: string; savedAt: string };

// A draft is text only (the form's files are left out); a little over the rich-text limit is plenty.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

/** Autosave from the idea form: creates the draft on the first call, updates it after that. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: "too_large" }, { status: 413 });
  }
  const formData = await request.formData();
  const posted = formData.get("draftId");
  const values = draftValuesFromForm(formData);
  if (isDraftTooLarge(values)) return Response.json({ error: "too_large" }, { status: 413 });
  const draftId = await saveIdeaDraft({
    user,
    draftId: typeof posted === "string" && uuid.test(posted) ? posted : undefined,
    values,
  });
  return Response.json({ draftId, savedAt: new Date().toISOString() } satisfies AutosaveResponse, { headers: { "Cache-Control": "no-store" } });
}
