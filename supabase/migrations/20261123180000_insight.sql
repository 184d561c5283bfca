-- ============================================================================
-- Insight (issue 7, items 1 and 2): figures for the dashboards (/innsikt) and the public answer
-- guarantee (/svargaranti).
--
-- Every figure is computed by a security definer function that first decides the caller's scope:
--   * platform admins: every network, every idea;
--   * network members and coordinators: their own networks, every idea in them;
--   * partner viewers (leaders and partners who follow the portal): every network, but only the
--     ideas they may read anyway (shared with partners, or from their own organisation);
--   * everyone else (employees outside networks, anon): nothing.
-- A coordinator of network A asking for network B gets no rows, whatever the request says.
-- The functions return figures, never idea text or names, except the owner workload (network
-- members' names, already public to signed-in users) and the same-need list (titles of ideas the
-- caller may read).
-- answer_guarantee() is for anonymous visitors: aggregates per network only.
--
-- Times to answer are counted in working days exactly as the SLA is (app/modules/sla/working-days.ts):
-- Oslo calendar days after the day of submission up to and including the day of the answer,
-- Monday–Friday, minus Norwegian public holidays.
-- ============================================================================

-- ----------------------------------------------------------------------------
-- Working days in SQL (mirrors the TypeScript SLA calendar; a test compares them)
-- ----------------------------------------------------------------------------
create or replace function app_private.easter_sunday(y integer) returns date
  language sql immutable strict set search_path = '' as $$
  -- Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  with a as (
    select y % 19 as a, y / 100 as b, y % 100 as c
  ), b as (
    select a, b, c, b / 4 as d, b % 4 as e, (b + 8) / 25 as f from a
  ), c as (
    select a, b, c, d, e, (b - f + 1) / 3 as g from b
  ), d as (
    select a, b, c, d, e, (19 * a + b - d - g + 15) % 30 as h, c / 4 as i, c % 4 as k from c
  ), e as (
    select a, h, (32 + 2 * e + 2 * i - h - k) % 7 as l from d
  ), f as (
    select h, l, (a + 11 * h + 22 * l) / 451 as m from e
  )
  select make_date(y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1) from f
$$;

create or replace function app_private.is_norwegian_public_holiday(d date) returns boolean
  language sql immutable strict set search_path = '' as $$
  select (extract(month from d), extract(day from d)) in ((1, 1), (5, 1), (5, 17), (12, 25), (12, 26))
    or (d - app_private.easter_sunday(extract(year from d)::integer)) in (-3, -2, 0, 1, 39, 49, 50)
$$;

create or replace function app_private.working_days_between(p_from timestamptz, p_to timestamptz) returns integer
  language sql stable strict set search_path = '' as $$
  select count(*)::integer
  from generate_series(
    ((p_from at time zone 'Europe/Oslo')::date + 1)::timestamp,
    ((p_to at time zone 'Europe/Oslo')::date)::timestamp,
    interval '1 day'
  ) as g(day)
  where extract(isodow from g.day) < 6 and not app_private.is_norwegian_public_holiday(g.day::date)
$$;

-- ----------------------------------------------------------------------------
-- Scope: which networks the caller may see figures for, and whether they see every idea there
-- ----------------------------------------------------------------------------
create or replace function app_private.insight_scope(p_network_ids uuid[])
  returns table (network_id uuid, full_access boolean)
  language sql stable security definer set search_path = '' as $$
  with me as (
    select p.id, p.platform_role from public.profiles p where p.id = (select auth.uid())
  )
  select n.id, (me.platform_role = 'admin' or exists (
      select 1 from public.network_members m where m.network_id = n.id and m.profile_id = me.id))
  from public.networks n cross join me
  where (p_network_ids is null or n.id = any(p_network_ids))
    and (me.platform_role in ('admin', 'partner_viewer')
         or exists (select 1 from public.network_members m where m.network_id = n.id and m.profile_id = me.id))
$$;

-- The period is given as Oslo calendar dates: [p_from, p_to).
create or replace function app_private.oslo_start(d date) returns timestamptz
  language sql stable strict set search_path = '' as $$
  select d::timestamp at time zone 'Europe/Oslo'
$$;

-- The networks on the caller's dashboard (for the network filter).
create or replace function public.insight_networks()
  returns table (id uuid, slug text, name text, sla_first_answer_working_days integer, full_access boolean)
  language sql stable security definer set search_path = '' as $$
  select n.id, n.slug, n.name, n.sla_first_answer_working_days, s.full_access
  from app_private.insight_scope(null) s join public.networks n on n.id = s.network_id
  order by n.name
$$;

-- Ideas received and closed per Oslo month. Closed: the idea's status is closed now, counted in the
-- month of the answer that closed it (or of the submitter's withdrawal).
create or replace function public.insight_received_closed(p_network_ids uuid[], p_from date, p_to date)
  returns table (month date, received integer, closed integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  visible as (
    select i.* from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
    where s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id
  ),
  received as (
    select date_trunc('month', i.submitted_at at time zone 'Europe/Oslo')::date as month, count(*)::integer as n
    from visible i
    where i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
    group by 1
  ),
  closed as (
    select date_trunc('month', c.closed_at at time zone 'Europe/Oslo')::date as month, count(*)::integer as n
    from (
      select coalesce(
        (select max(a.created_at) from public.idea_answers a where a.idea_id = i.id and a.to_status = i.status),
        i.withdrawn_at, i.last_answer_at, i.updated_at) as closed_at
      from visible i
      where i.status in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
    ) c
    where c.closed_at >= app_private.oslo_start(p_from) and c.closed_at < app_private.oslo_start(p_to)
    group by 1
  )
  select m.month::date, coalesce(r.n, 0), coalesce(c.n, 0)
  from generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp - interval '1 day', interval '1 month') as m(month)
  left join received r on r.month = m.month::date
  left join closed c on c.month = m.month::date
  order by 1
$$;

-- First answers for ideas submitted in the period, per network and in total (network_id null).
-- due: answered, or the deadline passed before now (or before the submitter withdrew it).
create or replace function public.insight_first_answers(p_network_ids uuid[], p_from date, p_to date, p_now timestamptz)
  returns table (network_id uuid, submitted integer, answered integer, waiting integer, due integer, on_time integer,
                 median_days double precision, p90_days double precision)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id)
  select i.network_id,
    count(*)::integer,
    count(i.first_answered_at)::integer,
    (count(*) filter (where i.first_answered_at is null and i.status <> 'withdrawn'))::integer,
    (count(*) filter (where i.first_answered_at is not null
                         or i.first_answer_due_at < least(p_now, coalesce(i.withdrawn_at, p_now))))::integer,
    (count(*) filter (where i.first_answered_at <= i.first_answer_due_at))::integer,
    percentile_cont(0.5) within group (order by app_private.working_days_between(i.submitted_at, i.first_answered_at)),
    percentile_cont(0.9) within group (order by app_private.working_days_between(i.submitted_at, i.first_answered_at))
  from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  group by grouping sets ((i.network_id), ())
$$;

-- Open ideas and the overdue backlog now, per network and in total (network_id null).
create or replace function public.insight_backlog(p_network_ids uuid[], p_now timestamptz)
  returns table (network_id uuid, open integer, overdue integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id)
  select i.network_id, count(*)::integer, (count(*) filter (where i.next_due_at < p_now))::integer
  from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and i.next_due_at is not null
    and i.status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
  group by grouping sets ((i.network_id), ())
$$;

-- Where the ideas submitted in the period stand now.
create or replace function public.insight_status_funnel(p_network_ids uuid[], p_from date, p_to date)
  returns table (status public.idea_status, ideas integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id)
  select i.status, count(*)::integer
  from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  group by i.status
  order by i.status
$$;

-- Ideas submitted in the period by organisation, unit, service area (an idea counts once in each
-- of its areas) or theme; key null = no unit given.
create or replace function public.insight_breakdown(p_network_ids uuid[], p_from date, p_to date, p_dimension text)
  returns table (key uuid, ideas integer, open integer)
  language plpgsql stable security definer set search_path = '' as $$
begin
  if p_dimension not in ('organisation', 'unit', 'service_area', 'theme') then
    raise exception 'unknown dimension %', p_dimension using errcode = '22023';
  end if;
  return query
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  period as (
    select i.* from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
    where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
      and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  ),
  keyed as (
    select case p_dimension when 'organisation' then p.organisation_id when 'unit' then p.unit_id else p.theme_id end as k, p.status
    from period p where p_dimension <> 'service_area'
    union all
    select a.area, p.status from period p cross join lateral unnest(p.service_area_ids) as a(area)
    where p_dimension = 'service_area'
  )
  select k.k, count(*)::integer, (count(*) filter (where not app_private.is_closed_status(k.status)))::integer
  from keyed k group by k.k order by 2 desc, 1;
end $$;

-- Open ideas per owner now (null owner = not assigned). Only for networks the caller belongs to
-- (or every network for admins): partner viewers do not see who carries what.
create or replace function public.insight_owner_workload(p_network_ids uuid[], p_now timestamptz)
  returns table (network_id uuid, owner_id uuid, owner_name text, open integer, overdue integer)
  language sql stable security definer set search_path = '' as $$
  select i.network_id, i.owner_id, p.full_name, count(*)::integer,
    (count(*) filter (where i.next_due_at < p_now))::integer
  from app_private.insight_scope(p_network_ids) s
  join public.ideas i on i.network_id = s.network_id
  left join public.profiles p on p.id = i.owner_id
  where s.full_access and i.next_due_at is not null
    and i.status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
  group by i.network_id, i.owner_id, p.full_name
  order by 4 desc, 3 nulls first
$$;

-- "Vi har samme behov" signals given in the period, per idea the caller may read.
create or replace function public.insight_same_need(p_network_ids uuid[], p_from date, p_to date)
  returns table (idea_id uuid, public_id text, title text, organisations integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id)
  select i.id, i.public_id, i.title, count(*)::integer
  from public.idea_same_need sn
  join public.ideas i on i.id = sn.idea_id
  join scope s on s.network_id = i.network_id
  cross join my_org
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and sn.created_at >= app_private.oslo_start(p_from) and sn.created_at < app_private.oslo_start(p_to)
  group by i.id, i.public_id, i.title
  order by 4 desc, 2
$$;

-- ----------------------------------------------------------------------------
-- The public answer guarantee: per network, ideas submitted in the 12 months before p_now.
-- Aggregates only; no idea, person or organisation is named.
-- ----------------------------------------------------------------------------
create or replace function public.answer_guarantee(p_now timestamptz default now())
  returns table (network_slug text, network_name text, sla_first_answer_working_days integer,
                 due integer, on_time integer, median_days double precision, open_overdue integer)
  language sql stable security definer set search_path = '' as $$
  select n.slug, n.name, n.sla_first_answer_working_days,
    coalesce(f.due, 0), coalesce(f.on_time, 0), f.median_days, coalesce(o.overdue, 0)
  from public.networks n
  left join lateral (
    select
      (count(*) filter (where i.first_answered_at is not null
                           or i.first_answer_due_at < least(p_now, coalesce(i.withdrawn_at, p_now))))::integer as due,
      (count(*) filter (where i.first_answered_at <= i.first_answer_due_at))::integer as on_time,
      percentile_cont(0.5) within group (order by app_private.working_days_between(i.submitted_at, i.first_answered_at)) as median_days
    from public.ideas i
    where i.network_id = n.id and i.submitted_at >= p_now - interval '12 months' and i.submitted_at < p_now
  ) f on true
  left join lateral (
    select count(*)::integer as overdue from public.ideas i
    where i.network_id = n.id and i.next_due_at is not null and i.next_due_at < p_now
      and i.status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
  ) o on true
  order by n.name
$$;

-- ----------------------------------------------------------------------------
-- Indexes the figures need
-- ----------------------------------------------------------------------------
create index ideas_network_submitted_idx on public.ideas (network_id, submitted_at);
create index idea_same_need_created_idx on public.idea_same_need (created_at);

-- ----------------------------------------------------------------------------
-- Grants
-- ----------------------------------------------------------------------------
revoke all on function app_private.insight_scope(uuid[]) from public, anon, authenticated;
revoke all on function public.insight_networks(), public.insight_received_closed(uuid[], date, date),
  public.insight_first_answers(uuid[], date, date, timestamptz), public.insight_backlog(uuid[], timestamptz),
  public.insight_status_funnel(uuid[], date, date), public.insight_breakdown(uuid[], date, date, text),
  public.insight_owner_workload(uuid[], timestamptz), public.insight_same_need(uuid[], date, date),
  public.answer_guarantee(timestamptz) from public, anon;
grant execute on function public.insight_networks(), public.insight_received_closed(uuid[], date, date),
  public.insight_first_answers(uuid[], date, date, timestamptz), public.insight_backlog(uuid[], timestamptz),
  public.insight_status_funnel(uuid[], date, date), public.insight_breakdown(uuid[], date, date, text),
  public.insight_owner_workload(uuid[], timestamptz), public.insight_same_need(uuid[], date, date)
  to authenticated, service_role;
grant execute on function public.answer_guarantee(timestamptz) to anon, authenticated, service_role;
grant execute on function app_private.easter_sunday(integer), app_private.is_norwegian_public_holiday(date),
  app_private.working_days_between(timestamptz, timestamptz), app_private.oslo_start(date) to authenticated, anon, service_role;
