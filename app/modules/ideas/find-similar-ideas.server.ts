import { sql, type RawBuilder } from "kysely";
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

/** Candidates per lookup before ranking; common words can match thousands of ideas. */
const CANDIDATES = 50;

type SimilarIdeaRow = {
  id: string;
  public_id: string;
  title: string;
  status: IdeaStatus;
  organisation_name: string;
  support_count: number;
  supported_by_me: boolean;
};

/** The statement findSimilarIdeas runs as the user, or null when there is nothing to match on. */
export function similarIdeasQuery(options: { title: string; text?: string; limit?: number }): RawBuilder<SimilarIdeaRow> | null {
  const title = options.title.trim().slice(0, 200);
  const words = searchWords(`${title} ${options.text ?? ""}`.slice(0, 4000));
  if (title.length < 4 && words.length === 0) return null;
  const limit = Math.min(options.limit ?? 5, 5);
  const textCandidates =
    words.length > 0
      ? sql`select idea_id, rank from app_private.search_ideas_text(to_tsquery('norwegian', ${words.join(" | ")})) order by rank desc limit ${CANDIDATES}`
      : sql`select null::uuid as idea_id, 0::real as rank where false`;
  const titleCandidates =
    title.length >= 4
      ? sql`select idea_id from app_private.search_ideas_similar_title(${title}) order by rank desc limit ${CANDIDATES}`
      : sql`select null::uuid as idea_id where false`;
  return sql<SimilarIdeaRow>`
    with t as (${textCandidates}),
         s as (${titleCandidates}),
         c as (select coalesce(t.idea_id, s.idea_id) as idea_id, coalesce(t.rank, 0) as rank
               from t full join s on s.idea_id = t.idea_id)
    select i.id, i.public_id, i.title, i.status, o.name as organisation_name,
           (select count(*)::int from public.idea_supports su where su.idea_id = i.id) as support_count,
           exists (select 1 from public.idea_supports su where su.idea_id = i.id and su.profile_id = (select auth.uid())) as supported_by_me
    from c
    join public.ideas i on i.id = c.idea_id
    join public.organisations o on o.id = i.organisation_id
    where i.status not in ('withdrawn', 'merged')
    order by c.rank + extensions.similarity(i.title, ${title}) * 2 desc, i.submitted_at desc
    limit ${limit}`;
}

/**
 * Up to five open ideas the user may see (RLS decides, across organisations) that look like what is
 * being written: Norwegian full-text match on any word, plus trigram similarity of the titles.
 * The matching runs in the search page's definer helpers (see 20261123140000_search.sql: under RLS
 * `@@` and `%` cannot use their indexes, so querying public.ideas directly ranks every idea); their
 * ids are joined back to public.ideas as the user, so the ideas_select policy still decides.
 */
export async function findSimilarIdeas(options: {
  user: SessionUser;
  title: string;
  text?: string;
  limit?: number;
}): Promise<SimilarIdea[]> {
  const query = similarIdeasQuery(options);
  if (!query) return [];
  return withUser(options.user, async (trx) => {
    const { rows } = await query.execute(trx);
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
