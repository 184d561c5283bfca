import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/current-user.server";
import { findSimilarIdeas, type SimilarIdea } from "~/modules/ideas/find-similar-ideas.server";

export type SimilarIdeasResponse = { ideas: SimilarIdea[] };

const QuerySchema = z.object({
  title: z.string().default("").transform((title) => title.trim().slice(0, 200)),
  text: z.string().default("").transform((text) => text.slice(0, 4000)),
});

/** Up to five ideas the user may see that look like what they are writing (JSON for the form). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const query = QuerySchema.safeParse({ title: params.get("title") ?? undefined, text: params.get("text") ?? undefined });
  if (!query.success) return Response.json({ ideas: [] } satisfies SimilarIdeasResponse, { status: 400 });
  const ideas = await findSimilarIdeas({ user, title: query.data.title, text: query.data.text, typing: true });
  return Response.json({ ideas } satisfies SimilarIdeasResponse, { headers: { "Cache-Control": "private, no-store" } });
}
