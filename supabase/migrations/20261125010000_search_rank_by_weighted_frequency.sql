-- ============================================================================
-- Search ranks its hits with ts_rank instead of ts_rank_cd.
--
-- ts_rank_cd (cover density) lists and orders the positions of every matching word in every hit;
-- with prefix queries (`trygghetsalarm:*`) that cost ~10 ms of a search's ~22 ms in PostgreSQL on
-- the benchmark's 5 600 hits, against ~2 ms for ts_rank. ts_rank scores by the same weights (title A,
-- problem B, proposal C, "stop doing" D), so a title match still comes first, and for several words
-- it rewards hits where they stand close together; what is lost is cover density's finer grading
-- of long texts, which matters little for ideas of a few paragraphs. The idea page's similar ideas
-- (search_ideas_text) keep ts_rank_cd: they rank a handful of candidates.
-- ============================================================================

create or replace function app_private.search_idea_hits_text(q tsquery)
  returns table (
    id uuid, rank real, status public.idea_status, organisation_id uuid, network_id uuid, theme_id uuid,
    service_area_ids uuid[], submitted_at timestamptz, updated_at timestamptz, next_due_at timestamptz
  )
  language sql stable security definer set search_path = '' as $$
  select i.id, ts_rank(i.search_vector, q), i.status, i.organisation_id, i.network_id, i.theme_id,
         i.service_area_ids, i.submitted_at, i.updated_at, i.next_due_at
  from app_private.idea_search_documents i
  where i.search_vector @@ q
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
$$;
