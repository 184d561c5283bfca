-- ============================================================================
-- Support ("Jeg støtter dette"): once per person per idea, undoable. Issue 5 builds on it.
-- ============================================================================
create table public.idea_supports (
  idea_id uuid not null references public.ideas(id) on delete cascade,
  profile_id uuid not null references public.profiles(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (idea_id, profile_id)
);
create index idea_supports_profile_idx on public.idea_supports (profile_id);

grant select, insert, update, delete on public.idea_supports to authenticated;
grant all on public.idea_supports to service_role;
alter table public.idea_supports enable row level security;

create policy idea_supports_select on public.idea_supports for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
);
-- You support as yourself, an idea you can see, that is still open.
create policy idea_supports_insert on public.idea_supports for insert to authenticated with check (
  profile_id = (select auth.uid())
  and exists (select 1 from public.ideas i where i.id = idea_id and i.status not in ('merged', 'withdrawn'))
);
create policy idea_supports_update on public.idea_supports for update to authenticated using (false);
create policy idea_supports_delete on public.idea_supports for delete to authenticated using (profile_id = (select auth.uid()));
