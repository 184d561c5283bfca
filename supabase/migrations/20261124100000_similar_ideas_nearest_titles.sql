-- ============================================================================
-- "Similar ideas" (idea page, receipt, live suggestions while writing) without scanning every
-- matching title (bench/FINDINGS.md, item 4).
--
-- search_ideas_similar_title() returns *every* title above pg_trgm's thresholds. On 100 000 ideas
-- whose titles share a small vocabulary that is thousands of rows, each rechecked on the heap:
-- 0.6–2.2 s for one idea page, although only the 50 best were kept. A GiST trigram index answers
-- "the n nearest titles" (`order by title <-> q limit n`) by walking the index in distance order:
-- about 40–60 ms for the same titles. siglen = 128 (bytes) instead of the default 12: titles have
-- 30–60 trigrams, and a 96-bit signature is nearly all ones, so the default index could not prune
-- (70–100 ms measured with it).
--
-- The GIN index (ideas_title_trgm_idx) stays: the search page's typo fallback needs every match
-- (it counts them), which its bitmap scan does better (2 ms against 35 ms for a common word). The
-- GiST index is therefore on lower(title), not title: otherwise the planner picked it for the
-- fallback's `title % q` too. pg_trgm lowercases before making trigrams, so similarity and `%` on
-- lower(title) are the same as on title.
-- ============================================================================

create index if not exists ideas_title_trgm_gist_idx on public.ideas using gist ((lower(title)) extensions.gist_trgm_ops (siglen = 128));

-- The n ideas (at most 200) whose titles are most similar to q (pg_trgm similarity above its
-- threshold, `%`), among the ideas the caller may see: the same visibility rule as ideas_select and
-- the other search helpers (20261123200000_bench_indexes.sql). Callers join the ids back to
-- public.ideas as the user, so the policy decides once more.
create or replace function app_private.search_ideas_nearest_titles(q text, n integer)
  returns table (idea_id uuid, rank real)
  language sql stable security definer set search_path = '' as $$
  select i.id, extensions.similarity(i.title, q)
  from public.ideas i
  where lower(i.title) operator(extensions.%) q
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
  order by lower(i.title) operator(extensions.<->) q
  limit least(greatest(n, 0), 200)
$$;

revoke all on function app_private.search_ideas_nearest_titles(text, integer) from public, anon;
grant execute on function app_private.search_ideas_nearest_titles(text, integer) to authenticated, service_role;
