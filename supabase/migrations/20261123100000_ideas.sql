-- ============================================================================
-- Ideas: reference lists (themes, service areas), routing rules, ideas with their
-- submitter kept apart (so "hide my name" is enforced by RLS), drafts, attachments,
-- the idea timeline, and the transactional outbox that carries receipts.
-- ============================================================================

-- ----------------------------------------------------------------------------
-- Reference lists (managed by platform admins in issue 7)
-- ----------------------------------------------------------------------------
create table public.themes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name_nb text not null,
  name_nn text not null,
  name_en text not null,
  sort_order integer not null default 0,
  active boolean not null default true
);

create table public.service_areas (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name_nb text not null,
  name_nn text not null,
  name_en text not null,
  sort_order integer not null default 0,
  active boolean not null default true
);

-- SLA settings live on the network; the fallback network on the organisation.
alter table public.networks
  add column sla_first_answer_working_days integer not null default 10 check (sla_first_answer_working_days between 1 and 60),
  add column sla_update_interval_days integer not null default 60 check (sla_update_interval_days between 1 and 365);
alter table public.organisations
  add column fallback_network_id uuid references public.networks(id) on delete set null;

-- ----------------------------------------------------------------------------
-- Routing rules: ordered; the first active rule whose every given criterion matches wins.
-- ----------------------------------------------------------------------------
create table public.routing_rules (
  id uuid primary key default gen_random_uuid(),
  position integer not null unique,
  name text not null check (length(name) between 2 and 200),
  network_id uuid not null references public.networks(id) on delete cascade,
  match_organisation_ids uuid[] check (match_organisation_ids is null or cardinality(match_organisation_ids) > 0),
  match_group_ids uuid[] check (match_group_ids is null or cardinality(match_group_ids) > 0),
  match_theme_ids uuid[] check (match_theme_ids is null or cardinality(match_theme_ids) > 0),
  match_service_area_ids uuid[] check (match_service_area_ids is null or cardinality(match_service_area_ids) > 0),
  match_several_municipalities boolean,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger routing_rules_touch before update on public.routing_rules
  for each row execute function app_private.touch_updated_at();

-- ----------------------------------------------------------------------------
-- Ideas
-- ----------------------------------------------------------------------------
create type public.idea_status as enum (
  'received', 'under_review', 'anchoring', 'insight', 'service_development', 'piloting',
  'transition_to_operation', 'new_practice', 'not_prioritised', 'merged', 'withdrawn'
);
create type public.idea_visibility as enum ('organisation', 'partners');

create table public.idea_number_counters (
  year integer primary key,
  last_value integer not null default 0
);

create table public.ideas (
  id uuid primary key default gen_random_uuid(),
  year integer not null,
  number integer not null,
  public_id text not null unique,
  status public.idea_status not null default 'received',
  organisation_id uuid not null references public.organisations(id),
  unit_id uuid references public.units(id) on delete set null,
  network_id uuid not null references public.networks(id),
  routing_rule_id uuid references public.routing_rules(id) on delete set null,
  routing_explanation jsonb not null default '{}'::jsonb,
  title text not null check (length(title) between 5 and 140),
  problem text not null check (length(problem) between 10 and 4000),
  proposal_json jsonb not null,
  proposal_html text not null,
  proposal_text text not null check (length(proposal_text) <= 20000),
  stop_doing text check (stop_doing is null or length(stop_doing) <= 2000),
  beneficiaries text[] not null default '{}' check (beneficiaries <@ array['users_and_relatives', 'staff_and_leaders', 'municipality']),
  need_contexts text[] not null default '{}' check (need_contexts <@ array['home', 'institution', 'outdoors', 'response', 'control']),
  expected_benefits text[] not null default '{}' check (expected_benefits <@ array['patient_safety', 'time_saved', 'quality', 'independence', 'relatives_safety', 'staff_wellbeing', 'economy', 'health', 'fewer_falls', 'less_driving']),
  theme_id uuid not null references public.themes(id),
  service_area_ids uuid[] not null check (cardinality(service_area_ids) between 1 and 7),
  relevant_for_several boolean not null default false,
  visibility public.idea_visibility not null default 'partners',
  hide_name boolean not null default false,
  privacy_confirmed_at timestamptz not null,
  idempotency_key uuid not null unique,
  submitted_at timestamptz not null default now(),
  first_answer_due_at timestamptz not null,
  withdrawn_reason text check (withdrawn_reason is null or length(withdrawn_reason) between 3 and 1000),
  withdrawn_at timestamptz,
  search_vector tsvector generated always as (
    setweight(to_tsvector('norwegian', coalesce(title, '')), 'A')
    || setweight(to_tsvector('norwegian', coalesce(problem, '')), 'B')
    || setweight(to_tsvector('norwegian', coalesce(proposal_text, '')), 'C')
    || setweight(to_tsvector('norwegian', coalesce(stop_doing, '')), 'D')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, number),
  -- A direct insert cannot promise an absurd deadline; the app computes it in working days.
  constraint ideas_due_is_plausible check (first_answer_due_at > submitted_at and first_answer_due_at < submitted_at + interval '120 days')
);
create index ideas_network_status_idx on public.ideas (network_id, status, first_answer_due_at);
create index ideas_organisation_idx on public.ideas (organisation_id, submitted_at desc);
create index ideas_search_idx on public.ideas using gin (search_vector);
create index ideas_title_trgm_idx on public.ideas using gin (title extensions.gin_trgm_ops);
create index ideas_service_areas_idx on public.ideas using gin (service_area_ids);
create trigger ideas_touch before update on public.ideas
  for each row execute function app_private.touch_updated_at();

-- Who submitted, kept apart so that "hide my name from other employees" is a row-level rule.
create table public.idea_submitters (
  idea_id uuid primary key references public.ideas(id) on delete cascade,
  submitter_id uuid references public.profiles(id) on delete set null,
  display_name text not null,
  -- Submitted on behalf of a colleague without an account: they get the receipt and the answers.
  on_behalf_of_name text check (on_behalf_of_name is null or length(on_behalf_of_name) between 2 and 200),
  on_behalf_of_email text check (on_behalf_of_email is null or on_behalf_of_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  created_at timestamptz not null default now(),
  constraint idea_submitters_behalf_pair check ((on_behalf_of_name is null) = (on_behalf_of_email is null))
);
create index idea_submitters_submitter_idx on public.idea_submitters (submitter_id);

create table public.idea_drafts (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references public.profiles(id) on delete cascade,
  title text not null default '' check (length(title) <= 300),
  form_data jsonb not null default '{}'::jsonb check (pg_column_size(form_data) < 400000),
  idempotency_key uuid not null default gen_random_uuid() unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idea_drafts_owner_idx on public.idea_drafts (owner_id, updated_at desc);
create trigger idea_drafts_touch before update on public.idea_drafts
  for each row execute function app_private.touch_updated_at();

create table public.idea_attachments (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references public.profiles(id) on delete cascade,
  draft_id uuid references public.idea_drafts(id) on delete cascade,
  idea_id uuid references public.ideas(id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  storage_key text not null unique,
  created_at timestamptz not null default now(),
  constraint idea_attachments_one_parent check (num_nonnulls(draft_id, idea_id) = 1)
);
create index idea_attachments_idea_idx on public.idea_attachments (idea_id);
create index idea_attachments_draft_idx on public.idea_attachments (draft_id);

create table public.idea_events (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  kind text not null check (kind in ('submitted', 'edited', 'withdrawn')),
  actor_id uuid references public.profiles(id) on delete set null,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index idea_events_idea_idx on public.idea_events (idea_id, created_at);

-- ----------------------------------------------------------------------------
-- Transactional outbox: written in the same transaction as the change it reports.
-- ----------------------------------------------------------------------------
create table public.outbox_messages (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  recipient_email text not null,
  recipient_profile_id uuid references public.profiles(id) on delete set null,
  locale public.ui_locale not null default 'nb',
  payload jsonb not null default '{}'::jsonb,
  idempotency_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  sent_at timestamptz,
  provider_message_id text,
  last_error text,
  created_at timestamptz not null default now()
);
create index outbox_messages_due_idx on public.outbox_messages (next_attempt_at) where status = 'pending';

-- ----------------------------------------------------------------------------
-- Helpers
-- ----------------------------------------------------------------------------
create or replace function app_private.is_idea_submitter(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.idea_submitters where idea_id = target and submitter_id = (select auth.uid()))
$$;

create or replace function app_private.next_idea_number(target_year integer) returns integer
  language sql volatile security definer set search_path = '' as $$
  insert into public.idea_number_counters as c (year, last_value) values (target_year, 1)
  on conflict (year) do update set last_value = c.last_value + 1
  returning last_value
$$;

-- The routing decision, used both for the real insert and for previews.
create or replace function public.route_idea(
  p_organisation_id uuid, p_theme_id uuid, p_service_area_ids uuid[], p_several boolean
) returns table (network_id uuid, rule_id uuid, explanation jsonb)
  language plpgsql stable security definer set search_path = '' as $$
declare
  r public.routing_rules;
  org_groups uuid[];
begin
  select coalesce(array_agg(m.group_id), '{}') into org_groups
  from public.organisation_group_members m where m.organisation_id = p_organisation_id;
  for r in select * from public.routing_rules where active order by position loop
    if (r.match_organisation_ids is null or p_organisation_id = any(r.match_organisation_ids))
       and (r.match_group_ids is null or r.match_group_ids && org_groups)
       and (r.match_theme_ids is null or p_theme_id = any(r.match_theme_ids))
       and (r.match_service_area_ids is null or r.match_service_area_ids && coalesce(p_service_area_ids, '{}'))
       and (r.match_several_municipalities is null or r.match_several_municipalities = coalesce(p_several, false)) then
      network_id := r.network_id;
      rule_id := r.id;
      explanation := jsonb_strip_nulls(jsonb_build_object(
        'kind', 'rule',
        'organisationId', case when r.match_organisation_ids is not null then p_organisation_id end,
        'groupIds', case when r.match_group_ids is not null then (
          select to_jsonb(array_agg(g)) from unnest(r.match_group_ids) g where g = any(org_groups)) end,
        'themeId', case when r.match_theme_ids is not null then p_theme_id end,
        'serviceAreaIds', case when r.match_service_area_ids is not null then (
          select to_jsonb(array_agg(s)) from unnest(r.match_service_area_ids) s where s = any(p_service_area_ids)) end,
        'several', case when r.match_several_municipalities then true end
      ));
      return next;
      return;
    end if;
  end loop;
  return query
    select o.fallback_network_id, null::uuid, jsonb_build_object('kind', 'fallback', 'organisationId', o.id)
    from public.organisations o
    where o.id = p_organisation_id and o.fallback_network_id is not null;
end $$;
grant execute on function public.route_idea(uuid, uuid, uuid[], boolean) to authenticated;

-- Numbering and routing are decided by the database, whatever the client sent.
create or replace function app_private.prepare_new_idea() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  routed record;
  unknown_area uuid;
begin
  select s into unknown_area from unnest(new.service_area_ids) s
  where not exists (select 1 from public.service_areas a where a.id = s) limit 1;
  if unknown_area is not null then
    raise exception 'unknown service area %', unknown_area using errcode = '23503';
  end if;
  select * into routed from public.route_idea(new.organisation_id, new.theme_id, new.service_area_ids, new.relevant_for_several);
  if routed.network_id is null then
    raise exception 'no network accepts ideas from this organisation' using errcode = 'P0001', hint = 'idea_unroutable';
  end if;
  if new.network_id is distinct from routed.network_id then
    raise exception 'routing changed while submitting' using errcode = '40001';
  end if;
  new.routing_rule_id := routed.rule_id;
  new.routing_explanation := routed.explanation;
  new.status := 'received';
  new.submitted_at := now();
  new.year := extract(year from now() at time zone 'Europe/Oslo')::integer;
  new.number := app_private.next_idea_number(new.year);
  new.public_id := format('IDE-%s-%s', new.year, lpad(new.number::text, 4, '0'));
  return new;
end $$;
create trigger ideas_prepare before insert on public.ideas
  for each row execute function app_private.prepare_new_idea();

-- A submitter may edit until triage starts and withdraw while the idea is open; network fields are the
-- network's. Network members and admins are governed by their own operations (issue 4).
create or replace function app_private.guard_idea_update() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated'
     or app_private.is_platform_admin() or app_private.is_network_member(old.network_id) then
    return new;
  end if;
  if new.id <> old.id or new.public_id <> old.public_id or new.number <> old.number or new.year <> old.year
     or new.network_id <> old.network_id or new.organisation_id <> old.organisation_id
     or new.routing_rule_id is distinct from old.routing_rule_id or new.routing_explanation <> old.routing_explanation
     or new.first_answer_due_at <> old.first_answer_due_at or new.submitted_at <> old.submitted_at
     or new.idempotency_key <> old.idempotency_key then
    raise exception 'not allowed to change these idea fields' using errcode = '42501';
  end if;
  if new.status <> old.status and new.status <> 'withdrawn' then
    raise exception 'a submitter can only withdraw an idea' using errcode = '42501';
  end if;
  if new.status = 'withdrawn' and old.status <> 'withdrawn' then
    if new.withdrawn_reason is null then
      raise exception 'a reason is required to withdraw' using errcode = '23514';
    end if;
    new.withdrawn_at := now();
    return new;
  end if;
  if old.status <> 'received' then
    raise exception 'the idea can no longer be edited: triage has started' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger ideas_guard before update on public.ideas
  for each row execute function app_private.guard_idea_update();

-- The receipt goes out through the outbox in the same transaction as the submission.
create or replace function app_private.enqueue_idea_receipt() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  submitter public.profiles;
begin
  select * into submitter from public.profiles where id = new.submitter_id;
  if submitter.id is not null then
    insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
    values ('idea_receipt', submitter.email, submitter.id, submitter.locale,
            jsonb_build_object('ideaId', new.idea_id), format('idea_receipt:%s:%s', new.idea_id, submitter.id));
  end if;
  if new.on_behalf_of_email is not null then
    insert into public.outbox_messages (kind, recipient_email, locale, payload, idempotency_key)
    values ('idea_receipt', lower(new.on_behalf_of_email), coalesce(submitter.locale, 'nb'),
            jsonb_build_object('ideaId', new.idea_id, 'onBehalf', true),
            format('idea_receipt:%s:%s', new.idea_id, lower(new.on_behalf_of_email)));
  end if;
  return new;
end $$;
create trigger idea_submitters_receipt after insert on public.idea_submitters
  for each row execute function app_private.enqueue_idea_receipt();

grant execute on all functions in schema app_private to authenticated, anon;

-- ----------------------------------------------------------------------------
-- Grants and RLS
-- ----------------------------------------------------------------------------
grant select on public.themes, public.service_areas to anon;
grant select, insert, update, delete on public.themes, public.service_areas, public.routing_rules,
  public.ideas, public.idea_submitters, public.idea_drafts, public.idea_attachments, public.idea_events to authenticated;
revoke all on public.idea_number_counters, public.outbox_messages from anon, authenticated;
grant all on all tables in schema public to service_role;

alter table public.themes enable row level security;
alter table public.service_areas enable row level security;
alter table public.routing_rules enable row level security;
alter table public.idea_number_counters enable row level security;
alter table public.ideas enable row level security;
alter table public.idea_submitters enable row level security;
alter table public.idea_drafts enable row level security;
alter table public.idea_attachments enable row level security;
alter table public.idea_events enable row level security;
alter table public.outbox_messages enable row level security;
-- idea_number_counters and outbox_messages: no policies — reached only through security definer
-- functions and the service path.

create policy themes_select on public.themes for select to anon, authenticated using (true);
create policy themes_insert on public.themes for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy themes_update on public.themes for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy themes_delete on public.themes for delete to authenticated using ((select app_private.is_platform_admin()));

create policy service_areas_select on public.service_areas for select to anon, authenticated using (true);
create policy service_areas_insert on public.service_areas for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy service_areas_update on public.service_areas for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy service_areas_delete on public.service_areas for delete to authenticated using ((select app_private.is_platform_admin()));

create policy routing_rules_select on public.routing_rules for select to authenticated using (true);
create policy routing_rules_insert on public.routing_rules for insert to authenticated with check ((select app_private.is_platform_admin()));
create policy routing_rules_update on public.routing_rules for update to authenticated using ((select app_private.is_platform_admin())) with check ((select app_private.is_platform_admin()));
create policy routing_rules_delete on public.routing_rules for delete to authenticated using ((select app_private.is_platform_admin()));

-- Ideas: the submitter, the owning network, admins; others by visibility.
create policy ideas_select on public.ideas for select to authenticated using (
  app_private.is_idea_submitter(id)
  or app_private.is_network_member(network_id)
  or (select app_private.is_platform_admin())
  or visibility = 'partners'
  or organisation_id = (select app_private.current_organisation_id())
);
create policy ideas_insert on public.ideas for insert to authenticated with check (
  organisation_id = (select app_private.current_organisation_id())
);
create policy ideas_update on public.ideas for update to authenticated
  using (
    (app_private.is_idea_submitter(id) and status not in ('merged', 'withdrawn', 'not_prioritised', 'new_practice'))
    or app_private.is_network_member(network_id)
    or (select app_private.is_platform_admin())
  )
  with check (
    app_private.is_idea_submitter(id) or app_private.is_network_member(network_id) or (select app_private.is_platform_admin())
  );
create policy ideas_delete on public.ideas for delete to authenticated using ((select app_private.is_platform_admin()));

create policy idea_submitters_select on public.idea_submitters for select to authenticated using (
  submitter_id = (select auth.uid())
  or exists (
    select 1 from public.ideas i where i.id = idea_id
    and (not i.hide_name or app_private.is_network_member(i.network_id) or (select app_private.is_platform_admin()))
  )
);
create policy idea_submitters_insert on public.idea_submitters for insert to authenticated with check (
  -- Only for an idea created in this same transaction (created_at = now() = transaction start).
  submitter_id = (select auth.uid())
  and exists (
    select 1 from public.ideas i
    where i.id = idea_id and i.organisation_id = (select app_private.current_organisation_id()) and i.created_at = now()
  )
);
create policy idea_submitters_update on public.idea_submitters for update to authenticated using (false);
create policy idea_submitters_delete on public.idea_submitters for delete to authenticated using (false);

create policy idea_drafts_select on public.idea_drafts for select to authenticated using (owner_id = (select auth.uid()));
create policy idea_drafts_insert on public.idea_drafts for insert to authenticated with check (owner_id = (select auth.uid()));
create policy idea_drafts_update on public.idea_drafts for update to authenticated using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy idea_drafts_delete on public.idea_drafts for delete to authenticated using (owner_id = (select auth.uid()));

create policy idea_attachments_select on public.idea_attachments for select to authenticated using (
  owner_id = (select auth.uid())
  or (idea_id is not null and exists (select 1 from public.ideas i where i.id = idea_id))
);
create policy idea_attachments_insert on public.idea_attachments for insert to authenticated with check (
  owner_id = (select auth.uid())
  and (draft_id is null or exists (select 1 from public.idea_drafts d where d.id = draft_id and d.owner_id = (select auth.uid())))
  and (idea_id is null or (app_private.is_idea_submitter(idea_id)
       and exists (select 1 from public.ideas i where i.id = idea_id and i.status = 'received')))
);
create policy idea_attachments_update on public.idea_attachments for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()) and (idea_id is null or app_private.is_idea_submitter(idea_id)));
create policy idea_attachments_delete on public.idea_attachments for delete to authenticated using (
  owner_id = (select auth.uid())
  and (idea_id is null or exists (select 1 from public.ideas i where i.id = idea_id and i.status = 'received'))
);

create policy idea_events_select on public.idea_events for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
);
create policy idea_events_insert on public.idea_events for insert to authenticated with check (
  actor_id = (select auth.uid())
  and (app_private.is_idea_submitter(idea_id) or exists (
    select 1 from public.ideas i where i.id = idea_id and app_private.is_network_member(i.network_id)))
);
-- The timeline is append-only.
create policy idea_events_update on public.idea_events for update to authenticated using (false);
create policy idea_events_delete on public.idea_events for delete to authenticated using (false);

-- ----------------------------------------------------------------------------
-- Reference data every installation starts with (admins can change it later)
-- ----------------------------------------------------------------------------
insert into public.themes (slug, name_nb, name_nn, name_en, sort_order) values
  ('trygghetsskapende-teknologi', 'Trygghetsskapende teknologi (trygghetsalarm, sensorer, GPS, dørlåser)', 'Tryggleiksskapande teknologi (tryggleiksalarm, sensorar, GPS, dørlåsar)', 'Safety technology (alarms, sensors, GPS, door locks)', 10),
  ('mestringsteknologi', 'Mestringsteknologi (digitale kalendere, medisindispensere, treningsapper)', 'Meistringsteknologi (digitale kalendrar, medisindispenserar, treningsappar)', 'Coping technology (digital calendars, medicine dispensers, exercise apps)', 20),
  ('digital-hjemmeoppfolging', 'Digital hjemmeoppfølging (DHO) og behandlingsteknologi', 'Digital heimeoppfølging (DHO) og behandlingsteknologi', 'Digital home follow-up and treatment technology', 30),
  ('velvaereteknologi', 'Velværeteknologi og smarthus', 'Velværeteknologi og smarthus', 'Wellbeing technology and smart homes', 40),
  ('e-helse-fagsystem', 'E-helse og fagsystemer (journal, meldingsutveksling)', 'E-helse og fagsystem (journal, meldingsutveksling)', 'E-health and clinical systems (records, messaging)', 50),
  ('bedre-bruk-av-eksisterende', 'Bedre bruk av systemer vi allerede har', 'Betre bruk av system vi allereie har', 'Better use of systems we already have', 60),
  ('kompetanse-og-opplaering', 'Kompetanse og opplæring', 'Kompetanse og opplæring', 'Skills and training', 70),
  ('rutiner-og-organisering', 'Rutiner og organisering', 'Rutinar og organisering', 'Routines and organisation', 80);

insert into public.service_areas (slug, name_nb, name_nn, name_en, sort_order) values
  ('hjemmetjenester', 'Hjemmetjenester (hjemmesykepleie, praktisk bistand)', 'Heimetenester (heimesjukepleie, praktisk bistand)', 'Home care services', 10),
  ('sykehjem', 'Sykehjem og institusjonstjenester', 'Sjukeheim og institusjonstenester', 'Nursing homes and institutions', 20),
  ('nedsatt-funksjonsevne', 'Tjenester for personer med nedsatt funksjonsevne', 'Tenester for personar med nedsett funksjonsevne', 'Services for people with disabilities', 30),
  ('rehabilitering', 'Rehabilitering og habilitering', 'Rehabilitering og habilitering', 'Rehabilitation and habilitation', 40),
  ('psykisk-helse-rus', 'Psykisk helse og rus', 'Psykisk helse og rus', 'Mental health and substance use', 50),
  ('barn-og-unge', 'Helsetjenester for barn og unge', 'Helsetenester for barn og unge', 'Health services for children and young people', 60),
  ('lege-og-legevakt', 'Legetjenester og legevakt', 'Legetenester og legevakt', 'Doctors and emergency clinic', 70);
