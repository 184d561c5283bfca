-- ============================================================================
-- Triage (issue 4): owners, answers to the submitter (the only way a status changes), internal
-- notes, evaluations, reply templates and transfers between networks. The database guarantees
-- that every status change carries a written answer and that the answer's e-mail is queued in
-- the same transaction (outbox).
-- ============================================================================

-- ----------------------------------------------------------------------------
-- Ideas: owner, answer clock, side-exit details
-- ----------------------------------------------------------------------------
alter table public.ideas
  add column owner_id uuid references public.profiles(id) on delete set null,
  add column first_answered_at timestamptz,
  add column last_answer_at timestamptz,
  -- When the submitter is next owed an answer; null once the idea is closed.
  add column next_due_at timestamptz,
  add column look_again_at date,
  add column merged_into_id uuid references public.ideas(id) on delete set null,
  add constraint ideas_not_merged_into_itself check (merged_into_id is null or merged_into_id <> id),
  add constraint ideas_merged_has_target check (status <> 'merged' or merged_into_id is not null),
  add constraint ideas_merge_target_only_when_merged check (merged_into_id is null or status = 'merged'),
  add constraint ideas_look_again_only_when_not_prioritised check (look_again_at is null or status = 'not_prioritised');

update public.ideas set next_due_at = first_answer_due_at
where status not in ('new_practice', 'not_prioritised', 'merged', 'withdrawn');

create index ideas_network_next_due_idx on public.ideas (network_id, next_due_at);
create index ideas_network_owner_idx on public.ideas (network_id, owner_id);
create index ideas_merged_into_idx on public.ideas (merged_into_id) where merged_into_id is not null;

alter table public.idea_events drop constraint if exists idea_events_kind_check;
alter table public.idea_events add constraint idea_events_kind_check check (kind in (
  'submitted', 'edited', 'withdrawn', 'status_changed', 'answered', 'assigned', 'transferred', 'note'
));

create or replace function app_private.is_closed_status(s public.idea_status) returns boolean
  language sql immutable set search_path = '' as $$
  select s in ('new_practice', 'not_prioritised', 'merged', 'withdrawn')
$$;

-- ----------------------------------------------------------------------------
-- Tables
-- ----------------------------------------------------------------------------
create table public.idea_answers (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  author_id uuid references public.profiles(id) on delete set null,
  -- Set from the idea by the database; a client may send the status it saw to detect stale forms.
  from_status public.idea_status,
  to_status public.idea_status not null,
  body text not null check (length(btrim(body)) between 10 and 5000),
  -- Side-exit details travel with the answer and are applied to the idea by the database.
  look_again_at date check (look_again_at is null or to_status = 'not_prioritised'),
  merged_into_id uuid references public.ideas(id) on delete set null,
  on_time boolean not null default true,
  created_at timestamptz not null default now(),
  constraint idea_answers_merge_target check (to_status = 'merged' or merged_into_id is null),
  constraint idea_answers_not_merged_into_itself check (merged_into_id is null or merged_into_id <> idea_id)
);
create index idea_answers_idea_idx on public.idea_answers (idea_id, created_at);

create table public.idea_internal_notes (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles(id) on delete cascade,
  body text not null check (length(btrim(body)) between 1 and 5000),
  created_at timestamptz not null default now()
);
create index idea_internal_notes_idea_idx on public.idea_internal_notes (idea_id, created_at);

create table public.idea_evaluations (
  idea_id uuid not null references public.ideas(id) on delete cascade,
  evaluator_id uuid not null default auth.uid() references public.profiles(id) on delete cascade,
  criterion text not null check (criterion in ('new', 'useful', 'used', 'benefit_users', 'benefit_staff',
    'benefit_municipality', 'feasibility', 'cost', 'risk_privacy_ethics', 'strategic_fit')),
  score integer not null check (score between 1 and 5),
  note text check (note is null or length(note) <= 2000),
  updated_at timestamptz not null default now(),
  primary key (idea_id, evaluator_id, criterion)
);
create trigger idea_evaluations_touch before update on public.idea_evaluations
  for each row execute function app_private.touch_updated_at();

create table public.reply_templates (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks(id) on delete cascade,
  title text not null check (length(btrim(title)) between 2 and 120),
  body text not null check (length(btrim(body)) between 10 and 5000),
  to_status public.idea_status,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reply_templates_network_idx on public.reply_templates (network_id, sort_order);
create trigger reply_templates_touch before update on public.reply_templates
  for each row execute function app_private.touch_updated_at();

create table public.idea_transfers (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas(id) on delete cascade,
  from_network_id uuid not null references public.networks(id),
  to_network_id uuid not null references public.networks(id),
  reason text not null check (length(btrim(reason)) between 10 and 2000),
  transferred_by uuid references public.profiles(id) on delete set null,
  created_at timestamptz not null default now(),
  constraint idea_transfers_other_network check (from_network_id <> to_network_id)
);
create index idea_transfers_idea_idx on public.idea_transfers (idea_id, created_at);

-- ----------------------------------------------------------------------------
-- New ideas start owing their first answer
-- ----------------------------------------------------------------------------
create or replace function app_private.prepare_new_idea_triage() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  new.next_due_at := new.first_answer_due_at;
  new.first_answered_at := null;
  new.last_answer_at := null;
  new.look_again_at := null;
  new.merged_into_id := null;
  if (select auth.role()) = 'authenticated' then
    new.owner_id := null;
  end if;
  return new;
end $$;
-- Fires after ideas_prepare (triggers run in name order).
create trigger ideas_prepare_triage before insert on public.ideas
  for each row execute function app_private.prepare_new_idea_triage();

-- ----------------------------------------------------------------------------
-- Guard: status changes need an answer, transfers need a transfer row, owners must be members
-- ----------------------------------------------------------------------------
create or replace function app_private.guard_idea_triage() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  is_service boolean := (select auth.role()) is distinct from 'authenticated';
  triager boolean;
begin
  if not is_service then
    triager := app_private.is_platform_admin() or app_private.is_network_member(old.network_id);
    if not triager and (new.owner_id, new.first_answered_at, new.last_answer_at, new.next_due_at, new.look_again_at, new.merged_into_id)
        is distinct from (old.owner_id, old.first_answered_at, old.last_answer_at, old.next_due_at, old.look_again_at, old.merged_into_id) then
      raise exception 'not allowed to change triage fields' using errcode = '42501';
    end if;
    if new.status <> old.status then
      if new.status = 'withdrawn' and app_private.is_idea_submitter(old.id) and not triager then
        null; -- the submitter's own withdrawal, governed by guard_idea_update
      elsif not exists (
        select 1 from public.idea_answers a
        where a.idea_id = new.id and a.to_status = new.status and a.created_at = now()
      ) then
        raise exception 'a status change needs a written answer to the submitter' using errcode = '23514', hint = 'answer_required';
      end if;
    end if;
    if new.network_id <> old.network_id and not exists (
      select 1 from public.idea_transfers t
      where t.idea_id = new.id and t.to_network_id = new.network_id and t.created_at = now()
    ) then
      raise exception 'a transfer needs a reason' using errcode = '23514', hint = 'transfer_required';
    end if;
  end if;
  if new.owner_id is not null and (new.owner_id is distinct from old.owner_id or new.network_id <> old.network_id)
     and not exists (select 1 from public.network_members m where m.network_id = new.network_id and m.profile_id = new.owner_id) then
    raise exception 'the owner must be a member of the network' using errcode = '23514', hint = 'owner_not_member';
  end if;
  if new.status <> old.status then
    if new.status <> 'not_prioritised' then new.look_again_at := null; end if;
    if new.status <> 'merged' then new.merged_into_id := null; end if;
    if app_private.is_closed_status(new.status) then new.next_due_at := null; end if;
  end if;
  return new;
end $$;
-- Fires after ideas_guard (the submitter rules) and before ideas_touch.
create trigger ideas_guard_triage before update on public.ideas
  for each row execute function app_private.guard_idea_triage();

-- Owner changes: timeline event and an e-mail to the new owner, in the same transaction.
create or replace function app_private.after_idea_triage_update() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  new_owner public.profiles;
begin
  if new.owner_id is distinct from old.owner_id and new.network_id = old.network_id then
    insert into public.idea_events (idea_id, kind, actor_id, data)
    values (new.id, 'assigned', (select auth.uid()), jsonb_build_object('ownerId', new.owner_id, 'previousOwnerId', old.owner_id));
    if new.owner_id is not null and new.owner_id is distinct from (select auth.uid()) then
      select * into new_owner from public.profiles where id = new.owner_id;
      insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
      values ('idea_assigned', new_owner.email, new_owner.id, new_owner.locale,
              jsonb_build_object('ideaId', new.id, 'assignedBy', (select auth.uid())),
              format('idea_assigned:%s:%s:%s', new.id, new_owner.id, gen_random_uuid()));
    end if;
  end if;
  return new;
end $$;
create trigger ideas_after_triage after update on public.ideas
  for each row execute function app_private.after_idea_triage_update();

-- ----------------------------------------------------------------------------
-- Answers: the status change, the clock and the e-mails follow from the answer row
-- ----------------------------------------------------------------------------
create or replace function app_private.prepare_idea_answer() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  target public.ideas;
begin
  select * into idea from public.ideas where id = new.idea_id for update;
  if idea.id is null then
    raise exception 'unknown idea' using errcode = '23503';
  end if;
  if new.from_status is not null and new.from_status <> idea.status then
    raise exception 'the idea changed since the form was opened' using errcode = '40001', hint = 'idea_stale';
  end if;
  if (select auth.role()) = 'authenticated' then
    new.author_id := (select auth.uid());
    if new.to_status = 'withdrawn' and not app_private.is_platform_admin() then
      raise exception 'only the submitter withdraws an idea' using errcode = '42501', hint = 'transition_not_allowed';
    end if;
    if idea.status = 'withdrawn' and new.to_status <> 'withdrawn' then
      raise exception 'a withdrawn idea cannot be reopened by the network' using errcode = '42501', hint = 'transition_not_allowed';
    end if;
  end if;
  if new.to_status = 'merged' then
    select * into target from public.ideas where id = new.merged_into_id;
    if target.id is null then
      raise exception 'unknown merge target' using errcode = '23503', hint = 'merge_target_missing';
    end if;
    if target.status = 'merged' then
      raise exception 'cannot merge into a merged idea' using errcode = '23514', hint = 'merge_target_merged';
    end if;
  end if;
  new.from_status := idea.status;
  new.created_at := now();
  new.on_time := idea.next_due_at is null or now() <= idea.next_due_at;
  return new;
end $$;
create trigger idea_answers_prepare before insert on public.idea_answers
  for each row execute function app_private.prepare_idea_answer();

create or replace function app_private.apply_idea_answer() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  interval_days integer;
  s record;
  submitter public.profiles;
begin
  select n.sla_update_interval_days into interval_days
  from public.ideas i join public.networks n on n.id = i.network_id where i.id = new.idea_id;
  update public.ideas set
    status = new.to_status,
    look_again_at = case when new.to_status = 'not_prioritised' then new.look_again_at end,
    merged_into_id = case when new.to_status = 'merged' then new.merged_into_id end,
    withdrawn_at = case when new.to_status = 'withdrawn' then coalesce(withdrawn_at, now()) else withdrawn_at end,
    first_answered_at = coalesce(first_answered_at, now()),
    last_answer_at = now(),
    next_due_at = case when app_private.is_closed_status(new.to_status) then null
                       else now() + make_interval(days => interval_days) end
  where id = new.idea_id
  returning * into idea;

  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (new.idea_id, case when new.from_status = new.to_status then 'answered' else 'status_changed' end, new.author_id,
          jsonb_build_object('answerId', new.id, 'from', new.from_status, 'to', new.to_status, 'onTime', new.on_time));

  -- Answers to your own idea always go out, whatever the e-mail preferences.
  select * into s from public.idea_submitters where idea_id = new.idea_id;
  if s.submitter_id is not null then
    select * into submitter from public.profiles where id = s.submitter_id;
    insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
    values ('idea_answer', submitter.email, submitter.id, submitter.locale,
            jsonb_build_object('ideaId', new.idea_id, 'answerId', new.id),
            format('idea_answer:%s:%s', new.id, submitter.id));
  end if;
  if s.on_behalf_of_email is not null then
    insert into public.outbox_messages (kind, recipient_email, locale, payload, idempotency_key)
    values ('idea_answer', lower(s.on_behalf_of_email), coalesce(submitter.locale, 'nb'),
            jsonb_build_object('ideaId', new.idea_id, 'answerId', new.id, 'onBehalf', true),
            format('idea_answer:%s:%s', new.id, lower(s.on_behalf_of_email)));
  end if;
  return new;
end $$;
create trigger idea_answers_apply after insert on public.idea_answers
  for each row execute function app_private.apply_idea_answer();

-- ----------------------------------------------------------------------------
-- Transfers: the idea moves with its clock running; the submitter is told why
-- ----------------------------------------------------------------------------
create or replace function app_private.prepare_idea_transfer() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  current_network uuid;
begin
  select network_id into current_network from public.ideas where id = new.idea_id for update;
  if current_network is null then
    raise exception 'unknown idea' using errcode = '23503';
  end if;
  if new.from_network_id <> current_network then
    raise exception 'the idea changed since the form was opened' using errcode = '40001', hint = 'idea_stale';
  end if;
  if (select auth.role()) = 'authenticated' then
    new.transferred_by := (select auth.uid());
  end if;
  new.created_at := now();
  return new;
end $$;
create trigger idea_transfers_prepare before insert on public.idea_transfers
  for each row execute function app_private.prepare_idea_transfer();

create or replace function app_private.apply_idea_transfer() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  s record;
  submitter public.profiles;
begin
  update public.ideas set network_id = new.to_network_id, owner_id = null where id = new.idea_id;
  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (new.idea_id, 'transferred', new.transferred_by,
          jsonb_build_object('transferId', new.id, 'from', new.from_network_id, 'to', new.to_network_id));
  select * into s from public.idea_submitters where idea_id = new.idea_id;
  if s.submitter_id is not null then
    select * into submitter from public.profiles where id = s.submitter_id;
    insert into public.outbox_messages (kind, recipient_email, recipient_profile_id, locale, payload, idempotency_key)
    values ('idea_transferred', submitter.email, submitter.id, submitter.locale,
            jsonb_build_object('ideaId', new.idea_id, 'transferId', new.id),
            format('idea_transferred:%s:%s', new.id, submitter.id));
  end if;
  if s.on_behalf_of_email is not null then
    insert into public.outbox_messages (kind, recipient_email, locale, payload, idempotency_key)
    values ('idea_transferred', lower(s.on_behalf_of_email), coalesce(submitter.locale, 'nb'),
            jsonb_build_object('ideaId', new.idea_id, 'transferId', new.id, 'onBehalf', true),
            format('idea_transferred:%s:%s', new.id, lower(s.on_behalf_of_email)));
  end if;
  return new;
end $$;
create trigger idea_transfers_apply after insert on public.idea_transfers
  for each row execute function app_private.apply_idea_transfer();

-- Internal notes leave a trace on the network's timeline (no text: the timeline is wider).
create or replace function app_private.record_internal_note() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (new.idea_id, 'note', new.author_id, jsonb_build_object('noteId', new.id));
  return new;
end $$;
create trigger idea_internal_notes_event after insert on public.idea_internal_notes
  for each row execute function app_private.record_internal_note();

create or replace function app_private.is_idea_network_member(target uuid) returns boolean
  language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.ideas i join public.network_members m on m.network_id = i.network_id
    where i.id = target and m.profile_id = (select auth.uid())
  )
$$;

revoke execute on function app_private.prepare_new_idea_triage(), app_private.guard_idea_triage(),
  app_private.after_idea_triage_update(), app_private.prepare_idea_answer(), app_private.apply_idea_answer(),
  app_private.prepare_idea_transfer(), app_private.apply_idea_transfer(), app_private.record_internal_note() from public;
grant execute on function app_private.is_closed_status(public.idea_status), app_private.is_idea_network_member(uuid) to authenticated, anon;

-- ----------------------------------------------------------------------------
-- Grants and RLS
-- ----------------------------------------------------------------------------
revoke all on public.idea_answers, public.idea_internal_notes, public.idea_evaluations, public.reply_templates,
  public.idea_transfers from anon;
grant select, insert, update, delete on public.idea_answers, public.idea_internal_notes, public.idea_evaluations,
  public.reply_templates, public.idea_transfers to authenticated;
grant all on public.idea_answers, public.idea_internal_notes, public.idea_evaluations, public.reply_templates,
  public.idea_transfers to service_role;

alter table public.idea_answers enable row level security;
alter table public.idea_internal_notes enable row level security;
alter table public.idea_evaluations enable row level security;
alter table public.reply_templates enable row level security;
alter table public.idea_transfers enable row level security;

-- Answers are written to the submitter: whoever can see the idea reads them.
create policy idea_answers_select on public.idea_answers for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
);
create policy idea_answers_insert on public.idea_answers for insert to authenticated with check (
  author_id = (select auth.uid())
  and (app_private.is_idea_network_member(idea_id) or (select app_private.is_platform_admin()))
);
create policy idea_answers_update on public.idea_answers for update to authenticated using (false);
create policy idea_answers_delete on public.idea_answers for delete to authenticated using (false);

-- Internal notes: the idea's network and admins only, never the submitter or other employees.
create policy idea_internal_notes_select on public.idea_internal_notes for select to authenticated using (
  app_private.is_idea_network_member(idea_id) or (select app_private.is_platform_admin())
);
create policy idea_internal_notes_insert on public.idea_internal_notes for insert to authenticated with check (
  author_id = (select auth.uid())
  and (app_private.is_idea_network_member(idea_id) or (select app_private.is_platform_admin()))
);
create policy idea_internal_notes_update on public.idea_internal_notes for update to authenticated using (false);
create policy idea_internal_notes_delete on public.idea_internal_notes for delete to authenticated using (false);

create policy idea_evaluations_select on public.idea_evaluations for select to authenticated using (
  app_private.is_idea_network_member(idea_id) or (select app_private.is_platform_admin())
);
create policy idea_evaluations_insert on public.idea_evaluations for insert to authenticated with check (
  evaluator_id = (select auth.uid()) and app_private.is_idea_network_member(idea_id)
);
create policy idea_evaluations_update on public.idea_evaluations for update to authenticated
  using (evaluator_id = (select auth.uid()) and app_private.is_idea_network_member(idea_id))
  with check (evaluator_id = (select auth.uid()) and app_private.is_idea_network_member(idea_id));
create policy idea_evaluations_delete on public.idea_evaluations for delete to authenticated using (
  evaluator_id = (select auth.uid()) and app_private.is_idea_network_member(idea_id)
);

create policy reply_templates_select on public.reply_templates for select to authenticated using (
  app_private.is_network_member(network_id) or (select app_private.is_platform_admin())
);
create policy reply_templates_insert on public.reply_templates for insert to authenticated with check (
  app_private.is_network_coordinator(network_id) or (select app_private.is_platform_admin())
);
create policy reply_templates_update on public.reply_templates for update to authenticated
  using (app_private.is_network_coordinator(network_id) or (select app_private.is_platform_admin()))
  with check (app_private.is_network_coordinator(network_id) or (select app_private.is_platform_admin()));
create policy reply_templates_delete on public.reply_templates for delete to authenticated using (
  app_private.is_network_coordinator(network_id) or (select app_private.is_platform_admin())
);

-- Both networks and the submitter see why an idea moved.
create policy idea_transfers_select on public.idea_transfers for select to authenticated using (
  exists (select 1 from public.ideas i where i.id = idea_id)
  or app_private.is_network_member(from_network_id)
  or app_private.is_network_member(to_network_id)
);
create policy idea_transfers_insert on public.idea_transfers for insert to authenticated with check (
  transferred_by = (select auth.uid())
  and (app_private.is_network_member(from_network_id) or (select app_private.is_platform_admin()))
);
create policy idea_transfers_update on public.idea_transfers for update to authenticated using (false);
create policy idea_transfers_delete on public.idea_transfers for delete to authenticated using (false);
