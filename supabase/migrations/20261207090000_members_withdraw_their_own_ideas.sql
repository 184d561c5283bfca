-- A network member (or an admin) who submitted an idea that was routed to her own network could not
-- withdraw it: guard_idea_triage treated her as a triager, and a triager's status change needs a
-- written answer, so "Trekk forslaget" ended in a server error. Found by the action fuzzer after an
-- admin had made the submitter a member of the idea's network.
--
-- The submitter's own withdrawal is now allowed whoever she is, and guard_idea_update stamps
-- withdrawn_at for members and admins too (it returned before stamping for them, so the idea would
-- have closed without a time and kept counting as open for the answer guarantee).
-- Both functions are restated whole; only the marked lines differ from the previous versions.

create or replace function app_private.guard_idea_update() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return new;
  end if;
  if app_private.is_platform_admin() or app_private.is_network_member(old.network_id) then
    -- changed: a member or admin withdrawing (her own idea, or by an answer) stops the clock too
    if new.status = 'withdrawn' and old.status <> 'withdrawn' then
      new.withdrawn_at := now();
    end if;
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
      -- changed: no "and not triager": a member withdrawing her own idea needs no answer to herself
      if new.status = 'withdrawn' and app_private.is_idea_submitter(old.id) then
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
