-- ============================================================================
-- Similar ideas: the text candidates come from the narrow search copy, ranked and cut inside the
-- helper.
--
-- The idea page, the receipt and the "similar ideas" panel while writing asked
-- search_ideas_text(every title word as a prefix) for its 50 best hits. That helper read the wide
-- public.ideas rows and ranked every hit by cover density, and the prefixes made each short common
-- word ('mal:*', 'fell:*') expand to every word starting with it, so the index built a bitmap of tens
-- of thousands of ideas before the AND could narrow it: ~40 of the idea page's ~45 ms in
-- PostgreSQL on the benchmark's 100 000 ideas. The caller now asks for whole (stemmed) words, with a
-- prefix only for the word still being typed, and this helper reads
-- app_private.idea_search_documents (20261125000000_search_documents.sql), ranks by ts_rank and
-- returns at most n rows (a top-n sort instead of a materialised set). Same visibility rule as the
-- ideas_select policy, as the other search helpers (tests/integration/search-visibility-rule.test.ts).
-- ============================================================================

create or replace function app_private.similar_idea_text_candidates(q tsquery, n integer)
  returns table (idea_id uuid, rank real)
  language sql stable security definer set search_path = '' as $$
  select i.id, ts_rank(i.search_vector, q) as rank
  from app_private.idea_search_documents i
  where i.search_vector @@ q
    and i.status not in ('withdrawn', 'merged')
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
  order by rank desc, i.submitted_at desc
  limit least(greatest(n, 0), 200)
$$;

revoke all on function app_private.similar_idea_text_candidates(tsquery, integer) from public, anon;
grant execute on function app_private.similar_idea_text_candidates(tsquery, integer) to authenticated, service_role;

-- app_private.search_ideas_text(tsquery) is no longer called. It stays for one release: instances
-- still running the previous build during a rolling deploy call it (dropping it here made their idea
-- pages fail). Drop it in a later migration.
