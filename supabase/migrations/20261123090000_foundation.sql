-- ============================================================================
-- Foundation: organisations, regions/partnerships, units, e-mail domains, profiles,
-- networks and their members. Every table has RLS with one policy per operation.
-- ============================================================================

create schema if not exists extensions;
create extension if not exists pg_trgm with schema extensions;

-- Helpers live in a private schema that API roles cannot call directly except where granted.
create schema if not exists app_private;
grant usage on schema app_private to authenticated, anon;

-- ----------------------------------------------------------------------------
-- Types
-- ----------------------------------------------------------------------------
create type public.organisation_kind as enum ('municipality', 'health_trust', 'university', 'partner', 'other');
create type public.organisation_group_kind as enum ('partnership', 'region');
create type public.platform_role as enum ('employee', 'partner_viewer', 'admin');
create type public.ui_locale as enum ('nb', 'nn', 'en');
create type public.network_kind as enum ('municipal', 'focus_area', 'regional');
create type public.network_role as enum ('member', 'coordinator');

-- ----------------------------------------------------------------------------
-- Generic trigger: keep updated_at honest
-- ----------------------------------------------------------------------------
create or replace function app_private.touch_updated_at() returns trigger
  language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end $$;

-- ----------------------------------------------------------------------------
-- Organisations and groups (regions, partnerships)
-- ----------------------------------------------------------------------------
create table public.organisation_groups (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(name) between 2 and 200),
  kind public.organisation_group_kind not null,
  created_at timestamptz not null default now()
);

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(name) between 2 and 200),
  kind public.organisation_kind not null,
  -- Where adverse events (avvik) go instead of the idea portal: the organisation's quality system.
  avvik_url text check (avvik_url is null or avvik_url ~ '^https://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger organisations_touch before update on public.organisations
  for each row execute function app_private.touch_updated_at();

create table public.organisation_group_members (
  group_id uuid not null references public.organisation_groups(id) on delete cascade,
  organisation_id uuid not null references public.organisations(id) on delete cascade,
  primary key (group_id, organisation_id)
);
create index organisation_group_members_org_idx on public.organisation_group_members (organisation_id);

create table public.organisation_domains (
  domain text primary key check (domain = lower(domain) and domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'),
  organisation_id uuid not null references public.organisations(id) on delete cascade
);
create index organisation_domains_org_idx on public.organisation_domains (organisation_id);

create table public.units (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations(id) on delete cascade,
  name text not null check (length(name) between 2 and 200),
  created_at timestamptz not null default now(),
  unique (organisation_id, name)
);

-- ----------------------------------------------------------------------------
-- Profiles: one per auth user (local magic link or Supabase Auth)
-- ----------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users(id) on delete cascade,
  email text not null unique check (email = lower(email)),
  full_name text not null check (length(full_name) between 1 and 200),
  organisation_id uuid not null references public.organisations(id),
  unit_id uuid references public.units(id) on delete set null,
  job_title text check (job_title is null or length(job_title) between 2 and 120),
  locale public.ui_locale not null default 'nb',
  platform_role public.platform_role not null default 'employee',
  onboarded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_organisation_idx on public.profiles (organisation_id);
create trigger profiles_touch before update on public.profiles
  for each row execute function app_private.touch_updated_at();

-- ----------------------------------------------------------------------------
-- Networks: where ideas are routed
-- ----------------------------------------------------------------------------
create table public.networks (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null check (length(name) between 2 and 200),
  description text check (description is null or length(description) <= 2000),
  kind public.network_kind not null,
  owner_organisation_id uuid references public.organisations(id),
  owner_group_id uuid references public.organisation_groups(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint networks_exactly_one_owner check (num_nonnulls(owner_organisation_id, owner_group_id) = 1)
);
create index networks_owner_org_idx on public.networks (owner_organisation_id);
create index networks_owner_group_idx on public.networks (owner_group_id);
create trigger networks_touch before update on public.networks
  for each row execute function app_private.touch_updated_at();

create table public.network_members (
  network_id uuid not null references public.networks(id) on delete cascade,
  profile_id uuid not null references public.profiles(id) on delete cascade,
  role public.network_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (network_id, profile_id)
);
create index network_members_profile_idx on public.network_members (profile_id);

-- ----------------------------------------------------------------------------
-- Helpers for policies (security definer so policies do not recurse through RLS)
-- ----------------------------------------------------------------------------
create or replace function app_private.current_organisation_id() returns uuid
  language sql stable security definer set search_path = '' as $$
  select organisation_id from public.profiles where id = (select auth.uid())
$$;

create or replace function app_private.is_platform_admin() returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.profiles where id = (select auth.uid()) and platform_role = 'admin')
$$;

create or replace function app_private.is_network_member(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.network_members where network_id = target and profile_id = (select auth.uid()))
$$;

create or replace function app_private.is_network_coordinator(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.network_members
    where network_id = target and profile_id = (select auth.uid()) and role = 'coordinator'
  )
$$;

create or replace function app_private.is_any_network_member(target_profile uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.network_members where profile_id = target_profile)
$$;

grant execute on all functions in schema app_private to authenticated, anon;

-- Columns a user must not change on their own profile.
create or replace function app_private.guard_profile_columns() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated' or app_private.is_platform_admin() then
    return new;
  end if;
  if new.id <> old.id or new.email <> old.email or new.organisation_id <> old.organisation_id
     or new.platform_role <> old.platform_role or new.created_at <> old.created_at then
    raise exception 'not allowed to change protected profile columns' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger profiles_guard before update on public.profiles
  for each row execute function app_private.guard_profile_columns();

-- ----------------------------------------------------------------------------
-- Grants and RLS
-- ----------------------------------------------------------------------------
grant usage on schema public to anon, authenticated, service_role;
grant select on public.organisation_groups, public.organisations, public.organisation_group_members,
  public.networks to anon;
grant select, insert, update, delete on public.organisation_groups, public.organisations,
  public.organisation_group_members, public.organisation_domains, public.units, public.profiles,
  public.networks, public.network_members to authenticated;
grant all on all tables in schema public to service_role;

alter table public.organisation_groups enable row level security;
alter table public.organisations enable row level security;
alter table public.organisation_group_members enable row level security;
alter table public.organisation_domains enable row level security;
alter table public.units enable row level security;
alter table public.profiles enable row level security;
alter table public.networks enable row level security;
alter table public.network_members enable row level security;

-- Reference data: everyone may read; platform admins write.
create policy organisation_groups_select on public.organisation_groups for select to anon, authenticated using (true);
create policy organisation_groups_insert on public.organisation_groups for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy organisation_groups_update on public.organisation_groups for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy organisation_groups_delete on public.organisation_groups for delete to authenticated using ((select app_private.is_platform_admin()));

create policy organisations_select on public.organisations for select to anon, authenticated using (true);
create policy organisations_insert on public.organisations for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy organisations_update on public.organisations for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy organisations_delete on public.organisations for delete to authenticated using ((select app_private.is_platform_admin()));

create policy organisation_group_members_select on public.organisation_group_members for select to anon, authenticated using (true);
create policy organisation_group_members_insert on public.organisation_group_members for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy organisation_group_members_update on public.organisation_group_members for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy organisation_group_members_delete on public.organisation_group_members for delete to authenticated using ((select app_private.is_platform_admin()));

-- Which domains belong to which organisation is visible to signed-in users only.
create policy organisation_domains_select on public.organisation_domains for select to authenticated using (true);
create policy organisation_domains_insert on public.organisation_domains for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy organisation_domains_update on public.organisation_domains for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy organisation_domains_delete on public.organisation_domains for delete to authenticated using ((select app_private.is_platform_admin()));

create policy units_select on public.units for select to authenticated using (true);
create policy units_insert on public.units for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy units_update on public.units for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy units_delete on public.units for delete to authenticated using ((select app_private.is_platform_admin()));

-- Profiles: your own, your organisation's colleagues, network members (they are the portal's
-- public contact people), and admins. Profiles are created by the sign-in service path.
create policy profiles_select on public.profiles for select to authenticated using (
  id = (select auth.uid())
  or organisation_id = (select app_private.current_organisation_id())
  or app_private.is_any_network_member(id)
  or (select app_private.is_platform_admin())
);
create policy profiles_insert on public.profiles for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select app_private.is_platform_admin()))
  with check (id = (select auth.uid()) or (select app_private.is_platform_admin()));
create policy profiles_delete on public.profiles for delete to authenticated using ((select app_private.is_platform_admin()));

create policy networks_select on public.networks for select to anon, authenticated using (true);
create policy networks_insert on public.networks for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy networks_update on public.networks for update to authenticated
  using ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(id))
  with check ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(id));
create policy networks_delete on public.networks for delete to authenticated using ((select app_private.is_platform_admin()));

create policy network_members_select on public.network_members for select to authenticated using (true);
create policy network_members_insert on public.network_members for insert to authenticated
  with check ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(network_id));
create policy network_members_update on public.network_members for update to authenticated
  using ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(network_id))
  with check ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(network_id));
create policy network_members_delete on public.network_members for delete to authenticated
  using ((select app_private.is_platform_admin()) or app_private.is_network_coordinator(network_id));
