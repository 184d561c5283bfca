-- ============================================================================
-- Search (issue 5, item 1): index lookups for full text and title similarity.
--
-- Under row-level security Postgres may not evaluate a non-leakproof operator before the policy,
-- and neither `@@` nor pg_trgm's `%` / `%>` is leakproof, so a query run as `authenticated`
-- cannot use ideas_search_idx or ideas_title_trgm_idx (EXPLAIN shows a sequential scan even with
-- enable_seqscan off). These helpers do the index lookup with definer rights, keep only ideas the
-- caller may see (the same rule as the ideas_select policy), and return ids and a score. The
-- caller joins them back to public.ideas, where the policy applies once more.
-- ============================================================================

create or replace function app_private.search_ideas_text(q tsquery)
  returns table (idea_id uuid, rank real)
  language sql stable security definer set search_path = '' as $$
  select i.id, ts_rank_cd(i.search_vector, q)
  from public.ideas i
  where i.search_vector @@ q
    and (app_private.is_idea_submitter(i.id)
         or app_private.is_network_member(i.network_id)
         or app_private.is_platform_admin()
         or i.visibility = 'partners'
         or i.organisation_id = app_private.current_organisation_id())
$$;

create or replace function app_private.search_ideas_similar_title(q text)
  returns table (idea_id uuid, rank real)
  language sql stable security definer set search_path = '' as $$
  select i.id, greatest(extensions.word_similarity(q, i.title), extensions.similarity(i.title, q))
  from public.ideas i
  where (i.title operator(extensions.%>) q or i.title operator(extensions.%) q)
    and (app_private.is_idea_submitter(i.id)
         or app_private.is_network_member(i.network_id)
         or app_private.is_platform_admin()
         or i.visibility = 'partners'
         or i.organisation_id = app_private.current_organisation_id())
$$;

revoke all on function app_private.search_ideas_text(tsquery), app_private.search_ideas_similar_title(text) from public, anon;
grant execute on function app_private.search_ideas_text(tsquery), app_private.search_ideas_similar_title(text) to authenticated, service_role;
