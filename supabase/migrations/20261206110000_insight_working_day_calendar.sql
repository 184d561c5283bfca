-- ============================================================================
-- Insight and the public answer guarantee at scale: working days from a calendar table, and the
-- figures read only the ideas (and columns) they count.
--
-- On the benchmark's 100 000 ideas /svargaranti took ~50 s and /innsikt ~8 s:
--   * app_private.working_days_between() generated a row per calendar day for every idea and tested
--     each day with is_norwegian_public_holiday(), whose easter_sunday() (a CTE, never inlined) was
--     planned again on every call: ~1.5 ms per idea, 33 000 ideas for the answer guarantee.
--     app_private.working_days now holds each day from 1990 to 2150 with its running count of working
--     days, so the working days between two instants are one subtraction; the figures join it.
--   * insight_scope() was estimated at 1 000 networks, so the figures sorted and merged every open
--     idea; it returns a handful (ROWS 5), and the planner now reads the scope's networks by index.
--   * insight_received_closed() and insight_breakdown() materialised whole idea rows (~2 KB each) of
--     every idea in scope in a CTE used twice; they now name the columns they count.
-- Same results: tests/integration/insight-sql-calendar.test.ts compares the calendar with the
-- TypeScript SLA calendar, and the insight tests compare every figure with counts made by hand.
-- ============================================================================

create table app_private.working_days (
  day date primary key,
  -- Working days (Monday–Friday, not a Norwegian public holiday) from 1990-01-01 up to and including `day`.
  running_count integer not null,
  working boolean not null
);
-- Holidays per year first (Easter computed 161 times, not once per day: this runs for every new
-- database, test databases included); the same days as is_norwegian_public_holiday(), tested.
insert into app_private.working_days (day, running_count, working)
with years as (
  select y, app_private.easter_sunday(y) as easter from generate_series(1990, 2150) as y
), holidays as (
  select make_date(y, f.m, f.d) as day from years cross join (values (1, 1), (5, 1), (5, 17), (12, 25), (12, 26)) as f(m, d)
  union
  select easter + o from years cross join unnest(array[-3, -2, 0, 1, 39, 49, 50]) as o
), days as (
  select g::date as d, extract(isodow from g) < 6 and h.day is null as w
  from generate_series('1990-01-01'::date, '2150-12-31'::date, interval '1 day') as g
  left join holidays h on h.day = g::date
)
select d, (count(*) filter (where w) over (order by d))::integer, w from days;
-- Public calendar facts: readable by everyone, written by nobody but migrations.
alter table app_private.working_days enable row level security;
create policy working_days_select on app_private.working_days for select to anon, authenticated, service_role using (true);
create policy working_days_insert on app_private.working_days for insert with check (false);
create policy working_days_update on app_private.working_days for update using (false) with check (false);
create policy working_days_delete on app_private.working_days for delete using (false);
revoke all on table app_private.working_days from public, anon, authenticated, service_role;
grant select on table app_private.working_days to anon, authenticated, service_role;

-- working_days_between() on two rows of app_private.working_days, for figures that join it: null
-- when either is (an idea not answered yet), as working_days_between() is for a null instant.
-- (greatest() alone would turn null into 0: it ignores nulls.)
create or replace function app_private.working_days_from_counts(p_from_count integer, p_to_count integer) returns integer
  language sql immutable set search_path = '' as $$
  select case when p_to_count > p_from_count then p_to_count - p_from_count when p_to_count is not null and p_from_count is not null then 0 end
$$;
grant execute on function app_private.working_days_from_counts(integer, integer) to anon, authenticated, service_role;

-- Oslo calendar days after p_from's day up to and including p_to's day that are working days; 0 when
-- p_to's day is not after p_from's. Null outside 1990–2150.
create or replace function app_private.working_days_between(p_from timestamptz, p_to timestamptz) returns integer
  language sql stable strict set search_path = '' as $$
  select app_private.working_days_from_counts(f.running_count, t.running_count)
  from app_private.working_days f, app_private.working_days t
  where f.day = (p_from at time zone 'Europe/Oslo')::date and t.day = (p_to at time zone 'Europe/Oslo')::date
$$;

alter function app_private.insight_scope(uuid[]) rows 5;

create or replace function public.insight_received_closed(p_network_ids uuid[], p_from date, p_to date)
  returns table (month date, received integer, closed integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  visible as not materialized (
    select i.id, i.status, i.submitted_at, i.withdrawn_at, i.last_answer_at, i.updated_at
    from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
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
        -- Closing (an answer or a withdrawal) updates the idea, and touch_updated_at() sets updated_at
        -- then: an idea closed in the period was updated in it or later. Skips the answer look-up for
        -- every idea closed before the period (for an admin, most closed ideas).
        and i.updated_at >= app_private.oslo_start(p_from)
      offset 0 -- kept as a subquery: the answer look-up runs once per idea, not again in the filter below
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
    percentile_cont(0.5) within group (order by app_private.working_days_from_counts(ws.running_count, wa.running_count)),
    percentile_cont(0.9) within group (order by app_private.working_days_from_counts(ws.running_count, wa.running_count))
  from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
  left join app_private.working_days ws on ws.day = (i.submitted_at at time zone 'Europe/Oslo')::date
  left join app_private.working_days wa on wa.day = (i.first_answered_at at time zone 'Europe/Oslo')::date
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  group by grouping sets ((i.network_id), ())
$$;

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
  period as not materialized (
    select i.organisation_id, i.unit_id, i.theme_id, i.service_area_ids, i.status
    from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
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
      percentile_cont(0.5) within group (order by app_private.working_days_from_counts(ws.running_count, wa.running_count)) as median_days
    from public.ideas i
    left join app_private.working_days ws on ws.day = (i.submitted_at at time zone 'Europe/Oslo')::date
    left join app_private.working_days wa on wa.day = (i.first_answered_at at time zone 'Europe/Oslo')::date
    where i.network_id = n.id and i.submitted_at >= p_now - interval '12 months' and i.submitted_at < p_now
  ) f on true
  left join lateral (
    select count(*)::integer as overdue from public.ideas i
    where i.network_id = n.id and i.next_due_at is not null and i.next_due_at < p_now
      and i.status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
  ) o on true
  order by n.name
$$;

-- The figures aggregate a few thousand rows, but their correlated look-ups make the planner's cost
-- estimate pass jit_above_cost: PostgreSQL then compiled each query with LLVM first, ~0.9 s of
-- insight_received_closed's 1.1 s. Compiling never pays off at this size.
alter function public.insight_received_closed(uuid[], date, date) set jit = off;
alter function public.insight_first_answers(uuid[], date, date, timestamptz) set jit = off;
alter function public.insight_backlog(uuid[], timestamptz) set jit = off;
alter function public.insight_status_funnel(uuid[], date, date) set jit = off;
alter function public.insight_breakdown(uuid[], date, date, text) set jit = off;
alter function public.insight_owner_workload(uuid[], timestamptz) set jit = off;
alter function public.insight_same_need(uuid[], date, date) set jit = off;
alter function public.insight_story_benefits(uuid[], date, date) set jit = off;
alter function public.answer_guarantee(timestamptz) set jit = off;

-- The period figures and the answer guarantee read a network's ideas by submission time, and the
-- backlogs a network's ideas by next deadline: with the columns they count in the index, they read
-- no idea rows (index-only scans; 33 000 ideas in the answer guarantee's 12 months touched ~26 000
-- heap pages).
drop index public.ideas_network_submitted_idx;
create index ideas_network_submitted_idx on public.ideas (network_id, submitted_at)
  include (status, visibility, organisation_id, first_answered_at, first_answer_due_at, withdrawn_at);
drop index public.ideas_network_next_due_idx;
create index ideas_network_next_due_idx on public.ideas (network_id, next_due_at)
  include (status, visibility, organisation_id, owner_id);
