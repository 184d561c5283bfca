-- ============================================================================
-- Foundation hardening, found by tests/integration/rls-foundation.test.ts:
-- 1. A user could point their own profile at a unit (virksomhet) of another organisation,
--    because profiles_update lets them change unit_id and nothing tied the unit to the
--    organisation. Now a composite foreign key does, for every writer.
-- 2. A network coordinator could change their network's owner, kind or slug (networks_update
--    allows coordinators and nothing guarded the columns), e.g. hand a municipal network to
--    another organisation. Coordinators may now change only name and description.
-- ============================================================================

alter table public.units add constraint units_id_organisation_key unique (id, organisation_id);

alter table public.profiles drop constraint profiles_unit_id_fkey;
alter table public.profiles add constraint profiles_unit_in_organisation_fkey
  foreign key (unit_id, organisation_id) references public.units (id, organisation_id)
  on delete set null (unit_id);

create or replace function app_private.guard_network_columns() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated' or app_private.is_platform_admin() then
    return new;
  end if;
  if new.id <> old.id or new.slug <> old.slug or new.kind <> old.kind
     or new.owner_organisation_id is distinct from old.owner_organisation_id
     or new.owner_group_id is distinct from old.owner_group_id
     or new.created_at <> old.created_at then
    raise exception 'not allowed to change protected network columns' using errcode = '42501';
  end if;
  return new;
end $$;
revoke execute on function app_private.guard_network_columns() from public;

create trigger networks_guard before update on public.networks
  for each row execute function app_private.guard_network_columns();
