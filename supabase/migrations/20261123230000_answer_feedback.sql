-- ============================================================================
-- Closing the loop (issue 4, item 7): the submitter rates each answer ("was this clear?") and
-- may contest a closing decision once, which reopens the idea for the network.
--
-- Only 'not_prioritised' can be contested. 'withdrawn' is the submitter's own decision,
-- 'new_practice' is a success, and a 'merged' idea has had its supports, comments and followers
-- moved into the idea it was merged into (and its page redirects there): reopening it would leave
-- an empty shell, so undoing a merge stays with the network.
-- ============================================================================

alter table public.idea_events drop constraint if exists idea_events_kind_check;
alter table public.idea_events add constraint idea_events_kind_check check (kind in (
  'submitted', 'edited', 'withdrawn', 'status_changed', 'answered', 'assigned', 'transferred', 'note',
  'merged_in', 'cocreator_joined', 'contact_taken_over', 'contested'
));

-- ----------------------------------------------------------------------------
-- Tables
-- ----------------------------------------------------------------------------
create table public.idea_answer_feedback (
  id uuid primary key default gen_random_uuid(),
  -- One rating per answer.
  answer_id uuid not null unique references public.idea_answers(id) on delete cascade,
  -- Set from the answer by the database.
  idea_id uuid not null references public.ideas(id) on delete cascade,
  author_id uuid references public.profiles(id) on delete set null,
  clear boolean not null,
  comment text check (comment is null or length(comment) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index idea_answer_feedback_idea_idx on public.idea_answer_feedback (idea_id);

create table public.idea_contests (
  id uuid primary key default gen_random_uuid(),
  -- Once per idea.
  idea_id uuid not null unique references public.ideas(id) on delete cascade,
  -- The answer that closed the idea; set by the database.
  answer_id uuid references public.idea_answers(id) on delete set null,
  author_id uuid references public.profiles(id) on delete set null,
  body text not null check (length(btrim(body)) between 10 and 5000),
  created_at timestamptz not null default now()
);

-- ----------------------------------------------------------------------------
-- Ratings: the submitter only; "unclear" tells the network (in-app)
-- ----------------------------------------------------------------------------
create or replace function app_private.prepare_answer_feedback() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  answer public.idea_answers;
begin
  select * into answer from public.idea_answers where id = new.answer_id;
  if answer.id is null then
    raise exception 'unknown answer' using errcode = '23503', hint = 'answer_not_found';
  end if;
  new.idea_id := answer.idea_id;
  if (select auth.role()) = 'authenticated' then
    if not app_private.is_idea_submitter(answer.idea_id) then
      raise exception 'only the submitter rates an answer' using errcode = '42501', hint = 'not_submitter';
    end if;
    new.author_id := (select auth.uid());
  end if;
  if exists (select 1 from public.idea_answer_feedback f where f.answer_id = new.answer_id) then
    raise exception 'the answer is already rated' using errcode = '23505', hint = 'already_rated';
  end if;
  new.comment := nullif(btrim(coalesce(new.comment, '')), '');
  new.created_at := now();
  return new;
end $$;
create trigger idea_answer_feedback_prepare before insert on public.idea_answer_feedback
  for each row execute function app_private.prepare_answer_feedback();

create or replace function app_private.notify_answer_feedback() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  m record;
begin
  if new.clear then
    return new;
  end if;
  select * into idea from public.ideas where id = new.idea_id;
  for m in select nm.profile_id from public.network_members nm where nm.network_id = idea.network_id loop
    perform app_private.create_notification(m.profile_id, 'answer_unclear', idea.id, 'triage:notifications.answer_unclear',
      jsonb_build_object('title', idea.title, 'publicId', idea.public_id), format('/ideer/%s/behandle', idea.public_id));
  end loop;
  return new;
end $$;
create trigger idea_answer_feedback_notify after insert on public.idea_answer_feedback
  for each row execute function app_private.notify_answer_feedback();

-- ----------------------------------------------------------------------------
-- Contests: once, by the submitter, of a 'not_prioritised' decision; reopens the idea
-- ----------------------------------------------------------------------------
create or replace function app_private.prepare_idea_contest() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
begin
  select * into idea from public.ideas where id = new.idea_id for update;
  if idea.id is null then
    raise exception 'unknown idea' using errcode = '23503', hint = 'idea_not_found';
  end if;
  if (select auth.role()) = 'authenticated' then
    if not app_private.is_idea_submitter(idea.id) then
      raise exception 'only the submitter contests a decision' using errcode = '42501', hint = 'not_submitter';
    end if;
    new.author_id := (select auth.uid());
  else
    new.author_id := coalesce(new.author_id, (select s.submitter_id from public.idea_submitters s where s.idea_id = idea.id));
  end if;
  if exists (select 1 from public.idea_contests c where c.idea_id = new.idea_id) then
    raise exception 'the decision was already contested' using errcode = '23505', hint = 'already_contested';
  end if;
  if idea.status <> 'not_prioritised' then
    raise exception 'only a decision not to prioritise can be contested' using errcode = '23514', hint = 'not_contestable';
  end if;
  select a.id into new.answer_id from public.idea_answers a
  where a.idea_id = idea.id and a.to_status = idea.status order by a.created_at desc limit 1;
  new.body := btrim(new.body);
  new.created_at := now();
  return new;
end $$;
create trigger idea_contests_prepare before insert on public.idea_contests
  for each row execute function app_private.prepare_idea_contest();

create or replace function app_private.apply_idea_contest() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  idea public.ideas;
  interval_days integer;
  claims text := current_setting('request.jwt.claims', true);
  r record;
  vals jsonb;
  link text;
begin
  select n.sla_update_interval_days into interval_days
  from public.ideas i join public.networks n on n.id = i.network_id where i.id = new.idea_id;
  -- The one status change without a network answer: the idea guards (which demand an answer from
  -- anyone signed in) see a service call for this single update, then the caller's claims return.
  -- The clock restarts as after an answer (apply_idea_answer): the network's update interval.
  perform set_config('request.jwt.claims', jsonb_build_object('role', 'service_role')::text, true);
  update public.ideas set
    status = 'under_review',
    look_again_at = null,
    next_due_at = now() + make_interval(days => interval_days)
  where id = new.idea_id
  returning * into idea;
  perform set_config('request.jwt.claims', coalesce(claims, ''), true);

  insert into public.idea_events (idea_id, kind, actor_id, data)
  values (new.idea_id, 'contested', new.author_id,
          jsonb_build_object('contestId', new.id, 'answerId', new.answer_id, 'from', 'not_prioritised', 'to', 'under_review'));

  vals := jsonb_build_object('title', idea.title, 'publicId', idea.public_id);
  link := format('/ideer/%s/behandle', idea.public_id);
  for r in
    select m.profile_id from public.network_members m where m.network_id = idea.network_id and m.role = 'coordinator'
    union
    select idea.owner_id where idea.owner_id is not null
  loop
    if r.profile_id is distinct from new.author_id then
      perform app_private.notify_profile(r.profile_id, 'idea_contested', idea.id, 'triage:notifications.idea_contested', vals, link);
    end if;
  end loop;
  return new;
end $$;
create trigger idea_contests_apply after insert on public.idea_contests
  for each row execute function app_private.apply_idea_contest();

revoke execute on function app_private.prepare_answer_feedback(), app_private.notify_answer_feedback(),
  app_private.prepare_idea_contest(), app_private.apply_idea_contest() from public, anon, authenticated;

-- ----------------------------------------------------------------------------
-- Grants and RLS
-- ----------------------------------------------------------------------------
revoke all on public.idea_answer_feedback, public.idea_contests from anon;
grant select, insert on public.idea_answer_feedback, public.idea_contests to authenticated;
grant all on public.idea_answer_feedback, public.idea_contests to service_role;

alter table public.idea_answer_feedback enable row level security;
alter table public.idea_contests enable row level security;

-- The submitter reads their own; the idea's network (and platform admins) read them to learn.
create policy idea_answer_feedback_select on public.idea_answer_feedback for select to authenticated using (
  author_id = (select auth.uid())
  or app_private.is_idea_submitter(idea_id)
  or app_private.is_idea_network_member(idea_id)
  or (select app_private.is_platform_admin())
);
create policy idea_answer_feedback_insert on public.idea_answer_feedback for insert to authenticated with check (
  author_id = (select auth.uid()) and app_private.is_idea_submitter(idea_id)
);
create policy idea_answer_feedback_update on public.idea_answer_feedback for update to authenticated using (false);
create policy idea_answer_feedback_delete on public.idea_answer_feedback for delete to authenticated using (false);

create policy idea_contests_select on public.idea_contests for select to authenticated using (
  author_id = (select auth.uid())
  or app_private.is_idea_submitter(idea_id)
  or app_private.is_idea_network_member(idea_id)
  or (select app_private.is_platform_admin())
);
create policy idea_contests_insert on public.idea_contests for insert to authenticated with check (
  author_id = (select auth.uid()) and app_private.is_idea_submitter(idea_id)
);
create policy idea_contests_update on public.idea_contests for update to authenticated using (false);
create policy idea_contests_delete on public.idea_contests for delete to authenticated using (false);
