-- ============================================================================
-- Search counted and sorted its hits after joining every one back to public.ideas as the user: for
-- a word that 5 000 of 100 000 ideas contain, 5 000 primary-key lookups (14 of the statement's
-- 49 ms in the benchmark). The helpers below apply the same visibility rule as the ideas_select
-- policy (as search_ideas_text and search_ideas_similar_title do) and also return the columns that
-- the search filters, status counts and sort orders read, so counting needs no join. The page's 20
-- ideas are still joined back to public.ideas as the user, so row-level security decides what a
-- card shows. tests/integration/search-visibility-rule.test.ts checks, for every demo user, that
-- these helpers see exactly the ideas the policy lets them see.
-- ============================================================================

create or replace function app_private.search_idea_hits_text(q tsquery)
  returns table (
    id uuid, rank real, status public.idea_status, organisation_id uuid, network_id uuid, theme_id uuid,
    service_area_ids uuid[], submitted_at timestamptz, updated_at timestamptz, next_due_at timestamptz
  )
  language sql stable security definer set search_path = '' as $$
  select i.id, ts_rank_cd(i.search_vector, q), i.status, i.organisation_id, i.network_id, i.theme_id,
         i.service_area_ids, i.submitted_at, i.updated_at, i.next_due_at
  from public.ideas i
  where i.search_vector @@ q
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
$$;

create or replace function app_private.search_idea_hits_similar_title(q text)
  returns table (
    id uuid, rank real, status public.idea_status, organisation_id uuid, network_id uuid, theme_id uuid,
    service_area_ids uuid[], submitted_at timestamptz, updated_at timestamptz, next_due_at timestamptz
  )
  language sql stable security definer set search_path = '' as $$
  select i.id, greatest(extensions.word_similarity(q, i.title), extensions.similarity(i.title, q)), i.status,
         i.organisation_id, i.network_id, i.theme_id, i.service_area_ids, i.submitted_at, i.updated_at, i.next_due_at
  from public.ideas i
  where (i.title operator(extensions.%>) q or i.title operator(extensions.%) q)
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
$$;

revoke all on function app_private.search_idea_hits_text(tsquery), app_private.search_idea_hits_similar_title(text) from public, anon;
grant execute on function app_private.search_idea_hits_text(tsquery), app_private.search_idea_hits_similar_title(text) to authenticated, service_role;

-- Replaced by search_idea_hits_similar_title (the idea page's similar ideas use the nearest-title
-- helper, 20261124100000); search_ideas_text stays for the similar ideas' text candidates.
drop function app_private.search_ideas_similar_title(text);
