import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/current-user.server";
import { safeRedirect } from "~/modules/auth/safe-redirect";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { supportIdea, withdrawSupport } from "~/modules/ideas/support-idea.server";
import { isAppError } from "~/utils/app-error";

const SupportSchema = z.object({ intent: z.enum(["support", "withdraw-support"]).default("support") });

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/ideer/${encodeURIComponent(params.publicId ?? "")}`);
}

/**
 * "Jeg støtter dette" and undoing it. A plain form post (works without JavaScript) that redirects
 * back to `redirectTo` (same-site paths only), or to the idea page.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const publicId = params.publicId ?? "";
  const formData = await request.formData();
  const back = safeRedirect(formData.get("redirectTo"), `/ideer/${encodeURIComponent(publicId)}`);
  const parsed = SupportSchema.safeParse({ intent: formData.get("intent") ?? undefined });
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const idea = await getIdea({ user, publicId });
  if (!idea) throw new Response("Not found", { status: 404 });
  if (parsed.data.intent === "support") {
    try {
      await supportIdea({ user, ideaId: idea.id });
    } catch (error) {
      // A merged or withdrawn idea cannot gain support: its page says why (a merged one sends the
      // reader on to the idea it was merged into).
      if (!(isAppError(error) && error.code === "idea_closed_for_support")) throw error;
      throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}?stotte=stengt`, { status: 303 });
    }
  } else {
    await withdrawSupport({ user, ideaId: idea.id });
  }
  throw redirect(back, { status: 303 });
}
