-- The insight page's four breakdowns (organisation, unit, service area, theme) in one pass.
--
-- insight_breakdown() was called once per dimension, and each call read the period's ideas again:
-- for an admin or a partner viewer (every network, ~33 000 ideas in 12 months on the benchmark's
-- 100 000) that was 4 × ~170 ms of the page. insight_breakdowns() reads them once and groups them
-- four ways. Same rows, same order within a dimension (most ideas first, then by key);
-- tests/integration/insight-dashboard.test.ts compares it with insight_breakdown() for every demo user.
-- insight_breakdown() stays for one release: a server of the previous build still calls it during
-- a rolling deploy.

create or replace function public.insight_breakdowns(p_network_ids uuid[], p_from date, p_to date)
  returns table (dimension text, key uuid, ideas integer, open integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  period as materialized (
    select i.organisation_id, i.unit_id, i.theme_id, i.service_area_ids, not app_private.is_closed_status(i.status) as is_open
    from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
    where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
      and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  ),
  grouped as (
    select case when grouping(p.organisation_id) = 0 then 'organisation' when grouping(p.unit_id) = 0 then 'unit' else 'theme' end as dimension,
           case when grouping(p.organisation_id) = 0 then p.organisation_id when grouping(p.unit_id) = 0 then p.unit_id else p.theme_id end as key,
           count(*)::integer as ideas, (count(*) filter (where p.is_open))::integer as open
    from period p
    group by grouping sets ((p.organisation_id), (p.unit_id), (p.theme_id))
    union all
    select 'service_area', a.area, count(*)::integer, (count(*) filter (where p.is_open))::integer
    from period p cross join lateral unnest(p.service_area_ids) as a(area)
    group by a.area
  )
  select g.dimension, g.key, g.ideas, g.open from grouped g order by g.dimension, g.ideas desc, g.key
$$;
alter function public.insight_breakdowns(uuid[], date, date) set jit = off;
revoke all on function public.insight_breakdowns(uuid[], date, date) from public, anon;
grant execute on function public.insight_breakdowns(uuid[], date, date) to authenticated, service_role;
