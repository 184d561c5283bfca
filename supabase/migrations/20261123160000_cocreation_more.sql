-- ============================================================================
-- Co-creation, part 2 (issue 5, items 5–8): co-creators (medskapere), merging duplicates,
-- adopting an idea whose submitter has left, and the read models the idea page needs.
-- Moves, timeline entries and notifications happen in the same transaction as the change.
-- ============================================================================

alter table public.idea_events drop constraint if exists idea_events_kind_check;
alter table public.idea_events add constraint idea_events_kind_check check (kind in (
  'submitted', 'edited', 'withdrawn', 'status_changed', 'answered', 'assigned', 'transferred', 'note',
  'merged_in', 'cocreator_joined', 'contact_taken_over'
));

-- ----------------------------------------------------------------------------
-- When an account is deleted (the profile row goes): the idea stays, without a contact person
-- ----------------------------------------------------------------------------
-- idea_submitters.submitter_id is already "on delete set null". The departed person's name goes
-- with the account; the idea page shows "tidligere ansatt" while submitter_id is null.
create or replace function app_private.forget_departed_submitter() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if old.submitter_id is not null and new.submitter_id is null then
    new.display_name := '';
  end if;
  return new;
end $$;
create trigger idea_submitters_forget_departed before update of submitter_id on public.idea_submitters
  for each row execute function app_private.forget_departed_submitter();

-- An idea's attachments stay with the idea when whoever uploaded them leaves.
alter table public.idea_attachments alter column owner_id drop not null;
alter table public.idea_attachments drop constraint if exists idea_attachments_owner_id_fkey;
alter table public.idea_attachments add constraint idea_attachments_owner_id_fkey
  foreign key (owner_id) references public.profiles(id) on delete set null;

-- ----------------------------------------------------------------------------
-- Notifications for one person: in-app always; an e-mail through 'notification_email' when
-- their preference is 'immediate' (or always, for news about their own idea).
-- ----------------------------------------------------------------------------
create or replace function app_private.notify_profile(
  recipient uuid, notification_kind text, target_idea uuid, key text, notification_values jsonb, target_link text,
  always_email boolean default false
) returns void
  language plpgsql volatile security definer set search_path = '' as $$
declare
  p record;
  notification uuid;
begin
  select pr.id, pr.email, pr.locale, coalesce(np.email_mode, 'immediate') as email_mode into p
  from public.profiles pr left join public.notification_preferences np on np.profile_id = pr.id
  where pr.id = recipient;
  if p.id is null then
    return;
  end if;
  notification := app_private.create_notification(p.id, notification_kind, target_idea, key, notification_values, target_link);
  if always_email or p.email_mode = 'immediate' then
    insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
    values ('notification_email', p.email, p.id, p.locale, jsonb_build_object('notificationId', notification),
            format('notification:%s', notification))
    on conflict (idempotency_key) do nothing;
  end if;
end $$;
revoke execute on function app_private.notify_profile(uuid, text, uuid, text, jsonb, text, boolean) from public, anon, authenticated;

-- ----------------------------------------------------------------------------
-- Co-creators: someone asks to join (the submitter answers) or the submitter invites a known
-- user (the invitee answers). Accepted co-creators are listed, follow the idea and may edit it
-- while it is still 'received'.
-- ----------------------------------------------------------------------------
create table public.idea_cocreators (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  profile_id uuid not null references public.profiles(id) on delete cascade,
  kind text not null check (kind in ('request', 'invitation')),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  message text check (message is null or length(message) between 1 and 500),
  invited_by uuid references public.profiles(id) on delete set null,
  created_at timestamptz not null default now(),
  responded_at timestamptz,
  unique (idea_id, profile_id)
);
create index idea_cocreators_profile_idx on public.idea_cocreators (profile_id);

create or replace function app_private.is_idea_cocreator(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.idea_cocreators c
    where c.idea_id = target and c.profile_id = (select auth.uid()) and c.status = 'accepted'
  )
$$;

-- The id of a known user the submitter invites by e-mail; null for anyone else's idea.
create or replace function app_private.invitee_profile_id(target uuid, invitee_email text) returns uuid
  language sql stable security definer set search_path = '' as $$
  select p.id from public.profiles p
  where app_private.is_idea_submitter(target) and p.email = lower(btrim(invitee_email))
$$;

create or replace function app_private.prepare_idea_cocreator() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
begin
  select * into idea from public.ideas where id = new.idea_id;
  if idea.id is null or not app_private.profile_can_see_idea(coalesce((select auth.uid()), new.profile_id), new.idea_id) then
    raise exception 'unknown idea' using errcode = '23503', hint = 'idea_not_found';
  end if;
  if app_private.is_closed_status(idea.status) then
    raise exception 'the idea is closed' using errcode = '23514', hint = 'idea_closed';
  end if;
  if exists (select 1 from public.idea_submitters s where s.idea_id = new.idea_id and s.submitter_id = new.profile_id) then
    raise exception 'the submitter is not a co-creator' using errcode = '23514', hint = 'cocreator_is_submitter';
  end if;
  if not app_private.profile_can_see_idea(new.profile_id, new.idea_id) then
    raise exception 'the person cannot see the idea' using errcode = '23514', hint = 'cocreator_cannot_see';
  end if;
  if (select auth.role()) = 'authenticated' then
    if new.kind = 'request' then
      if new.profile_id is distinct from (select auth.uid()) then
        raise exception 'you can only ask for yourself' using errcode = '42501', hint = 'not_allowed';
      end if;
      new.invited_by := null;
    else
      if not app_private.is_idea_submitter(new.idea_id) then
        raise exception 'only the submitter invites' using errcode = '42501', hint = 'not_allowed';
      end if;
      new.invited_by := (select auth.uid());
    end if;
  end if;
  new.status := 'pending';
  new.responded_at := null;
  new.created_at := now();
  return new;
end $$;
create trigger idea_cocreators_prepare before insert on public.idea_cocreators
  for each row execute function app_private.prepare_idea_cocreator();

-- Only the answer moves: a request is answered by the submitter, an invitation by the invitee.
create or replace function app_private.guard_idea_cocreator() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if (new.id, new.idea_id, new.profile_id, new.kind, new.message, new.invited_by, new.created_at)
     is distinct from (old.id, old.idea_id, old.profile_id, old.kind, old.message, old.invited_by, old.created_at) then
    raise exception 'only the answer can change' using errcode = '42501', hint = 'not_allowed';
  end if;
  if new.status is distinct from old.status then
    if old.status <> 'pending' or new.status not in ('accepted', 'declined') then
      raise exception 'already answered' using errcode = '23514', hint = 'cocreator_already_answered';
    end if;
    if (select auth.role()) = 'authenticated' and not (
      (old.kind = 'request' and app_private.is_idea_submitter(old.idea_id))
      or (old.kind = 'invitation' and old.profile_id = (select auth.uid()))
    ) then
      raise exception 'not yours to answer' using errcode = '42501', hint = 'not_allowed';
    end if;
    new.responded_at := now();
  end if;
  return new;
end $$;
create trigger idea_cocreators_guard before update on public.idea_cocreators
  for each row execute function app_private.guard_idea_cocreator();

create or replace function app_private.notify_idea_cocreator() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  person text;
  submitter uuid;
  vals jsonb;
  link text;
begin
  select * into idea from public.ideas where id = new.idea_id;
  select full_name into person from public.profiles where id = new.profile_id;
  select s.submitter_id into submitter from public.idea_submitters s where s.idea_id = new.idea_id;
  vals := jsonb_build_object('name', coalesce(person, ''), 'title', idea.title, 'publicId', idea.public_id);
  link := format('/ideer/%s#cocreators', idea.public_id);
  if tg_op = 'INSERT' then
    if new.kind = 'request' and submitter is not null then
      perform app_private.notify_profile(submitter, 'cocreator_requested', idea.id,
        'cocreation:notifications.cocreator_requested', vals, link, true);
    elsif new.kind = 'invitation' then
      select full_name into person from public.profiles where id = new.invited_by;
      perform app_private.notify_profile(new.profile_id, 'cocreator_invited', idea.id,
        'cocreation:notifications.cocreator_invited', vals || jsonb_build_object('name', coalesce(person, '')), link, true);
    end if;
    return new;
  end if;
  if new.status = 'accepted' and old.status <> 'accepted' then
    insert into public.idea_follows (idea_id, profile_id) values (new.idea_id, new.profile_id) on conflict do nothing;
    insert into public.idea_events (idea_id, kind, actor_id, data)
    values (new.idea_id, 'cocreator_joined', (select auth.uid()), jsonb_build_object('profileId', new.profile_id, 'name', coalesce(person, '')));
    if new.kind = 'request' then
      perform app_private.notify_profile(new.profile_id, 'cocreator_accepted', idea.id,
        'cocreation:notifications.cocreator_accepted', vals, link, true);
    elsif submitter is not null then
      perform app_private.notify_profile(submitter, 'cocreator_joined', idea.id,
        'cocreation:notifications.cocreator_joined', vals, link, true);
    end if;
  end if;
  return new;
end $$;
create trigger idea_cocreators_notify after insert or update of status on public.idea_cocreators
  for each row execute function app_private.notify_idea_cocreator();

-- Co-creators as the reader may see them. Names of people in other organisations are shown
-- (profiles_select would hide them): joining an idea is taking part in public there. Pending
-- and declined rows only for the idea's submitter, the person concerned and the network.
create or replace function public.idea_cocreator_view(target_idea uuid)
  returns table (
    id uuid, profile_id uuid, full_name text, organisation_name text, kind text, status text,
    message text, created_at timestamptz
  )
  language sql stable security definer set search_path = '' as $$
  select c.id, c.profile_id, p.full_name, o.name, c.kind, c.status,
         case when c.profile_id = (select auth.uid()) or app_private.is_idea_submitter(c.idea_id) then c.message end,
         c.created_at
  from public.idea_cocreators c
  join public.profiles p on p.id = c.profile_id
  join public.organisations o on o.id = p.organisation_id
  where c.idea_id = target_idea
    and app_private.can_see_idea(target_idea)
    and (c.status = 'accepted'
         or c.profile_id = (select auth.uid())
         or app_private.is_idea_submitter(c.idea_id)
         or app_private.is_idea_network_member(c.idea_id)
         or app_private.is_platform_admin())
  order by c.created_at, c.id
$$;
revoke execute on function public.idea_cocreator_view(uuid) from public, anon;
grant execute on function public.idea_cocreator_view(uuid) to authenticated, service_role;

-- Supporters by organisation: counts only, for whoever can see the idea.
create or replace function public.idea_support_summary(target_idea uuid)
  returns table (organisation_name text, supporters integer)
  language sql stable security definer set search_path = '' as $$
  select o.name, count(*)::integer
  from public.idea_supports s
  join public.profiles p on p.id = s.profile_id
  join public.organisations o on o.id = p.organisation_id
  where s.idea_id = target_idea and app_private.can_see_idea(target_idea)
  group by o.name
  order by count(*) desc, o.name
$$;
revoke execute on function public.idea_support_summary(uuid) from public, anon;
grant execute on function public.idea_support_summary(uuid) to authenticated, service_role;

-- ----------------------------------------------------------------------------
-- Editing: co-creators may edit while the idea is 'received'; never its status, visibility or
-- whether the submitter's name is shown.
-- ----------------------------------------------------------------------------
create or replace function app_private.guard_idea_cocreator_edit() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated'
     or app_private.is_platform_admin() or app_private.is_network_member(old.network_id)
     or app_private.is_idea_submitter(old.id) then
    return new;
  end if;
  if new.status <> old.status or new.visibility <> old.visibility or new.hide_name <> old.hide_name then
    raise exception 'a co-creator cannot change status, visibility or the name setting' using errcode = '42501';
  end if;
  if old.status <> 'received' then
    raise exception 'the idea can no longer be edited: triage has started' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger ideas_guard_cocreator before update on public.ideas
  for each row execute function app_private.guard_idea_cocreator_edit();

drop policy if exists ideas_update on public.ideas;
create policy ideas_update on public.ideas for update to authenticated
  using (
    (app_private.is_idea_submitter(id) and status not in ('merged', 'withdrawn', 'not_prioritised', 'new_practice'))
    or (app_private.is_idea_cocreator(id) and status = 'received')
    or app_private.is_network_member(network_id)
    or (select app_private.is_platform_admin())
  )
  with check (
    app_private.is_idea_submitter(id) or app_private.is_idea_cocreator(id)
    or app_private.is_network_member(network_id) or (select app_private.is_platform_admin())
  );

drop policy if exists idea_events_insert on public.idea_events;
create policy idea_events_insert on public.idea_events for insert to authenticated with check (
  actor_id = (select auth.uid())
  and (app_private.is_idea_submitter(idea_id) or app_private.is_idea_cocreator(idea_id) or exists (
    select 1 from public.ideas i where i.id = idea_id and app_private.is_network_member(i.network_id)))
);

-- ----------------------------------------------------------------------------
-- Merging A into B (an answer with to_status 'merged'): supporters, "same need" signals and
-- followers move to B without double counting; A's organisation counts as having the same need;
-- B's timeline says so and B's submitter is told (A's submitter gets the written answer).
-- ----------------------------------------------------------------------------
create or replace function app_private.move_merged_idea() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  a public.ideas;
  b public.ideas;
  a_submitter uuid;
  b_submitter uuid;
begin
  if new.to_status <> 'merged' or new.merged_into_id is null then
    return new;
  end if;
  select * into a from public.ideas where id = new.idea_id;
  select * into b from public.ideas where id = new.merged_into_id;
  select submitter_id into a_submitter from public.idea_submitters where idea_id = a.id;
  select submitter_id into b_submitter from public.idea_submitters where idea_id = b.id;

  insert into public.idea_supports (idea_id, profile_id, created_at)
  select b.id, s.profile_id, s.created_at from public.idea_supports s
  where s.idea_id = a.id and s.profile_id is distinct from b_submitter
  on conflict (idea_id, profile_id) do nothing;
  delete from public.idea_supports where idea_id = a.id;

  insert into public.idea_same_need (idea_id, organisation_id, profile_id, note, created_at)
  select b.id, n.organisation_id, n.profile_id, n.note, n.created_at from public.idea_same_need n
  where n.idea_id = a.id and n.organisation_id <> b.organisation_id
  on conflict (idea_id, organisation_id) do nothing;
  delete from public.idea_same_need where idea_id = a.id;
  if a.organisation_id <> b.organisation_id then
    insert into public.idea_same_need (idea_id, organisation_id, profile_id)
    values (b.id, a.organisation_id, a_submitter)
    on conflict (idea_id, organisation_id) do nothing;
  end if;

  -- Followers who cannot see B (a private idea of another organisation) are not moved.
  insert into public.idea_follows (idea_id, profile_id, created_at)
  select b.id, f.profile_id, f.created_at from public.idea_follows f
  where f.idea_id = a.id and app_private.profile_can_see_idea(f.profile_id, b.id)
  on conflict (idea_id, profile_id) do nothing;
  delete from public.idea_follows where idea_id = a.id;

  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (b.id, 'merged_in', new.author_id,
          jsonb_build_object('fromIdeaId', a.id, 'fromPublicId', a.public_id, 'answerId', new.id));

  if b_submitter is not null and b_submitter is distinct from new.author_id then
    perform app_private.notify_profile(b_submitter, 'idea_merged_in', b.id,
      case when app_private.profile_can_see_idea(b_submitter, a.id)
           then 'cocreation:notifications.idea_merged_in' else 'cocreation:notifications.idea_merged_in_private' end,
      jsonb_build_object('title', b.title, 'publicId', b.public_id,
        'fromTitle', case when app_private.profile_can_see_idea(b_submitter, a.id) then a.title else '' end,
        'fromPublicId', case when app_private.profile_can_see_idea(b_submitter, a.id) then a.public_id else '' end),
      '/ideer/' || b.public_id, true);
  end if;
  return new;
end $$;
-- After idea_answers_apply (after-triggers fire in name order), so A is already 'merged'.
create trigger idea_answers_merge after insert on public.idea_answers
  for each row execute function app_private.move_merged_idea();

-- ----------------------------------------------------------------------------
-- Adopting an idea whose submitter has left: a colleague in the idea's organisation becomes
-- the contact person (answers go to them; they may edit and withdraw as the submitter could).
-- ----------------------------------------------------------------------------
create or replace function public.take_over_idea_contact(target_idea uuid) returns void
  language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.profiles;
  idea public.ideas;
begin
  select * into me from public.profiles where id = (select auth.uid());
  select * into idea from public.ideas where id = target_idea for update;
  if me.id is null or idea.id is null or not app_private.can_see_idea(target_idea) then
    raise exception 'unknown idea' using errcode = '23503', hint = 'idea_not_found';
  end if;
  if idea.organisation_id <> me.organisation_id then
    raise exception 'only colleagues in the idea''s organisation' using errcode = '42501', hint = 'contact_other_organisation';
  end if;
  if idea.status in ('merged', 'withdrawn') then
    raise exception 'the idea is closed' using errcode = '23514', hint = 'idea_closed';
  end if;
  update public.idea_submitters set submitter_id = me.id, display_name = me.full_name
  where idea_id = target_idea and submitter_id is null;
  if not found then
    raise exception 'the idea has a contact person' using errcode = '23514', hint = 'contact_not_vacant';
  end if;
  delete from public.idea_cocreators where idea_id = target_idea and profile_id = me.id;
  insert into public.idea_follows (idea_id, profile_id) values (target_idea, me.id) on conflict do nothing;
  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (target_idea, 'contact_taken_over', me.id, jsonb_build_object('name', me.full_name));
end $$;
revoke execute on function public.take_over_idea_contact(uuid) from public, anon;
grant execute on function public.take_over_idea_contact(uuid) to authenticated;

revoke execute on function app_private.forget_departed_submitter(), app_private.prepare_idea_cocreator(),
  app_private.guard_idea_cocreator(), app_private.notify_idea_cocreator(), app_private.guard_idea_cocreator_edit(),
  app_private.move_merged_idea() from public, anon, authenticated;
grant execute on function app_private.is_idea_cocreator(uuid), app_private.invitee_profile_id(uuid, text) to authenticated;

-- ----------------------------------------------------------------------------
-- Grants and row-level security
-- ----------------------------------------------------------------------------
revoke all on public.idea_cocreators from anon, authenticated;
grant select, insert, delete on public.idea_cocreators to authenticated;
grant update (status) on public.idea_cocreators to authenticated;
grant all on public.idea_cocreators to service_role;
alter table public.idea_cocreators enable row level security;

create policy idea_cocreators_select on public.idea_cocreators for select to authenticated using (
  app_private.can_see_idea(idea_id)
  and (status = 'accepted' or profile_id = (select auth.uid()) or app_private.is_idea_submitter(idea_id)
       or app_private.is_idea_network_member(idea_id) or (select app_private.is_platform_admin()))
);
create policy idea_cocreators_insert on public.idea_cocreators for insert to authenticated with check (
  app_private.can_see_idea(idea_id)
  and ((kind = 'request' and profile_id = (select auth.uid()))
       or (kind = 'invitation' and app_private.is_idea_submitter(idea_id)))
);
create policy idea_cocreators_update on public.idea_cocreators for update to authenticated
  using (profile_id = (select auth.uid()) or app_private.is_idea_submitter(idea_id))
  with check (profile_id = (select auth.uid()) or app_private.is_idea_submitter(idea_id));
-- Withdraw your request, leave, or (the submitter) remove a co-creator.
create policy idea_cocreators_delete on public.idea_cocreators for delete to authenticated using (
  profile_id = (select auth.uid()) or app_private.is_idea_submitter(idea_id)
);
