-- ============================================================================
-- Co-creation (issue 5, items 2–4): "Vi har samme behov" per organisation, following an idea,
-- comments with one level of replies, @mentions, and hiding by the idea's network coordinators.
-- Notifications are written by security definer triggers in the same transaction as the change.
-- ============================================================================

-- Whether the signed-in user can see an idea (mirrors ideas_select, for security definer code).
create or replace function app_private.can_see_idea(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.ideas i
    where i.id = target
      and (app_private.is_idea_submitter(i.id)
           or app_private.is_network_member(i.network_id)
           or app_private.is_platform_admin()
           or i.visibility = 'partners'
           or i.organisation_id = app_private.current_organisation_id())
  )
$$;

-- Whether another person can see an idea: a mention or a follower notification must not leak a
-- private idea's title to someone outside its organisation.
create or replace function app_private.profile_can_see_idea(target_profile uuid, target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.ideas i join public.profiles p on p.id = target_profile
    where i.id = target
      and (i.visibility = 'partners'
           or i.organisation_id = p.organisation_id
           or p.platform_role = 'admin'
           or exists (select 1 from public.network_members m where m.network_id = i.network_id and m.profile_id = p.id)
           or exists (select 1 from public.idea_submitters s where s.idea_id = i.id and s.submitter_id = p.id))
  )
$$;

-- ----------------------------------------------------------------------------
-- "Vi har samme behov": one signal per organisation and idea
-- ----------------------------------------------------------------------------
create table public.idea_same_need (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  organisation_id uuid not null references public.organisations(id) on delete cascade,
  profile_id uuid references public.profiles(id) on delete set null,
  note text check (note is null or length(note) between 1 and 500),
  created_at timestamptz not null default now(),
  unique (idea_id, organisation_id)
);
create index idea_same_need_organisation_idx on public.idea_same_need (organisation_id);

-- ----------------------------------------------------------------------------
-- Following an idea
-- ----------------------------------------------------------------------------
create table public.idea_follows (
  idea_id uuid not null references public.ideas(id) on delete cascade,
  profile_id uuid not null references public.profiles(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (idea_id, profile_id)
);
create index idea_follows_profile_idx on public.idea_follows (profile_id);

-- ----------------------------------------------------------------------------
-- Comments: replies one level deep; soft delete keeps replies readable
-- ----------------------------------------------------------------------------
create table public.idea_comments (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  author_id uuid references public.profiles(id) on delete set null,
  -- restrict: a comment with replies is soft-deleted, never removed from under its replies.
  parent_id uuid references public.idea_comments(id) on delete restrict,
  body text not null check (length(body) <= 4000),
  edited_at timestamptz,
  deleted_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid references public.profiles(id) on delete set null,
  hidden_reason text check (hidden_reason is null or length(hidden_reason) between 3 and 500),
  created_at timestamptz not null default now(),
  constraint idea_comments_body_present check (deleted_at is not null or length(btrim(body)) >= 1),
  constraint idea_comments_hidden_complete check ((hidden_at is null) = (hidden_reason is null))
);
create index idea_comments_idea_idx on public.idea_comments (idea_id, created_at);
create index idea_comments_parent_idx on public.idea_comments (parent_id);
create index idea_comments_author_idx on public.idea_comments (author_id, created_at desc);

create table public.idea_comment_mentions (
  comment_id uuid not null references public.idea_comments(id) on delete cascade,
  profile_id uuid not null references public.profiles(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (comment_id, profile_id)
);
create index idea_comment_mentions_profile_idx on public.idea_comment_mentions (profile_id);

-- Replies one level deep, on the same idea.
create or replace function app_private.check_comment_parent() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  parent public.idea_comments;
begin
  if new.parent_id is null then
    return new;
  end if;
  select * into parent from public.idea_comments where id = new.parent_id;
  if parent.id is null or parent.idea_id <> new.idea_id then
    raise exception 'the comment replied to is not on this idea' using errcode = '23503', hint = 'comment_parent_not_found';
  end if;
  if parent.parent_id is not null then
    raise exception 'replies are only one level deep' using errcode = '23514', hint = 'comment_reply_depth';
  end if;
  return new;
end $$;
create trigger idea_comments_parent before insert or update of parent_id on public.idea_comments
  for each row execute function app_private.check_comment_parent();

-- Authors change the text (and delete); coordinators of the idea's network hide. Nothing else moves.
create or replace function app_private.guard_comment_update() returns trigger
  language plpgsql set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  network uuid;
  text_changed boolean := new.body is distinct from old.body or new.deleted_at is distinct from old.deleted_at
    or new.edited_at is distinct from old.edited_at;
  hiding_changed boolean := (new.hidden_at, new.hidden_by, new.hidden_reason) is distinct from (old.hidden_at, old.hidden_by, old.hidden_reason);
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return new;
  end if;
  if (new.id, new.idea_id, new.author_id, new.parent_id, new.created_at)
     is distinct from (old.id, old.idea_id, old.author_id, old.parent_id, old.created_at) then
    raise exception 'not allowed to change these comment fields' using errcode = '42501';
  end if;
  if text_changed then
    if old.author_id is distinct from me then
      raise exception 'only the author can change a comment' using errcode = '42501';
    end if;
    if old.deleted_at is not null then
      raise exception 'the comment is deleted' using errcode = '42501', hint = 'comment_deleted';
    end if;
    if new.deleted_at is not null then
      -- Deleting removes the words; the row stays so that replies keep their place.
      new.deleted_at := now();
      new.body := '';
      new.edited_at := old.edited_at;
    elsif new.body is distinct from old.body then
      new.edited_at := now();
    else
      new.edited_at := old.edited_at;
    end if;
  end if;
  if hiding_changed then
    select i.network_id into network from public.ideas i where i.id = old.idea_id;
    if not app_private.is_network_coordinator(network) then
      raise exception 'only coordinators of the idea''s network can hide comments' using errcode = '42501';
    end if;
    if new.hidden_reason is not null then
      new.hidden_at := coalesce(old.hidden_at, now());
      new.hidden_by := me;
    else
      new.hidden_at := null;
      new.hidden_by := null;
    end if;
  end if;
  return new;
end $$;
create trigger idea_comments_guard before update on public.idea_comments
  for each row execute function app_private.guard_comment_update();

-- ----------------------------------------------------------------------------
-- Following by default: submitters and commenters
-- ----------------------------------------------------------------------------
create or replace function app_private.follow_as_submitter() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if new.submitter_id is not null then
    insert into public.idea_follows (idea_id, profile_id) values (new.idea_id, new.submitter_id)
    on conflict do nothing;
  end if;
  return new;
end $$;
create trigger idea_submitters_follow after insert on public.idea_submitters
  for each row execute function app_private.follow_as_submitter();

insert into public.idea_follows (idea_id, profile_id)
select idea_id, submitter_id from public.idea_submitters where submitter_id is not null
on conflict do nothing;

create or replace function app_private.follow_as_commenter() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if new.author_id is not null then
    insert into public.idea_follows (idea_id, profile_id) values (new.idea_id, new.author_id)
    on conflict do nothing;
  end if;
  return new;
end $$;
create trigger idea_comments_follow after insert on public.idea_comments
  for each row execute function app_private.follow_as_commenter();

-- ----------------------------------------------------------------------------
-- Notifications
-- ----------------------------------------------------------------------------
-- A mention: in-app notification and an e-mail (outbox kind 'comment_mention').
create or replace function app_private.notify_comment_mention() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  c public.idea_comments;
  idea public.ideas;
  author_name text;
  recipient public.profiles;
begin
  select * into c from public.idea_comments where id = new.comment_id;
  select * into idea from public.ideas where id = c.idea_id;
  select * into recipient from public.profiles where id = new.profile_id;
  if recipient.id is null or recipient.id = c.author_id then
    return new;
  end if;
  select full_name into author_name from public.profiles where id = c.author_id;
  perform app_private.create_notification(
    recipient.id, 'comment_mention', idea.id, 'cocreation:notifications.comment_mention',
    jsonb_build_object('author', coalesce(author_name, ''), 'title', idea.title, 'publicId', idea.public_id),
    format('/ideer/%s#comment-%s', idea.public_id, c.id));
  insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
  values ('comment_mention', recipient.email, recipient.id, recipient.locale,
          jsonb_build_object('commentId', c.id), format('comment_mention:%s:%s', c.id, recipient.id))
  on conflict (idempotency_key) do nothing;
  return new;
end $$;
create trigger idea_comment_mentions_notify after insert on public.idea_comment_mentions
  for each row execute function app_private.notify_comment_mention();

-- Followers hear about a new comment when the transaction commits (deferred, so that the
-- comment's mentions are known and a mentioned follower is told once). In-app always; an e-mail
-- through the notification centre's 'notification_email' when their preference is 'immediate'.
create or replace function app_private.notify_comment_followers() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  author_name text;
  follower record;
  notification uuid;
begin
  if new.deleted_at is not null then
    return null;
  end if;
  select * into idea from public.ideas where id = new.idea_id;
  select full_name into author_name from public.profiles where id = new.author_id;
  for follower in
    select p.id, p.email, p.locale, coalesce(np.email_mode, 'immediate') as email_mode
    from public.idea_follows f
    join public.profiles p on p.id = f.profile_id
    left join public.notification_preferences np on np.profile_id = p.id
    where f.idea_id = new.idea_id
      and p.id is distinct from new.author_id
      and not exists (select 1 from public.idea_comment_mentions m where m.comment_id = new.id and m.profile_id = p.id)
      and app_private.profile_can_see_idea(p.id, new.idea_id)
  loop
    notification := app_private.create_notification(
      follower.id, 'comment_added', idea.id, 'cocreation:notifications.comment_added',
      jsonb_build_object('author', coalesce(author_name, ''), 'title', idea.title, 'publicId', idea.public_id),
      format('/ideer/%s#comment-%s', idea.public_id, new.id));
    if follower.email_mode = 'immediate' then
      insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
      values ('notification_email', follower.email, follower.id, follower.locale,
              jsonb_build_object('notificationId', notification), format('notification:%s', notification))
      on conflict (idempotency_key) do nothing;
    end if;
  end loop;
  return null;
end $$;
create constraint trigger idea_comments_notify_followers after insert on public.idea_comments
  deferrable initially deferred
  for each row execute function app_private.notify_comment_followers();

-- Hiding: the author is told in-app and by e-mail (outbox kind 'comment_hidden').
create or replace function app_private.notify_comment_hidden() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  author public.profiles;
begin
  if new.hidden_at is null or old.hidden_at is not null then
    return new;
  end if;
  select * into author from public.profiles where id = new.author_id;
  if author.id is null then
    return new;
  end if;
  select * into idea from public.ideas where id = new.idea_id;
  perform app_private.create_notification(
    author.id, 'comment_hidden', idea.id, 'cocreation:notifications.comment_hidden',
    jsonb_build_object('title', idea.title, 'publicId', idea.public_id, 'reason', new.hidden_reason),
    format('/ideer/%s#comment-%s', idea.public_id, new.id));
  insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
  values ('comment_hidden', author.email, author.id, author.locale,
          jsonb_build_object('commentId', new.id, 'reason', new.hidden_reason),
          format('comment_hidden:%s:%s', new.id, extract(epoch from new.hidden_at)))
  on conflict (idempotency_key) do nothing;
  return new;
end $$;
create trigger idea_comments_notify_hidden after update of hidden_at on public.idea_comments
  for each row execute function app_private.notify_comment_hidden();

-- Comments as the reader may see them: a deleted comment has no text; a hidden comment's text and
-- reason only for its author and the idea's network (others see that it was hidden). Authors' and
-- mentioned people's names are shown with the comment even when their profile is in another
-- organisation (profiles_select would hide it): writing on an idea is speaking in public there.
create or replace function public.idea_comment_view(target_idea uuid)
  returns table (
    id uuid, parent_id uuid, author_id uuid, author_name text, author_organisation text,
    body text, hidden boolean, hidden_reason text, deleted boolean,
    edited_at timestamptz, created_at timestamptz, mentions jsonb
  )
  language sql stable security definer set search_path = '' as $$
  select c.id, c.parent_id, c.author_id, p.full_name, o.name,
         case when c.deleted_at is not null then null
              when c.hidden_at is null or c.author_id = (select auth.uid())
                   or app_private.is_network_member(i.network_id) or app_private.is_platform_admin() then c.body
         end,
         c.hidden_at is not null,
         case when c.author_id = (select auth.uid()) or app_private.is_network_member(i.network_id)
                   or app_private.is_platform_admin() then c.hidden_reason
         end,
         c.deleted_at is not null,
         c.edited_at, c.created_at,
         coalesce((
           select jsonb_agg(jsonb_build_object('name', mp.full_name, 'emailLocal', split_part(mp.email, '@', 1)))
           from public.idea_comment_mentions m join public.profiles mp on mp.id = m.profile_id
           where m.comment_id = c.id
         ), '[]'::jsonb)
  from public.idea_comments c
  join public.ideas i on i.id = c.idea_id
  left join public.profiles p on p.id = c.author_id
  left join public.organisations o on o.id = p.organisation_id
  where c.idea_id = target_idea and app_private.can_see_idea(target_idea)
  order by c.created_at, c.id
$$;
revoke execute on function public.idea_comment_view(uuid) from public, anon;
grant execute on function public.idea_comment_view(uuid) to authenticated, service_role;

revoke execute on function app_private.check_comment_parent(), app_private.guard_comment_update(),
  app_private.follow_as_submitter(), app_private.follow_as_commenter(), app_private.notify_comment_mention(),
  app_private.notify_comment_followers(), app_private.notify_comment_hidden() from public, anon, authenticated;
grant execute on function app_private.can_see_idea(uuid), app_private.profile_can_see_idea(uuid, uuid) to authenticated;

-- ----------------------------------------------------------------------------
-- Grants and row-level security
-- ----------------------------------------------------------------------------
revoke all on public.idea_same_need, public.idea_follows, public.idea_comments, public.idea_comment_mentions from anon, authenticated;
grant select, insert, delete on public.idea_same_need to authenticated;
grant update (note) on public.idea_same_need to authenticated;
grant select, insert, delete on public.idea_follows to authenticated;
-- The text and the hiding reason are read through idea_comment_view(), never straight from the table.
grant select (id, idea_id, author_id, parent_id, edited_at, deleted_at, hidden_at, hidden_by, created_at)
  on public.idea_comments to authenticated;
grant insert (idea_id, author_id, parent_id, body) on public.idea_comments to authenticated;
grant update (body, edited_at, deleted_at, hidden_at, hidden_by, hidden_reason) on public.idea_comments to authenticated;
grant delete on public.idea_comments to authenticated;
grant select, insert on public.idea_comment_mentions to authenticated;
grant all on public.idea_same_need, public.idea_follows, public.idea_comments, public.idea_comment_mentions to service_role;

alter table public.idea_same_need enable row level security;
alter table public.idea_follows enable row level security;
alter table public.idea_comments enable row level security;
alter table public.idea_comment_mentions enable row level security;

-- Same need: visible with the idea; recorded as yourself, for your own organisation, on another
-- organisation's open idea; withdrawn by whoever recorded it or a coordinator of the idea's network.
create policy idea_same_need_select on public.idea_same_need for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
);
create policy idea_same_need_insert on public.idea_same_need for insert to authenticated with check (
  profile_id = (select auth.uid())
  and organisation_id = (select app_private.current_organisation_id())
  and exists (
    select 1 from public.ideas i
    where i.id = idea_id and i.status not in ('merged', 'withdrawn') and i.organisation_id <> idea_same_need.organisation_id
  )
);
create policy idea_same_need_update on public.idea_same_need for update to authenticated
  using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
create policy idea_same_need_delete on public.idea_same_need for delete to authenticated using (
  profile_id = (select auth.uid())
  or exists (select 1 from public.ideas i where i.id = idea_id and app_private.is_network_coordinator(i.network_id))
);

-- Follows: your own; the idea's network sees who follows.
create policy idea_follows_select on public.idea_follows for select to authenticated using (
  profile_id = (select auth.uid())
  or exists (select 1 from public.ideas i where i.id = idea_id and app_private.is_network_member(i.network_id))
);
create policy idea_follows_insert on public.idea_follows for insert to authenticated with check (
  profile_id = (select auth.uid()) and exists (select 1 from public.ideas i where i.id = idea_id)
);
create policy idea_follows_update on public.idea_follows for update to authenticated using (false);
create policy idea_follows_delete on public.idea_follows for delete to authenticated using (profile_id = (select auth.uid()));

create policy idea_comments_select on public.idea_comments for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
);
create policy idea_comments_insert on public.idea_comments for insert to authenticated with check (
  author_id = (select auth.uid())
  and exists (select 1 from public.ideas i where i.id = idea_id and i.status not in ('merged', 'withdrawn'))
);
-- Which columns each may change is the guard trigger's job.
create policy idea_comments_update on public.idea_comments for update to authenticated
  using (
    author_id = (select auth.uid())
    or exists (select 1 from public.ideas i where i.id = idea_id and app_private.is_network_coordinator(i.network_id))
  )
  with check (
    author_id = (select auth.uid())
    or exists (select 1 from public.ideas i where i.id = idea_id and app_private.is_network_coordinator(i.network_id))
  );
create policy idea_comments_delete on public.idea_comments for delete to authenticated using (author_id = (select auth.uid()));

-- Mentions: written with the comment (same transaction) by its author, of people the author can
-- see and who can see the idea.
create policy idea_comment_mentions_select on public.idea_comment_mentions for select to authenticated using (
  exists (select 1 from public.idea_comments c where c.id = comment_id)
);
create policy idea_comment_mentions_insert on public.idea_comment_mentions for insert to authenticated with check (
  exists (select 1 from public.idea_comments c where c.id = comment_id and c.author_id = (select auth.uid()) and c.created_at = now())
  and exists (select 1 from public.profiles p where p.id = profile_id)
  and app_private.profile_can_see_idea(profile_id, (select c.idea_id from public.idea_comments c where c.id = comment_id))
);
create policy idea_comment_mentions_update on public.idea_comment_mentions for update to authenticated using (false);
create policy idea_comment_mentions_delete on public.idea_comment_mentions for delete to authenticated using (false);
