import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";

export type SimilarIdea = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  organisationName: string;
  supportCount: number;
  supportedByMe: boolean;
};

const MAX_WORDS = 16;

/** Only letters and digits reach to_tsquery, so user input can never be tsquery syntax. */
export function searchWords(text: string): string[] {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w, i, all) => all.indexOf(w) === i);
  return words.sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
}

/**
 * Up to five open ideas the user may see (RLS decides, across organisations) that look like what is
 * being written: Norwegian full-text match on any word, plus trigram similarity of the titles.
 */
export async function findSimilarIdeas(options: {
  user: SessionUser;
  title: string;
  text?: string;
  limit?: number;
}): Promise<SimilarIdea[]> {
  const title = options.title.trim().slice(0, 200);
  const words = searchWords(`${title} ${options.text ?? ""}`.slice(0, 4000));
  if (title.length < 4 && words.length === 0) return [];
  const tsquery = words.length > 0 ? words.join(" | ") : "";
  const limit = Math.min(options.limit ?? 5, 5);
  return withUser(options.user, async (trx) => {
    const { rows } = await sql<{
      id: string;
      public_id: string;
      title: string;
      status: IdeaStatus;
      organisation_name: string;
      support_count: number;
      supported_by_me: boolean;
    }>`
      with q as (select case when ${tsquery} = '' then null else to_tsquery('norwegian', ${tsquery}) end as tsq)
      select i.id, i.public_id, i.title, i.status, o.name as organisation_name,
             (select count(*)::int from public.idea_supports s where s.idea_id = i.id) as support_count,
             exists (select 1 from public.idea_supports s where s.idea_id = i.id and s.profile_id = (select auth.uid())) as supported_by_me
      from public.ideas i
      join public.organisations o on o.id = i.organisation_id
      cross join q
      where i.status not in ('withdrawn', 'merged')
        and ((q.tsq is not null and i.search_vector @@ q.tsq) or i.title operator(extensions.%) ${title})
      order by coalesce(ts_rank(i.search_vector, q.tsq), 0) + extensions.similarity(i.title, ${title}) * 2 desc,
               i.submitted_at desc
      limit ${limit}`.execute(trx);
    return rows.map((r) => ({
      id: r.id,
      publicId: r.public_id,
      title: r.title,
      status: r.status,
      organisationName: r.organisation_name,
      supportCount: r.support_count,
      supportedByMe: r.supported_by_me,
    }));
  });
}
