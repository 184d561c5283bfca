import { sql, type RawBuilder } from "kysely";
import { withUser, type SessionUser, type Trx } from "~/db/client.server";
import type { IdeaStatus } from "~/db/schema";
import {
  effectiveSort,
  HIDDEN_BY_DEFAULT,
  IDEA_STATUSES,
  PAGE_SIZE,
  searchWords,
  type SearchQuery,
  type SearchSort,
} from "./search-query-schema";

export type SearchHit = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  organisationName: string;
  networkName: string;
  supportCount: number;
  submittedAt: Date;
  updatedAt: Date;
  /** When the submitter is next owed an answer (triage's next_due_at); null once the idea is closed. */
  answerDueAt: Date | null;
};

/**
 * How the text matched: every word (as a prefix), every word after correcting misspelt ones to the
 * nearest known word, any word, by title similarity, or no text at all. Each is tried only when the
 * one before found nothing.
 */
export type MatchMode = "all_words" | "any_word" | "corrected" | "similar_title" | "browse";

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  mode: MatchMode;
  sort: SearchSort;
  /** Ideas per status for this search with every filter but status (what the user may see). */
  statusCounts: Record<IdeaStatus, number>;
  /** In "corrected" mode: the words searched for instead of the typed ones. */
  correctedWords: string[] | null;
};

type Match = { mode: MatchMode; from: RawBuilder<unknown>; rank: RawBuilder<number> };

/**
 * Where the hits come from. Text modes read a security definer helper (see
 * 20261123140000_search.sql for why: under RLS `@@` and `%` cannot use their indexes) that applies
 * the ideas_select rule and returns the columns filters, counts and sorting need
 * (20261124220000_search_hits_with_columns.sql); the page's ideas are joined back to public.ideas as
 * the user, so RLS decides what a card shows.
 */
function matchFor(mode: MatchMode, words: string[]): Match {
  if (mode === "browse") return { mode, from: sql`public.ideas i`, rank: sql<number>`0` };
  if (mode === "similar_title") {
    return { mode, from: sql`app_private.search_idea_hits_similar_title(${words.join(" ")}) i`, rank: sql<number>`i.rank` };
  }
  // Each word is letters/digits only (searchWords), so the only tsquery syntax is what we add here.
  const tsquery = words.map((w) => `${w}:*`).join(mode === "any_word" ? " | " : " & ");
  return { mode, from: sql`app_private.search_idea_hits_text(to_tsquery('norwegian', ${tsquery})) i`, rank: sql<number>`i.rank` };
}

/** Every filter except status, which the facet counts leave open (`true` alone when there is none). */
function filterConditions(query: SearchQuery): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (query.network) conditions.push(sql`i.network_id = (select id from public.networks where slug = ${query.network})`);
  if (query.organisation) conditions.push(sql`i.organisation_id = (select id from public.organisations where slug = ${query.organisation})`);
  if (query.region) {
    conditions.push(sql`i.organisation_id in (
      select m.organisation_id from public.organisation_group_members m
      join public.organisation_groups g on g.id = m.group_id where g.slug = ${query.region})`);
  }
  if (query.serviceArea) {
    conditions.push(sql`i.service_area_ids @> array[(select id from public.service_areas where slug = ${query.serviceArea})]`);
  }
  if (query.theme) conditions.push(sql`i.theme_id = (select id from public.themes where slug = ${query.theme})`);
  // next_due_at (triage) is when the submitter is next owed an answer; null once the idea is closed.
  if (query.overdue) conditions.push(sql`i.next_due_at < now()`);
  if (query.supportedByMe) {
    conditions.push(sql`exists (select 1 from public.idea_supports s where s.idea_id = i.id and s.profile_id = (select auth.uid()))`);
  }
  if (query.mine) {
    conditions.push(sql`exists (select 1 from public.idea_submitters s where s.idea_id = i.id and s.submitter_id = (select auth.uid()))`);
  }
  return conditions;
}

function statusesFor(query: SearchQuery): IdeaStatus[] {
  return query.statuses.length > 0 ? query.statuses : IDEA_STATUSES.filter((s) => !HIDDEN_BY_DEFAULT.includes(s));
}

function orderBy(sort: SearchSort): RawBuilder<unknown> {
  switch (sort) {
    case "relevance":
      return sql`rank desc, i.submitted_at desc, i.id`;
    case "newest":
      return sql`i.submitted_at desc, i.id`;
    case "most_supported":
      return sql`support_count desc, i.submitted_at desc, i.id`;
    case "recently_updated":
      return sql`i.updated_at desc, i.id`;
    case "answer_due":
      return sql`answer_due_at asc nulls last, i.submitted_at desc, i.id`;
  }
}

type HitRow = {
  id: string;
  public_id: string;
  title: string;
  status: IdeaStatus;
  organisation_name: string;
  network_name: string;
  support_count: number;
  submitted_at: Date;
  updated_at: Date;
  answer_due_at: Date | null;
};

function emptyCounts(): Record<IdeaStatus, number> {
  return Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;
}

/** The 20 ideas of one page: organisation, network and support count are read for these rows only. */
function pageRows(from: RawBuilder<unknown>, sort: SearchSort, offset: number) {
  // `i` inside: either public.ideas (browse) or the hits below (text), both with the sort columns.
  // Nothing is read when nothing was counted (the planner tests the total once, before the scan).
  return sql`
    select i.id, i.rank, i.submitted_at, i.updated_at, i.answer_due_at,
           (select count(*)::int from public.idea_supports s where s.idea_id = i.id) as support_count
    from ${from}
    where (select n from total) > 0
    order by ${orderBy(sort)}
    limit ${PAGE_SIZE} offset ${offset}`;
}

/** The page's ids, joined back to public.ideas (as the user: RLS applies) for what the cards show. */
function withCardColumns(page: RawBuilder<unknown>, sort: SearchSort) {
  return sql`
    select i.id, i.public_id, i.title, i.status, o.name as organisation_name, n.name as network_name,
           p.support_count, i.submitted_at, i.updated_at, p.answer_due_at, p.rank
    from (${page}) p
    join public.ideas i on i.id = p.id
    join public.organisations o on o.id = i.organisation_id
    join public.networks n on n.id = i.network_id
    order by ${orderBy(sort)}`;
}

type CountedPage = { statusCounts: Record<IdeaStatus, number>; total: number; page: number; rows: HitRow[] };

/**
 * One statement for a view: the counts per status (`counts`, with every filter but status), the
 * total of the chosen statuses, and the asked-for page of `pageFrom`. `hits`, when given, is
 * materialised once for both (text modes: the helper's ranking is the costly part). The offset is a
 * constant so the planner can read the first pages through an index; a page past the end (an old
 * link) is asked again for the last page.
 */
async function countedPage(
  trx: Trx,
  view: { hits?: RawBuilder<unknown>; counts: RawBuilder<unknown>; pageFrom: RawBuilder<unknown> },
  query: SearchQuery,
  sort: SearchSort,
  statuses: IdeaStatus[],
): Promise<CountedPage> {
  const chosen = sql`${sql.val(statuses)}::public.idea_status[]`;
  const read = async (page: number) => {
    const { rows } = await sql<HitRow & { counts: Record<string, number>; total: number }>`
      with ${view.hits ? sql`hits as materialized (${view.hits}),` : sql``}
      counts as materialized (${view.counts}),
      total as (select coalesce(sum(count) filter (where status = any(${chosen})), 0)::int as n from counts)
      select (select coalesce(json_object_agg(status, count), '{}'::json) from counts) as counts,
             (select n from total) as total, p.*
      from (select 1) as one
      left join lateral (${withCardColumns(pageRows(view.pageFrom, sort, (page - 1) * PAGE_SIZE), sort)}) p on true`.execute(trx);
    return rows;
  };
  let rows = await read(query.page);
  const total = rows[0]?.total ?? 0;
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  if (page !== query.page) rows = await read(page);
  const statusCounts = emptyCounts();
  for (const [status, count] of Object.entries(rows[0]?.counts ?? {})) statusCounts[status as IdeaStatus] = count;
  return { statusCounts, total, page, rows: rows.filter((r) => r.id !== null) };
}

/**
 * Browse (no text): counts per status over every visible idea, and one page read through
 * ideas_submitted_idx (or a sort over the visible ideas for the other orders).
 */
function browse(trx: Trx, query: SearchQuery, sort: SearchSort, statuses: IdeaStatus[]) {
  const conditions = filterConditions(query);
  // Without filters the counts come from the per-group counters (20261124110000_idea_status_counts.sql):
  // the same numbers as counting every visible idea, without reading ~all of them on each view.
  const counts =
    conditions.length === 1
      ? sql`select status, count from app_private.visible_idea_status_counts()`
      : sql`select i.status, count(*)::int as count from public.ideas i where ${sql.join(conditions, sql` and `)} group by i.status`;
  const pageFrom = sql`(select i.*, 0::real as rank, i.next_due_at as answer_due_at from public.ideas i
    where ${sql.join(conditions, sql` and `)} and i.status = any(${sql.val(statuses)}::public.idea_status[])) i`;
  return countedPage(trx, { counts, pageFrom }, query, sort, statuses);
}

/** A text mode: the helper runs once and its filtered hits give the counts, the total and the page. */
function matchText(trx: Trx, match: Match, query: SearchQuery, sort: SearchSort, statuses: IdeaStatus[]) {
  const hits = sql`
    select i.id, i.status, ${match.rank} as rank, i.submitted_at, i.updated_at, i.next_due_at as answer_due_at
    from ${match.from}
    where ${sql.join(filterConditions(query), sql` and `)}`;
  const counts = sql`select status, count(*)::int as count from hits group by status`;
  const pageFrom = sql`(select * from hits where status = any(${sql.val(statuses)}::public.idea_status[])) i`;
  return countedPage(trx, { hits, counts, pageFrom }, query, sort, statuses);
}

/**
 * Every idea the user may see (row-level security decides, also for the counts), matched by
 * Norwegian full text with prefixes and a typo-tolerant title fallback, filtered, sorted, paged.
 */
export async function searchIdeas(options: { user: SessionUser; query: SearchQuery }): Promise<SearchResult> {
  const { query } = options;
  const words = searchWords(query.text);
  const sort = effectiveSort(query);
  const modes: MatchMode[] =
    words.length === 0 ? ["browse"] : words.length === 1 ? ["all_words", "corrected", "similar_title"] : ["all_words", "corrected", "any_word", "similar_title"];
  const statuses = statusesFor(query);

  return withUser(options.user, async (trx) => {
    let mode = modes[0]!;
    let result = mode === "browse" ? await browse(trx, query, sort, statuses) : await matchText(trx, matchFor(mode, words), query, sort, statuses);
    let correctedWords: string[] | null = null;
    for (const next of modes.slice(1)) {
      if (result.total > 0) break;
      if (next === "corrected") {
        const corrected = await correctWords(trx, words);
        if (!corrected) continue;
        const found = await matchText(trx, matchFor(next, corrected), query, sort, statuses);
        if (found.total === 0) continue;
        mode = next;
        result = found;
        correctedWords = corrected;
        continue;
      }
      mode = next;
      result = await matchText(trx, matchFor(mode, words), query, sort, statuses);
    }
    const { statusCounts, total, page, rows } = result;
    return {
      hits: rows.map((r) => ({
        id: r.id,
        publicId: r.public_id,
        title: r.title,
        status: r.status,
        organisationName: r.organisation_name,
        networkName: r.network_name,
        supportCount: r.support_count,
        submittedAt: new Date(r.submitted_at),
        updatedAt: new Date(r.updated_at),
        answerDueAt: r.answer_due_at ? new Date(r.answer_due_at) : null,
      })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      pageSize: PAGE_SIZE,
      mode,
      sort,
      statusCounts,
      correctedWords,
    };
  });
}

/**
 * Each word replaced by the most similar word that ideas contain (itself when it is one), or null
 * when that changes nothing. Only used together with ideas the user may see that contain every
 * corrected word, so a correction reveals no word of an idea the user may not see.
 */
async function correctWords(trx: Trx, words: string[]): Promise<string[] | null> {
  // Known words are letters only, 4 or more (20261124230000_search_term_corrections.sql): shorter
  // words and numbers are kept as typed rather than "corrected" into some other word.
  const correctable = words.filter((w) => CORRECTABLE_WORD.test(w));
  if (correctable.length === 0) return null;
  const { rows } = await sql<{ word: string; nearest: string | null }>`
    select w as word, app_private.nearest_search_term(w) as nearest from unnest(${correctable}::text[]) as t(w)`.execute(trx);
  const nearest = new Map(rows.map((r) => [r.word, r.nearest]));
  const corrected = words.map((w) => nearest.get(w) ?? w);
  return corrected.some((w, i) => w !== words[i]) ? corrected : null;
}

const CORRECTABLE_WORD = /^\p{L}{4,40}$/u;
