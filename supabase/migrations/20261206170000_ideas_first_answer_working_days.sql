-- Working days to the first answer, kept on the idea (first_answer_working_days).
--
-- The answer guarantee (/svargaranti, public) and the insight page's first-answer figures took the
-- median (and 90th percentile) of the working days from submission to first answer, joining the
-- working-day calendar twice per idea on every view: /svargaranti ~160 ms, an admin's figures ~200 ms
-- on the benchmark's 100 000 ideas. The number only changes when an idea is first answered (or its
-- submission time is corrected), so a trigger keeps it, with the calendar as before
-- (app_private.working_days_between). The figures read it from the submission-time index.

alter table public.ideas add column first_answer_working_days integer;

-- Existing ideas, with the idea triggers off: nothing else about them changes.
alter table public.ideas disable trigger user;
update public.ideas set first_answer_working_days = app_private.working_days_between(submitted_at, first_answered_at)
where first_answered_at is not null;
alter table public.ideas enable trigger user;

create function app_private.set_idea_first_answer_working_days() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  new.first_answer_working_days := case when new.first_answered_at is not null
    then app_private.working_days_between(new.submitted_at, new.first_answered_at) end;
  return new;
end $$;
revoke all on function app_private.set_idea_first_answer_working_days() from public, anon, authenticated;
create trigger ideas_set_first_answer_working_days before insert or update of submitted_at, first_answered_at, first_answer_working_days
  on public.ideas for each row execute function app_private.set_idea_first_answer_working_days();

drop index public.ideas_network_submitted_idx;
create index ideas_network_submitted_idx on public.ideas (network_id, submitted_at)
  include (status, visibility, organisation_id, first_answered_at, first_answer_due_at, withdrawn_at, first_answer_working_days);

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
    percentile_cont(0.5) within group (order by i.first_answer_working_days),
    percentile_cont(0.9) within group (order by i.first_answer_working_days)
  from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
  where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
    and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
  group by grouping sets ((i.network_id), ())
$$;

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
      percentile_cont(0.5) within group (order by i.first_answer_working_days) as median_days
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
alter function public.insight_first_answers(uuid[], date, date, timestamptz) set jit = off;
alter function public.answer_guarantee(timestamptz) set jit = off;
