-- ============================================================================
-- Insight (issue 7, item 3): benefits documented in published success stories, on /innsikt.
--
-- Scope, following app_private.insight_scope (see 20261123180000_insight.sql):
--   * A story belongs to a network when that network reviewed it (stories.network_id) or when the
--     idea it is about is now owned by that network (ideas.network_id; the idea may have been
--     transferred after the story was written). A story counts once, however many networks in
--     the caller's scope it belongs to.
--   * Full access (members and coordinators of the network, platform admins): every published
--     story of the network, whatever its visibility — they may read them anyway (stories_select).
--   * Partner viewers (no full access): only stories shared with partners or the public, and
--     stories of their own organisation — exactly what RLS lets them read.
--   * Everyone else: nothing. A coordinator of network A asking for network B gets no rows.
-- Period: the Oslo dates [p_from, p_to) against the story's first publication (first_published_at),
-- so a story that is unpublished for a correction and published again stays in the same month.
-- Only stories published now count.
-- Sums: rows are only added up when they measure the same indicator (compared without case and
-- extra spaces, as the story gallery does) in the same unit, within the same benefit category.
-- The indicator is written as the first story to publish it wrote it (not by collation order).
-- ============================================================================

create or replace function public.insight_story_benefits(p_network_ids uuid[], p_from date, p_to date)
  returns table (category text, indicator text, unit text, stories integer, baseline numeric, after numeric)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  counted as (
    select s.id, coalesce(s.first_published_at, s.published_at) as published
    from public.stories s
    left join public.ideas i on i.id = s.idea_id
    cross join my_org
    where s.status = 'published'
      and coalesce(s.first_published_at, s.published_at) >= app_private.oslo_start(p_from)
      and coalesce(s.first_published_at, s.published_at) < app_private.oslo_start(p_to)
      and exists (
        select 1 from scope sc
        where (sc.network_id = s.network_id or sc.network_id = i.network_id)
          and (sc.full_access or s.visibility <> 'organisation' or s.organisation_id = my_org.id)
      )
  )
  select b.category,
    (array_agg(regexp_replace(btrim(b.indicator), '\s+', ' ', 'g') order by c.published, c.id, b.position))[1],
    b.unit, count(distinct b.story_id)::integer, sum(b.baseline), sum(b.after)
  from counted c
  join public.story_benefits b on b.story_id = c.id
  group by b.category, b.unit, lower(regexp_replace(btrim(b.indicator), '\s+', ' ', 'g'))
  order by b.category, 4 desc, 2, b.unit
$$;

revoke all on function public.insight_story_benefits(uuid[], date, date) from public, anon;
grant execute on function public.insight_story_benefits(uuid[], date, date) to authenticated, service_role;

create index stories_first_published_idx on public.stories (first_published_at) where status = 'published';
