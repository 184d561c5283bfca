-- ============================================================================
-- In-app notifications, e-mail preferences and SLA escalations (issue 4, items 5 and 6).
-- Notifications are written only by security definer functions/triggers and the service path
-- (the SLA sweeper); recipients read them and mark them read, nothing else.
-- ============================================================================

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles(id) on delete cascade,
  kind text not null check (kind ~ '^[a-z_]{2,60}$'),
  idea_id uuid references public.ideas(id) on delete cascade,
  -- A key in the "notifications" namespace and its values: rendered in the reader's language.
  title_key text not null check (length(title_key) between 2 and 120),
  "values" jsonb not null default '{}'::jsonb check (jsonb_typeof("values") = 'object'),
  -- A path inside the app, never an outside address.
  link text check (link is null or link ~ '^/[^/\\]'),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);
create index notifications_unread_idx on public.notifications (recipient_id) where read_at is null;
create index notifications_idea_idx on public.notifications (idea_id);

create table public.notification_preferences (
  profile_id uuid primary key references public.profiles(id) on delete cascade,
  email_mode text not null default 'immediate' check (email_mode in ('immediate', 'daily_digest', 'off')),
  weekly_network_digest boolean not null default true,
  updated_at timestamptz not null default now()
);
create trigger notification_preferences_touch before update on public.notification_preferences
  for each row execute function app_private.touch_updated_at();

-- One row per idea, level and deadline: the unique key is what makes the sweeper idempotent,
-- also with several instances running it at once.
create table public.sla_escalations (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  level text not null check (level in ('owner_reminder', 'coordinators', 'admins')),
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (idea_id, level, due_at)
);

-- ----------------------------------------------------------------------------
-- Writing a notification (for triggers and other security definer code; not for API roles)
-- ----------------------------------------------------------------------------
create or replace function app_private.create_notification(
  recipient uuid, notification_kind text, target_idea uuid, key text, notification_values jsonb, target_link text
) returns uuid
  language sql volatile security definer set search_path = '' as $$
  insert into public.notifications (recipient_id, kind, idea_id, title_key, "values", link)
  values (recipient, notification_kind, target_idea, key, coalesce(notification_values, '{}'::jsonb), target_link)
  returning id
$$;
revoke execute on function app_private.create_notification(uuid, text, uuid, text, jsonb, text) from public, anon, authenticated;

-- Marking read is the only change a recipient may make.
create or replace function app_private.guard_notification_update() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if current_user in ('authenticated', 'anon')
     and (new.recipient_id, new.kind, new.idea_id, new.title_key, new."values", new.link, new.created_at)
         is distinct from (old.recipient_id, old.kind, old.idea_id, old.title_key, old."values", old.link, old.created_at) then
    raise exception 'only read_at can be changed' using errcode = '42501';
  end if;
  return new;
end $$;
create trigger notifications_guard before update on public.notifications
  for each row execute function app_private.guard_notification_update();

-- ----------------------------------------------------------------------------
-- Grants and row-level security
-- ----------------------------------------------------------------------------
revoke all on public.notifications, public.notification_preferences, public.sla_escalations from anon, authenticated;
grant select, update on public.notifications to authenticated;
grant select, insert, update, delete on public.notification_preferences to authenticated;
grant select on public.sla_escalations to authenticated;
grant all on public.notifications, public.notification_preferences, public.sla_escalations to service_role;

alter table public.notifications enable row level security;
alter table public.notification_preferences enable row level security;
alter table public.sla_escalations enable row level security;

create policy notifications_select on public.notifications for select to authenticated using (recipient_id = (select auth.uid()));
create policy notifications_insert on public.notifications for insert to authenticated with check (false);
create policy notifications_update on public.notifications for update to authenticated
  using (recipient_id = (select auth.uid())) with check (recipient_id = (select auth.uid()));
create policy notifications_delete on public.notifications for delete to authenticated using (false);

create policy notification_preferences_select on public.notification_preferences for select to authenticated using (profile_id = (select auth.uid()));
create policy notification_preferences_insert on public.notification_preferences for insert to authenticated with check (profile_id = (select auth.uid()));
create policy notification_preferences_update on public.notification_preferences for update to authenticated
  using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
create policy notification_preferences_delete on public.notification_preferences for delete to authenticated using (profile_id = (select auth.uid()));

-- The network that owns the idea and platform administrators see its escalations; the sweeper writes them.
create policy sla_escalations_select on public.sla_escalations for select to authenticated using (
  (select app_private.is_platform_admin())
  or exists (select 1 from public.ideas i where i.id = idea_id and app_private.is_network_member(i.network_id))
);
create policy sla_escalations_insert on public.sla_escalations for insert to authenticated with check (false);
create policy sla_escalations_update on public.sla_escalations for update to authenticated using (false);
create policy sla_escalations_delete on public.sla_escalations for delete to authenticated using (false);

-- ----------------------------------------------------------------------------
-- Triage events in the notification centre (in-app only: their e-mails go through the outbox
-- where the event is written). Kinds that do not concern anyone are ignored.
-- ----------------------------------------------------------------------------
create or replace function app_private.notify_idea_event() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea record;
  recipient uuid;
begin
  if new.kind not in ('assigned', 'status_changed', 'answered') then
    return new;
  end if;
  select i.id, i.public_id, i.title into idea from public.ideas i where i.id = new.idea_id;
  if new.kind = 'assigned' then
    recipient := nullif(new.data->>'ownerId', '')::uuid;
  else
    select s.submitter_id into recipient from public.idea_submitters s where s.idea_id = new.idea_id;
  end if;
  -- Nobody is told about what they did themselves.
  if recipient is null or recipient is not distinct from new.actor_id then
    return new;
  end if;
  perform app_private.create_notification(
    recipient,
    case when new.kind = 'assigned' then 'idea_assigned' else 'idea_answered' end,
    idea.id,
    case when new.kind = 'assigned' then 'items.idea_assigned' else 'items.idea_answered' end,
    jsonb_build_object('title', idea.title, 'publicId', idea.public_id),
    '/ideer/' || idea.public_id
  );
  return new;
end $$;
revoke execute on function app_private.notify_idea_event() from public, anon, authenticated;
create trigger idea_events_notify after insert on public.idea_events
  for each row execute function app_private.notify_idea_event();
