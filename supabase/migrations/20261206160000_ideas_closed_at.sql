-- When an idea was closed, kept on the idea (closed_at) instead of looked up per idea by the figures.
--
-- The insight page's "closed per month" looked up each closed idea's closing answer every time it was
-- shown: for an admin or a partner viewer on the benchmark's 100 000 ideas ~0.5 s of the page. Now a
-- trigger keeps closed_at, with the rule the figures used (app_private.idea_closing_time): the latest
-- answer that set the current closed status, else the withdrawal, else the last answer, else the
-- moment the status changed; null while the idea is open. The figures count closed_at through an index.

alter table public.ideas add column closed_at timestamptz;

create function app_private.idea_closing_time(
  p_id uuid, p_status public.idea_status, p_withdrawn_at timestamptz, p_last_answer_at timestamptz, p_fallback timestamptz
) returns timestamptz
  language sql stable security definer set search_path = '' as $$
  select case when app_private.is_closed_status(p_status) then coalesce(
    (select max(a.created_at) from public.idea_answers a where a.idea_id = p_id and a.to_status = p_status),
    p_withdrawn_at, p_last_answer_at, p_fallback) end
$$;
revoke all on function app_private.idea_closing_time(uuid, public.idea_status, timestamptz, timestamptz, timestamptz) from public, anon, authenticated;

-- Existing ideas, with the idea triggers off: nothing else about them changes (not updated_at).
alter table public.ideas disable trigger user;
update public.ideas i set closed_at = app_private.idea_closing_time(i.id, i.status, i.withdrawn_at, i.last_answer_at, i.updated_at)
where app_private.is_closed_status(i.status);
alter table public.ideas enable trigger user;

-- Named to fire after the guards (ideas_guard sets withdrawn_at when a submitter withdraws) and
-- before ideas_touch. An answer reaches here through apply_idea_answer(), which updates
-- last_answer_at: a repeated answer on a closed idea moves its closing time, as before.
create function app_private.set_idea_closed_at() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if not app_private.is_closed_status(new.status) then
    new.closed_at := null;
  elsif tg_op = 'INSERT' or new.status is distinct from old.status or new.last_answer_at is distinct from old.last_answer_at
        or new.withdrawn_at is distinct from old.withdrawn_at or new.closed_at is null then
    new.closed_at := app_private.idea_closing_time(new.id, new.status, new.withdrawn_at, new.last_answer_at, now());
  end if;
  return new;
end $$;
revoke all on function app_private.set_idea_closed_at() from public, anon, authenticated;
create trigger ideas_set_closed_at before insert or update on public.ideas
  for each row execute function app_private.set_idea_closed_at();

-- Answers are not edited in the app; a correction of an answer's time or status on the service path
-- (data repair, test fixtures) still moves the idea's closing time with it.
create function app_private.refresh_idea_closed_at() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  update public.ideas i
  set closed_at = app_private.idea_closing_time(i.id, i.status, i.withdrawn_at, i.last_answer_at, coalesce(i.closed_at, now()))
  where i.id = new.idea_id and app_private.is_closed_status(i.status)
    and i.closed_at is distinct from app_private.idea_closing_time(i.id, i.status, i.withdrawn_at, i.last_answer_at, coalesce(i.closed_at, now()));
  return null;
end $$;
revoke all on function app_private.refresh_idea_closed_at() from public, anon, authenticated;
create trigger idea_answers_refresh_closed_at after update of created_at, to_status on public.idea_answers
  for each row execute function app_private.refresh_idea_closed_at();

create index ideas_network_closed_idx on public.ideas (network_id, closed_at) include (visibility, organisation_id)
  where closed_at is not null;

create or replace function public.insight_received_closed(p_network_ids uuid[], p_from date, p_to date)
  returns table (month date, received integer, closed integer)
  language sql stable security definer set search_path = '' as $$
  with scope as (select * from app_private.insight_scope(p_network_ids)),
  my_org as (select app_private.current_organisation_id() as id),
  received as (
    select date_trunc('month', i.submitted_at at time zone 'Europe/Oslo')::date as month, count(*)::integer as n
    from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
    where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
      and i.submitted_at >= app_private.oslo_start(p_from) and i.submitted_at < app_private.oslo_start(p_to)
    group by 1
  ),
  closed as (
    select date_trunc('month', i.closed_at at time zone 'Europe/Oslo')::date as month, count(*)::integer as n
    from scope s join public.ideas i on i.network_id = s.network_id cross join my_org
    where (s.full_access or i.visibility = 'partners' or i.organisation_id = my_org.id)
      and i.closed_at >= app_private.oslo_start(p_from) and i.closed_at < app_private.oslo_start(p_to)
    group by 1
  )
  select m.month::date, coalesce(r.n, 0), coalesce(c.n, 0)
  from generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp - interval '1 day', interval '1 month') as m(month)
  left join received r on r.month = m.month::date
  left join closed c on c.month = m.month::date
  order by 1
$$;
alter function public.insight_received_closed(uuid[], date, date) set jit = off;
