-- ============================================================================
-- Success stories (issue 6): a story with documented benefits (gevinster), written from an idea
-- in Ny praksis or stand-alone, reviewed and published by a coordinator of the network that the
-- normal routing rules pick, shared with the own organisation, all partners or the public, and
-- reused ("Vi vil prøve dette") as a linked idea in the reader's own organisation.
-- Status changes, their rules and their notifications are the database's job (guard + triggers).
-- ============================================================================

create type public.story_status as enum ('draft', 'ready_for_review', 'returned', 'published', 'unpublished');
create type public.story_visibility as enum ('organisation', 'partners', 'public');

-- ----------------------------------------------------------------------------
-- Stories
-- ----------------------------------------------------------------------------
create table public.stories (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{2,118}[a-z0-9]$'),
  status public.story_status not null default 'draft',
  visibility public.story_visibility not null default 'partners',
  organisation_id uuid not null references public.organisations(id),
  -- Who reviews and publishes: decided by the database (the idea's network, or route_idea()).
  network_id uuid not null references public.networks(id),
  idea_id uuid references public.ideas(id) on delete set null,
  author_id uuid references public.profiles(id) on delete set null default auth.uid(),
  title text not null check (length(title) between 5 and 140),
  summary text not null check (length(summary) between 20 and 600),
  body_json jsonb not null,
  body_html text not null,
  body_text text not null check (length(body_text) <= 20000),
  what_changed text not null check (length(what_changed) between 10 and 4000),
  stopped_doing text check (stopped_doing is null or length(stopped_doing) <= 2000),
  unplanned_benefits text check (unplanned_benefits is null or length(unplanned_benefits) <= 2000),
  success_factors text check (success_factors is null or length(success_factors) <= 2000),
  costs text check (costs is null or length(costs) <= 2000),
  theme_id uuid not null references public.themes(id),
  service_area_ids uuid[] not null check (cardinality(service_area_ids) between 1 and 7),
  contact_profile_id uuid references public.profiles(id) on delete set null,
  -- Published with the story on purpose: readers in other organisations cannot see the profile.
  contact_name text not null check (length(contact_name) between 1 and 200),
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  review_comment text check (review_comment is null or length(review_comment) between 3 and 2000),
  unpublished_reason text check (unpublished_reason is null or length(unpublished_reason) between 3 and 1000),
  submitted_at timestamptz,
  published_at timestamptz,
  first_published_at timestamptz,
  published_by uuid references public.profiles(id) on delete set null,
  reviewed_by uuid references public.profiles(id) on delete set null,
  unpublished_at timestamptz,
  search_vector tsvector generated always as (
    setweight(to_tsvector('norwegian', coalesce(title, '')), 'A')
    || setweight(to_tsvector('norwegian', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('norwegian', coalesce(body_text, '') || ' ' || coalesce(what_changed, '')), 'C')
    || setweight(to_tsvector('norwegian', coalesce(stopped_doing, '') || ' ' || coalesce(success_factors, '') || ' ' || coalesce(unplanned_benefits, '')), 'D')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index stories_status_published_idx on public.stories (status, published_at desc);
create index stories_organisation_idx on public.stories (organisation_id);
create index stories_network_idx on public.stories (network_id, status);
create index stories_idea_idx on public.stories (idea_id);
create index stories_author_idx on public.stories (author_id, updated_at desc);
create index stories_search_idx on public.stories using gin (search_vector);
create trigger stories_touch before update on public.stories
  for each row execute function app_private.touch_updated_at();

-- Organisations involved (the owning organisation is always one of them).
create table public.story_organisations (
  story_id uuid not null references public.stories(id) on delete cascade,
  organisation_id uuid not null references public.organisations(id) on delete cascade,
  primary key (story_id, organisation_id)
);
create index story_organisations_org_idx on public.story_organisations (organisation_id);

-- Measured benefits: one row per indicator, with a baseline (nullpunkt) and an after-measurement.
-- Counts, distances, durations and percentages cannot be negative; kroner and score points can.
create table public.story_benefits (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories(id) on delete cascade,
  position integer not null check (position between 0 and 19),
  indicator text not null check (length(btrim(indicator)) between 3 and 120),
  unit text not null check (unit in ('km', 'hours', 'minutes', 'count', 'percent', 'nok', 'points')),
  baseline numeric(14, 2) not null,
  after numeric(14, 2) not null,
  period text check (period is null or length(period) between 1 and 120),
  category text not null check (category in ('patient_safety', 'time_saved', 'quality', 'independence', 'relatives_safety',
    'staff_wellbeing', 'economy', 'health', 'fewer_falls', 'less_driving')),
  unique (story_id, position),
  constraint story_benefits_sign check (unit in ('nok', 'points') or (baseline >= 0 and after >= 0)),
  constraint story_benefits_percent check (unit <> 'percent' or (baseline <= 100 and after <= 100))
);
create index story_benefits_category_idx on public.story_benefits (category);

create table public.story_images (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories(id) on delete cascade,
  position integer not null check (position between 0 and 5),
  alt_text text not null check (length(btrim(alt_text)) between 3 and 300),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes between 1 and 5242880),
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index story_images_story_idx on public.story_images (story_id, position);

-- "Vi vil prøve dette": one linked idea per organisation and story.
create table public.story_trials (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories(id) on delete cascade,
  organisation_id uuid not null references public.organisations(id) on delete cascade,
  idea_id uuid references public.ideas(id) on delete set null,
  profile_id uuid references public.profiles(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (story_id, organisation_id)
);
create index story_trials_organisation_idx on public.story_trials (organisation_id);

-- ----------------------------------------------------------------------------
-- Helpers
-- ----------------------------------------------------------------------------
create or replace function app_private.is_story_author(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.stories where id = target and author_id = (select auth.uid()))
$$;

-- Whether a person (not the caller) may read a story: notifications must not leak a story.
create or replace function app_private.profile_can_see_story(target_profile uuid, target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.stories s join public.profiles p on p.id = target_profile
    where s.id = target
      and (s.author_id = p.id
           or p.platform_role = 'admin'
           or (s.status <> 'draft' and exists (select 1 from public.network_members m where m.network_id = s.network_id and m.profile_id = p.id))
           or (s.status = 'published' and (s.visibility <> 'organisation' or s.organisation_id = p.organisation_id)))
  )
$$;

-- A story about an idea: the idea has reached Ny praksis, and the writer submitted it, works in its
-- organisation or belongs to its network.
create or replace function app_private.can_write_story_about_idea(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.ideas i
    where i.id = target and i.status = 'new_practice'
      and (app_private.is_idea_submitter(i.id)
           or app_private.is_idea_cocreator(i.id)
           or i.organisation_id = app_private.current_organisation_id()
           or app_private.is_network_member(i.network_id)
           or app_private.is_platform_admin())
  )
$$;

-- Which network reviews a story: the idea's, otherwise the normal routing rules.
create or replace function app_private.story_review_network(
  p_idea uuid, p_organisation uuid, p_theme uuid, p_areas uuid[], p_several boolean
) returns uuid
  language plpgsql stable security definer set search_path = '' as $$
declare
  found uuid;
begin
  if p_idea is not null then
    select network_id into found from public.ideas where id = p_idea;
    if found is not null then
      return found;
    end if;
  end if;
  select r.network_id into found from public.route_idea(p_organisation, p_theme, p_areas, p_several) r;
  return found;
end $$;

create or replace function app_private.prepare_new_story() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if new.idea_id is not null and (select auth.role()) = 'authenticated' and not app_private.can_write_story_about_idea(new.idea_id) then
    raise exception 'a story can only be written about an idea in new practice that you may see' using errcode = '42501', hint = 'story_idea_not_allowed';
  end if;
  new.network_id := app_private.story_review_network(new.idea_id, new.organisation_id, new.theme_id, new.service_area_ids, false);
  if new.network_id is null then
    raise exception 'no network reviews stories from this organisation' using errcode = 'P0001', hint = 'story_unroutable';
  end if;
  if (select auth.role()) = 'authenticated' then
    new.status := 'draft';
    new.published_at := null;
    new.first_published_at := null;
    new.published_by := null;
    new.reviewed_by := null;
    new.submitted_at := null;
    new.unpublished_at := null;
  end if;
  return new;
end $$;
create trigger stories_prepare before insert on public.stories
  for each row execute function app_private.prepare_new_story();

create or replace function app_private.fill_story_contact() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  contact public.profiles;
begin
  if new.contact_profile_id is not null then
    select * into contact from public.profiles where id = new.contact_profile_id;
    if contact.id is null then
      raise exception 'unknown contact person' using errcode = '23503', hint = 'story_contact_unknown';
    end if;
    new.contact_name := contact.full_name;
    new.contact_email := contact.email;
  end if;
  return new;
end $$;
create trigger stories_contact before insert or update of contact_profile_id on public.stories
  for each row execute function app_private.fill_story_contact();

-- The workflow. Authors write and send for review; coordinators of the reviewing network (and
-- platform admins) publish, return with a comment, or unpublish with a reason. Authors may also
-- take their own story down (with a reason). The service path (seed, jobs) is not guarded.
create or replace function app_private.guard_story_update() returns trigger
  language plpgsql set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  is_author boolean := old.author_id is not distinct from me;
  is_reviewer boolean := app_private.is_network_coordinator(old.network_id) or app_private.is_platform_admin();
  content_changed boolean := (new.title, new.summary, new.body_json, new.body_html, new.body_text, new.what_changed,
    new.stopped_doing, new.unplanned_benefits, new.success_factors, new.costs, new.theme_id, new.service_area_ids,
    new.contact_profile_id, new.contact_name, new.contact_email, new.visibility)
    is distinct from (old.title, old.summary, old.body_json, old.body_html, old.body_text, old.what_changed,
    old.stopped_doing, old.unplanned_benefits, old.success_factors, old.costs, old.theme_id, old.service_area_ids,
    old.contact_profile_id, old.contact_name, old.contact_email, old.visibility);
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return new;
  end if;
  if (new.id, new.slug, new.organisation_id, new.author_id, new.idea_id, new.created_at, new.network_id)
     is distinct from (old.id, old.slug, old.organisation_id, old.author_id, old.idea_id, old.created_at, old.network_id) then
    raise exception 'not allowed to change these story fields' using errcode = '42501';
  end if;
  if (new.submitted_at, new.published_at, new.first_published_at, new.published_by, new.reviewed_by, new.unpublished_at)
     is distinct from (old.submitted_at, old.published_at, old.first_published_at, old.published_by, old.reviewed_by, old.unpublished_at) then
    raise exception 'the workflow columns are set by the database' using errcode = '42501';
  end if;
  if content_changed then
    if not is_author then
      raise exception 'only the author can change the story' using errcode = '42501', hint = 'story_not_author';
    end if;
    if old.status = 'published' then
      raise exception 'a published story cannot be changed; unpublish it first' using errcode = '42501', hint = 'story_not_editable';
    end if;
  end if;

  if new.status = old.status then
    if new.review_comment is distinct from old.review_comment or new.unpublished_reason is distinct from old.unpublished_reason then
      raise exception 'comments and reasons come with a status change' using errcode = '42501';
    end if;
    return new;
  end if;

  if new.status = 'ready_for_review' and old.status in ('draft', 'returned', 'unpublished') then
    if not is_author then
      raise exception 'only the author can send the story for review' using errcode = '42501', hint = 'story_not_author';
    end if;
    if not exists (select 1 from public.story_benefits b where b.story_id = new.id) then
      raise exception 'a story needs at least one measured benefit' using errcode = '23514', hint = 'story_needs_benefit';
    end if;
    new.network_id := app_private.story_review_network(new.idea_id, new.organisation_id, new.theme_id, new.service_area_ids, false);
    if new.network_id is null then
      raise exception 'no network reviews stories from this organisation' using errcode = 'P0001', hint = 'story_unroutable';
    end if;
    new.submitted_at := now();
    new.review_comment := null;
  elsif new.status = 'draft' and old.status = 'ready_for_review' then
    if not is_author then
      raise exception 'only the author can withdraw the story from review' using errcode = '42501', hint = 'story_not_author';
    end if;
  elsif new.status = 'published' and old.status = 'ready_for_review' then
    if not is_reviewer then
      raise exception 'only a coordinator of the reviewing network can publish' using errcode = '42501', hint = 'story_not_reviewer';
    end if;
    new.published_at := now();
    new.first_published_at := coalesce(old.first_published_at, now());
    new.published_by := me;
    new.reviewed_by := me;
    new.review_comment := null;
    new.unpublished_reason := null;
    new.unpublished_at := null;
  elsif new.status = 'returned' and old.status = 'ready_for_review' then
    if not is_reviewer then
      raise exception 'only a coordinator of the reviewing network can return a story' using errcode = '42501', hint = 'story_not_reviewer';
    end if;
    if new.review_comment is null then
      raise exception 'a comment is required to return a story' using errcode = '23514', hint = 'story_comment_required';
    end if;
    new.reviewed_by := me;
  elsif new.status = 'unpublished' and old.status = 'published' then
    if not (is_reviewer or is_author) then
      raise exception 'only the author or a coordinator can unpublish' using errcode = '42501', hint = 'story_not_reviewer';
    end if;
    if new.unpublished_reason is null then
      raise exception 'a reason is required to unpublish' using errcode = '23514', hint = 'story_reason_required';
    end if;
    new.unpublished_at := now();
  else
    raise exception 'status change % → % is not allowed', old.status, new.status using errcode = '42501', hint = 'story_transition_not_allowed';
  end if;
  return new;
end $$;
create trigger stories_guard before update on public.stories
  for each row execute function app_private.guard_story_update();

-- ----------------------------------------------------------------------------
-- Notifications: app_private.notify_profile (in-app always; e-mail by preference)
-- ----------------------------------------------------------------------------
create or replace function app_private.notify_story_status() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  person record;
  idea_title text;
begin
  if new.status = old.status then
    return new;
  end if;
  if new.status = 'ready_for_review' then
    for person in
      select m.profile_id from public.network_members m
      where m.network_id = new.network_id and m.role = 'coordinator' and m.profile_id is distinct from me
    loop
      perform app_private.create_notification(person.profile_id, 'story_ready_for_review', null,
        'stories:notifications.ready_for_review', jsonb_build_object('title', new.title), '/historier/' || new.slug);
    end loop;
  elsif new.status = 'returned' and new.author_id is distinct from me then
    perform app_private.notify_profile(new.author_id, 'story_returned', null, 'stories:notifications.returned',
      jsonb_build_object('title', new.title, 'comment', new.review_comment), '/historier/' || new.slug);
  elsif new.status = 'unpublished' and new.author_id is distinct from me then
    perform app_private.notify_profile(new.author_id, 'story_unpublished', null, 'stories:notifications.unpublished',
      jsonb_build_object('title', new.title, 'reason', new.unpublished_reason), '/historier/' || new.slug);
  elsif new.status = 'published' then
    if new.author_id is distinct from me then
      perform app_private.notify_profile(new.author_id, 'story_published', null, 'stories:notifications.published_author',
        jsonb_build_object('title', new.title), '/historier/' || new.slug);
    end if;
    -- The people behind the idea are told once, at the first publication.
    if new.idea_id is not null and old.first_published_at is null then
      select title into idea_title from public.ideas where id = new.idea_id;
      for person in
        select distinct x.profile_id from (
          select s.submitter_id as profile_id from public.idea_submitters s where s.idea_id = new.idea_id
          union
          select c.profile_id from public.idea_cocreators c where c.idea_id = new.idea_id and c.status = 'accepted'
          union
          select f.profile_id from public.idea_follows f where f.idea_id = new.idea_id
        ) x
        where x.profile_id is not null
          and x.profile_id is distinct from me
          and x.profile_id is distinct from new.author_id
          and app_private.profile_can_see_story(x.profile_id, new.id)
      loop
        perform app_private.notify_profile(person.profile_id, 'story_about_idea_published', new.idea_id,
          'stories:notifications.about_idea', jsonb_build_object('title', new.title, 'ideaTitle', coalesce(idea_title, '')),
          '/historier/' || new.slug);
      end loop;
    end if;
  end if;
  return new;
end $$;
create trigger stories_notify after update of status on public.stories
  for each row execute function app_private.notify_story_status();

-- The story's contact person hears that another organisation wants to try it.
create or replace function app_private.notify_story_trial() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  story public.stories;
  organisation_name text;
begin
  select * into story from public.stories where id = new.story_id;
  if story.contact_profile_id is null or story.contact_profile_id is not distinct from new.profile_id then
    return new;
  end if;
  select name into organisation_name from public.organisations where id = new.organisation_id;
  perform app_private.notify_profile(story.contact_profile_id, 'story_trial', null, 'stories:notifications.trial',
    jsonb_build_object('title', story.title, 'organisation', coalesce(organisation_name, '')), '/historier/' || story.slug);
  return new;
end $$;
create trigger story_trials_notify after insert on public.story_trials
  for each row execute function app_private.notify_story_trial();

-- The owning organisation is always among the organisations involved.
create or replace function app_private.add_owning_organisation() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  insert into public.story_organisations (story_id, organisation_id) values (new.id, new.organisation_id)
  on conflict do nothing;
  return new;
end $$;
create trigger stories_owning_organisation after insert on public.stories
  for each row execute function app_private.add_owning_organisation();

revoke execute on function app_private.prepare_new_story(), app_private.fill_story_contact(), app_private.guard_story_update(),
  app_private.notify_story_status(), app_private.notify_story_trial(), app_private.add_owning_organisation()
  from public, anon, authenticated;
-- The guard (running as the caller) asks which network reviews a story when it is sent for review.
revoke execute on function app_private.story_review_network(uuid, uuid, uuid, uuid[], boolean) from public, anon;
grant execute on function app_private.story_review_network(uuid, uuid, uuid, uuid[], boolean) to authenticated;
revoke execute on function app_private.profile_can_see_story(uuid, uuid) from public, anon;
grant execute on function app_private.is_story_author(uuid), app_private.can_write_story_about_idea(uuid),
  app_private.profile_can_see_story(uuid, uuid) to authenticated;
grant execute on function app_private.is_story_author(uuid) to anon;

-- Who to credit for a story about an idea: the submitter (unless they asked to hide their name)
-- and the accepted co-creators.
create or replace function public.story_credits(target uuid)
  returns table (name text, role text)
  language sql stable security definer set search_path = '' as $$
  select credit.name, credit.role
  from public.stories st
  join public.ideas i on i.id = st.idea_id
  cross join lateral (
    select s.display_name as name, 'submitter' as role, 0 as sort, s.created_at
    from public.idea_submitters s where s.idea_id = i.id and not i.hide_name
    union all
    select p.full_name, 'cocreator', 1, c.created_at
    from public.idea_cocreators c join public.profiles p on p.id = c.profile_id
    where c.idea_id = i.id and c.status = 'accepted'
  ) credit
  where st.id = target
    -- Only for a story the caller can read (RLS does not apply inside security definer code).
    and ((st.status = 'published' and st.visibility = 'public')
         or ((select auth.role()) = 'authenticated' and app_private.profile_can_see_story((select auth.uid()), st.id)))
  order by credit.sort, credit.created_at
$$;
revoke execute on function public.story_credits(uuid) from public;
grant execute on function public.story_credits(uuid) to anon, authenticated, service_role;

-- ----------------------------------------------------------------------------
-- Grants and row-level security
-- ----------------------------------------------------------------------------
revoke all on public.stories, public.story_organisations, public.story_benefits, public.story_images, public.story_trials from anon, authenticated;
grant select on public.stories, public.story_organisations, public.story_benefits, public.story_images to anon;
grant select (id, story_id, organisation_id, created_at) on public.story_trials to anon;
grant select, insert, update, delete on public.stories, public.story_organisations, public.story_benefits, public.story_images to authenticated;
grant select, insert, delete on public.story_trials to authenticated;
grant all on public.stories, public.story_organisations, public.story_benefits, public.story_images, public.story_trials to service_role;

alter table public.stories enable row level security;
alter table public.story_organisations enable row level security;
alter table public.story_benefits enable row level security;
alter table public.story_images enable row level security;
alter table public.story_trials enable row level security;

-- Anonymous visitors: public, published stories only.
create policy stories_select_anon on public.stories for select to anon using (status = 'published' and visibility = 'public');
create policy stories_select on public.stories for select to authenticated using (
  author_id = (select auth.uid())
  or (select app_private.is_platform_admin())
  or (status <> 'draft' and app_private.is_network_member(network_id))
  or (status = 'published' and (visibility <> 'organisation' or organisation_id = (select app_private.current_organisation_id())))
);
create policy stories_insert on public.stories for insert to authenticated with check (
  author_id = (select auth.uid()) and organisation_id = (select app_private.current_organisation_id())
);
-- Who may change what is the guard trigger's job.
create policy stories_update on public.stories for update to authenticated
  using (
    author_id = (select auth.uid())
    or (select app_private.is_platform_admin())
    or (status <> 'draft' and app_private.is_network_coordinator(network_id))
  )
  with check (
    author_id = (select auth.uid())
    or (select app_private.is_platform_admin())
    or app_private.is_network_coordinator(network_id)
  );
create policy stories_delete on public.stories for delete to authenticated using (
  (author_id = (select auth.uid()) and status in ('draft', 'returned') and first_published_at is null)
  or (select app_private.is_platform_admin())
);

-- Child rows: read with the story; written by its author while it is not published.
create policy story_organisations_select_anon on public.story_organisations for select to anon using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_organisations_select on public.story_organisations for select to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_organisations_insert on public.story_organisations for insert to authenticated with check (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published')
);
create policy story_organisations_update on public.story_organisations for update to authenticated using (false);
create policy story_organisations_delete on public.story_organisations for delete to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published'
          and s.organisation_id <> story_organisations.organisation_id)
);

create policy story_benefits_select_anon on public.story_benefits for select to anon using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_benefits_select on public.story_benefits for select to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_benefits_insert on public.story_benefits for insert to authenticated with check (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published')
);
create policy story_benefits_update on public.story_benefits for update to authenticated
  using (exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published'))
  with check (exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published'));
create policy story_benefits_delete on public.story_benefits for delete to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published')
);

create policy story_images_select_anon on public.story_images for select to anon using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_images_select on public.story_images for select to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_images_insert on public.story_images for insert to authenticated with check (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published')
);
create policy story_images_update on public.story_images for update to authenticated
  using (exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published'))
  with check (exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published'));
create policy story_images_delete on public.story_images for delete to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id and s.author_id = (select auth.uid()) and s.status <> 'published')
);

-- Trials: recorded as yourself, for your own organisation, on another organisation's published
-- story, with an idea of your organisation created in this same transaction.
create policy story_trials_select_anon on public.story_trials for select to anon using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_trials_select on public.story_trials for select to authenticated using (
  exists (select 1 from public.stories s where s.id = story_id)
);
create policy story_trials_insert on public.story_trials for insert to authenticated with check (
  profile_id = (select auth.uid())
  and organisation_id = (select app_private.current_organisation_id())
  and exists (select 1 from public.stories s where s.id = story_id and s.status = 'published' and s.organisation_id <> story_trials.organisation_id)
  and exists (select 1 from public.ideas i where i.id = idea_id and i.organisation_id = story_trials.organisation_id and i.created_at = now())
);
create policy story_trials_update on public.story_trials for update to authenticated using (false);
create policy story_trials_delete on public.story_trials for delete to authenticated using ((select app_private.is_platform_admin()));
