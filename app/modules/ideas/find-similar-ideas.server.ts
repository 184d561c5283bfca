import { sql, type RawBuilder } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
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

type SimilarIdeasOptions = {
  title: string;
  text?: string;
  limit?: number;
  /** The title is being written (the panel beside the form): its last word may be unfinished. */
  typing?: boolean;
};

/** The title's last word when the title does not end after it (a space or a full stop would). */
function wordBeingTyped(title: string): string | null {
  const last = title.toLowerCase().match(/[\p{L}\p{N}]+$/u)?.[0];
  return last && last.length >= 3 ? last : null;
}

/**
 * The statement findSimilarIdeas runs as the user, or null when there is nothing to match on.
 *
 * Candidates come from two bounded lookups (each at most CANDIDATES rows), so the cost does not grow
 * with the number of ideas sharing a common word:
 * - text: ideas containing every word of the title (full text, stemmed, ranked), or, when the title
 *   has no word of three letters, any word of the text. Only a word still being typed (`typing`, the
 *   title's last word) is matched as a prefix: a prefix on a short common word ('mal:*') makes the
 *   index gather every idea with any word starting so, ~40 ms on 100 000 ideas;
 * - title: the nearest titles by trigram similarity (a GiST index walk, `<->`), only when the text
 *   lookup found no more than `limit` ideas.
 * The candidates are then ranked by full-text rank over any word of title and text, plus twice the
 * title similarity.
 */
export function similarIdeasQuery(options: SimilarIdeasOptions): RawBuilder<SimilarIdeaRow> | null {
  const title = options.title.trim().slice(0, 200);
  const words = searchWords(`${title} ${options.text ?? ""}`.slice(0, 4000));
  const titleWords = searchWords(title);
  if (title.length < 4 && words.length === 0) return null;
  const limit = Math.min(options.limit ?? 5, 5);
  const beingTyped = options.typing ? wordBeingTyped(options.title) : null;
  // Only letters and digits (searchWords), so the only tsquery syntax is what is added here.
  const anyWord = words.join(" | ");
  const textMatch = titleWords.length > 0 ? titleWords.map((w) => (w === beingTyped ? `${w}:*` : w)).join(" & ") : anyWord;
  const textCandidates =
    textMatch.length > 0
      ? sql`select idea_id from app_private.similar_idea_text_candidates(to_tsquery('norwegian', ${textMatch}), ${CANDIDATES})`
      : sql`select null::uuid as idea_id where false`;
  // Nearest titles only when the words did not find enough to fill the list (one may be the idea
  // itself): the trigram walk is the costlier lookup, and it is there for misspelt and half-typed titles.
  const titleCandidates =
    title.length >= 4
      ? sql`select idea_id from app_private.search_ideas_nearest_titles(${title}, ${CANDIDATES})
            where (select count(*) from text_candidates) <= ${limit}`
      : sql`select null::uuid as idea_id where false`;
  const textRank = anyWord.length > 0 ? sql`ts_rank_cd(i.search_vector, to_tsquery('norwegian', ${anyWord}))` : sql`0`;
  return sql<SimilarIdeaRow>`
    with text_candidates as materialized (${textCandidates}),
    c as ((select idea_id from text_candidates) union (${titleCandidates}))
    select i.id, i.public_id, i.title, i.status, o.name as organisation_name,
           (select count(*)::int from public.idea_supports su where su.idea_id = i.id) as support_count,
           exists (select 1 from public.idea_supports su where su.idea_id = i.id and su.profile_id = (select auth.uid())) as supported_by_me
    from c
    join public.ideas i on i.id = c.idea_id
    join public.organisations o on o.id = i.organisation_id
    where i.status not in ('withdrawn', 'merged')
    order by ${textRank} + extensions.similarity(i.title, ${title}) * 2 desc, i.submitted_at desc
    limit ${limit}`;
}

/**
 * Up to five open ideas the user may see (RLS decides, across organisations) that look like what is
 * being written: Norwegian full-text match on any word, plus trigram similarity of the titles.
 * The matching runs in definer helpers (see 20261123140000_search.sql: under RLS `@@` and `%` cannot
 * use their indexes, so querying public.ideas directly ranks every idea; and
 * 20261124100000_similar_ideas_nearest_titles.sql); their ids are joined back to public.ideas as the
 * user, so the ideas_select policy still decides.
 */
export async function findSimilarIdeas(options: SimilarIdeasOptions & { user: SessionUser }): Promise<SimilarIdea[]> {
  const query = similarIdeasQuery(options);
  if (!query) return [];
  return withUser(options.user, (trx) => similarIdeasFrom(trx, query));
}

/** The same, inside a transaction the caller holds as the user. */
export async function readSimilarIdeas(trx: Trx, options: SimilarIdeasOptions): Promise<SimilarIdea[]> {
  const query = similarIdeasQuery(options);
  return query ? similarIdeasFrom(trx, query) : [];
}

async function similarIdeasFrom(trx: Trx, query: RawBuilder<SimilarIdeaRow>): Promise<SimilarIdea[]> {
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
}
