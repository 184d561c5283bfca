-- ============================================================================
-- The idea list's counts per status without counting every visible idea on each page view.
--
-- "Alle ideer" shows, for the reader, how many ideas there are per status. Counting them read
-- ~90 000 entries of ideas_status_visibility_idx per page view on the bench's 100 000 ideas:
-- 20–27 ms of the list page's 28 ms in PostgreSQL, on every request.
--
-- Instead: app_private.idea_count_deltas holds +n / −n per (status, visibility, organisation,
-- network), written by statement-level triggers on public.ideas in the same transaction as the
-- change (insert-only: concurrent submissions and triage never wait for each other on a counter
-- row). The sum per group is the number of ideas in that group, in every snapshot.
-- app_private.compact_idea_counts() folds the rows into one per group (the SLA job calls it).
--
-- app_private.visible_idea_status_counts() sums the groups the caller may see — the ideas_select
-- rule on the group's columns — and adds the caller's own ideas that only the last condition
-- (id = any(my submitted ideas)) makes visible. The result equals
-- `select status, count(*) from public.ideas group by status` run as the caller
-- (tests/integration/idea-status-counts.test.ts). The policy itself is unchanged.
-- ============================================================================

create table app_private.idea_count_deltas (
  status public.idea_status not null,
  visibility public.idea_visibility not null,
  organisation_id uuid not null,
  network_id uuid not null,
  n integer not null
);
revoke all on table app_private.idea_count_deltas from public, anon, authenticated;

-- Rebuilds the groups from public.ideas (after bulk loads with triggers off, e.g. bench/generate.mjs).
create or replace function app_private.rebuild_idea_counts() returns void
  language sql volatile security definer set search_path = '' as $$
  delete from app_private.idea_count_deltas;
  insert into app_private.idea_count_deltas (status, visibility, organisation_id, network_id, n)
  select status, visibility, organisation_id, network_id, count(*)::integer
  from public.ideas group by 1, 2, 3, 4;
$$;

-- One row per group again. Safe while ideas change: rows inserted meanwhile are not in the
-- statement's snapshot and stay as they are.
create or replace function app_private.compact_idea_counts() returns void
  language sql volatile security definer set search_path = '' as $$
  with gone as (delete from app_private.idea_count_deltas returning *)
  insert into app_private.idea_count_deltas (status, visibility, organisation_id, network_id, n)
  select status, visibility, organisation_id, network_id, sum(n)::integer
  from gone group by 1, 2, 3, 4 having sum(n) <> 0;
$$;

create or replace function app_private.count_idea_changes() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into app_private.idea_count_deltas (status, visibility, organisation_id, network_id, n)
    select status, visibility, organisation_id, network_id, count(*)::integer from new_rows group by 1, 2, 3, 4;
  elsif tg_op = 'DELETE' then
    insert into app_private.idea_count_deltas (status, visibility, organisation_id, network_id, n)
    select status, visibility, organisation_id, network_id, -count(*)::integer from old_rows group by 1, 2, 3, 4;
  elsif tg_op = 'UPDATE' then
    -- Only rows whose group changed (most updates touch other columns).
    insert into app_private.idea_count_deltas (status, visibility, organisation_id, network_id, n)
    select status, visibility, organisation_id, network_id, sum(n)::integer
    from (
      select o.status, o.visibility, o.organisation_id, o.network_id, -1 as n
      from old_rows o join new_rows r on r.id = o.id
      where (o.status, o.visibility, o.organisation_id, o.network_id) is distinct from (r.status, r.visibility, r.organisation_id, r.network_id)
      union all
      select r.status, r.visibility, r.organisation_id, r.network_id, 1 as n
      from old_rows o join new_rows r on r.id = o.id
      where (o.status, o.visibility, o.organisation_id, o.network_id) is distinct from (r.status, r.visibility, r.organisation_id, r.network_id)
    ) changed
    group by 1, 2, 3, 4 having sum(n) <> 0;
  end if;
  return null;
end $$;

create or replace function app_private.count_idea_truncate() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  delete from app_private.idea_count_deltas;
  return null;
end $$;

create trigger ideas_count_insert after insert on public.ideas
  referencing new table as new_rows for each statement execute function app_private.count_idea_changes();
create trigger ideas_count_update after update on public.ideas
  referencing old table as old_rows new table as new_rows for each statement execute function app_private.count_idea_changes();
create trigger ideas_count_delete after delete on public.ideas
  referencing old table as old_rows for each statement execute function app_private.count_idea_changes();
create trigger ideas_count_truncate after truncate on public.ideas
  for each statement execute function app_private.count_idea_truncate();

-- Ideas per status that the caller may see (the ideas_select rule), from the groups.
create or replace function app_private.visible_idea_status_counts()
  returns table (status public.idea_status, count integer)
  language sql stable security definer set search_path = '' as $$
  with me as (
    select app_private.current_organisation_id() as org,
           coalesce(app_private.is_platform_admin(), false) as admin,
           app_private.my_network_ids() as networks,
           app_private.my_submitted_idea_ids() as own
  ),
  by_group as (
    select d.status, sum(d.n)::integer as count
    from app_private.idea_count_deltas d, me
    where d.visibility = 'partners' or d.organisation_id = me.org or me.admin or d.network_id = any (me.networks)
    group by d.status
  ),
  own_only as (
    select i.status, count(*)::integer as count
    from public.ideas i, me
    where i.id = any (me.own)
      and not coalesce(i.visibility = 'partners' or i.organisation_id = me.org or me.admin or i.network_id = any (me.networks), false)
    group by i.status
  )
  select status, sum(count)::integer from (select * from by_group union all select * from own_only) c
  group by status having sum(count) <> 0
$$;

revoke all on function app_private.rebuild_idea_counts(), app_private.compact_idea_counts(),
  app_private.count_idea_changes(), app_private.count_idea_truncate() from public, anon, authenticated;
revoke all on function app_private.visible_idea_status_counts() from public, anon;
grant execute on function app_private.visible_idea_status_counts() to authenticated, service_role;
grant execute on function app_private.rebuild_idea_counts(), app_private.compact_idea_counts() to service_role;

select app_private.rebuild_idea_counts();
