import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/current-user.server";
import { findIdeaRef } from "~/modules/comments/find-idea-ref.server";
import { followIdea } from "~/modules/follows/follow-idea.server";
import { FollowIntentSchema } from "~/modules/follows/follow-intent-schema";
import { unfollowIdea } from "~/modules/follows/unfollow-idea.server";

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/ideer/${encodeURIComponent(params.publicId ?? "")}#follow`);
}

/** "Følg" / "Slutt å følge": idempotent, so a double click changes nothing; back to the idea page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await findIdeaRef({ user, publicId: params.publicId ?? "" });
  if (!idea) throw new Response(null, { status: 404 });
  const formData = await request.formData();
  const parsed = FollowIntentSchema.safeParse({ intent: formData.get("intent") });
  // Without a valid intent nothing changes; the page shows the state as it is.
  if (parsed.success) {
    if (parsed.data.intent === "follow") await followIdea({ user, ideaId: idea.id });
    else await unfollowIdea({ user, ideaId: idea.id });
  }
  throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}#follow`, { status: 303 });
}
