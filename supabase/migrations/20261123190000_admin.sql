-- ============================================================================
-- Administration and privacy rights (issue 7, items 3 and 4).
-- 1. audit_log: every change an API user makes to the reference data, networks, members, routing
--    rules, templates and roles is written by a trigger in the same transaction as the change.
--    Nobody updates or deletes entries; admins read all, coordinators their network's.
-- 2. Routing: route_idea() and the admin preview call one pure function, so a preview of a rule
--    set is the routing that rule set gives, by construction. Overlapping and unreachable rules
--    are refused.
-- 3. Guards that keep the portal consistent: every organisation keeps a fallback network, a
--    network keeps its last coordinator, a network with ideas is not deleted.
-- 4. export_my_data() and delete_my_account(): the person's own data, and leaving without a trace
--    of the person in what stays (ideas and comments stay as "tidligere ansatt").
-- ============================================================================

-- ----------------------------------------------------------------------------
-- Audit log
-- ----------------------------------------------------------------------------
create table public.audit_log (
  id bigint generated always as identity primary key,
  -- Null after the actor's account is deleted, and for events that must not name anyone.
  actor_id uuid references public.profiles(id) on delete set null,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_table text not null check (length(target_table) between 2 and 60),
  target_id text check (target_id is null or length(target_id) <= 200),
  -- The network the change concerns (no foreign key: the entry outlives a deleted network).
  network_id uuid,
  before_data jsonb,
  after_data jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on public.audit_log (created_at desc, id desc);
create index audit_log_network_idx on public.audit_log (network_id, created_at desc);
create index audit_log_actor_idx on public.audit_log (actor_id);

-- Only what an administrator manages is recorded; on profiles only the role, organisation and unit
-- (never name or e-mail, so an entry does not outlive the person's data).
create or replace function app_private.audit_row_change() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(after_row, before_row);
  target text;
  network uuid;
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return null;
  end if;
  if tg_table_name = 'profiles' then
    before_row := jsonb_build_object('platform_role', before_row->'platform_role', 'organisation_id', before_row->'organisation_id', 'unit_id', before_row->'unit_id');
    after_row := jsonb_build_object('platform_role', after_row->'platform_role', 'organisation_id', after_row->'organisation_id', 'unit_id', after_row->'unit_id');
    -- People changing their own unit or language are not administering anything.
    if tg_op <> 'UPDATE' or before_row = after_row or (old.id = (select auth.uid()) and old.platform_role = new.platform_role) then
      return null;
    end if;
  end if;
  -- A membership that goes with a deleted account leaves no trace of the person.
  if tg_table_name = 'network_members' and tg_op = 'DELETE'
     and not exists (select 1 from public.profiles p where p.id = (before_row->>'profile_id')::uuid) then
    return null;
  end if;
  if tg_op = 'UPDATE' and (before_row - 'updated_at') = (after_row - 'updated_at') then
    return null;
  end if;
  target := case tg_table_name
    when 'organisation_domains' then row_data->>'domain'
    when 'network_members' then row_data->>'profile_id'
    when 'organisation_group_members' then row_data->>'organisation_id'
    else row_data->>'id' end;
  network := case tg_table_name
    when 'networks' then (row_data->>'id')::uuid
    when 'network_members' then (row_data->>'network_id')::uuid
    when 'reply_templates' then (row_data->>'network_id')::uuid
    when 'routing_rules' then (row_data->>'network_id')::uuid
    end;
  insert into public.audit_log (actor_id, action, target_table, target_id, network_id, before_data, after_data)
  values ((select auth.uid()), tg_table_name || '.' || lower(tg_op), tg_table_name, target, network,
          case when tg_op <> 'INSERT' then before_row end, case when tg_op <> 'DELETE' then after_row end);
  return null;
end $$;
revoke execute on function app_private.audit_row_change() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['organisations', 'organisation_groups', 'organisation_group_members', 'organisation_domains',
    'units', 'networks', 'network_members', 'routing_rules', 'themes', 'service_areas', 'reply_templates'] loop
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function app_private.audit_row_change()',
      t || '_audit', t);
  end loop;
end $$;
create trigger profiles_audit after update on public.profiles
  for each row execute function app_private.audit_row_change();

revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
grant all on public.audit_log to service_role;
alter table public.audit_log enable row level security;

create policy audit_log_select on public.audit_log for select to authenticated using (
  (select app_private.is_platform_admin())
  or (network_id is not null and app_private.is_network_coordinator(network_id))
);
create policy audit_log_insert on public.audit_log for insert to authenticated with check (false);
create policy audit_log_update on public.audit_log for update to authenticated using (false);
create policy audit_log_delete on public.audit_log for delete to authenticated using (false);

-- ----------------------------------------------------------------------------
-- Routing: one pure function decides; route_idea() and the preview only gather its inputs.
-- ----------------------------------------------------------------------------
create or replace function app_private.pick_route(
  p_rules public.routing_rules[], p_fallback_network_id uuid, p_organisation_id uuid, p_organisation_groups uuid[],
  p_theme_id uuid, p_service_area_ids uuid[], p_several boolean
) returns table (network_id uuid, rule_id uuid, explanation jsonb)
  language plpgsql immutable set search_path = '' as $$
declare
  r public.routing_rules;
  org_groups uuid[] := coalesce(p_organisation_groups, '{}');
begin
  foreach r in array coalesce(p_rules, '{}') loop
    if r.active
       and (r.match_organisation_ids is null or p_organisation_id = any(r.match_organisation_ids))
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
  if p_fallback_network_id is not null then
    network_id := p_fallback_network_id;
    rule_id := null;
    explanation := jsonb_build_object('kind', 'fallback', 'organisationId', p_organisation_id);
    return next;
  end if;
end $$;

create or replace function app_private.organisation_group_ids(p_organisation_id uuid) returns uuid[]
  language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.group_id order by m.group_id), '{}') from public.organisation_group_members m where m.organisation_id = p_organisation_id
$$;

-- The real routing: the active rules as saved, in order.
create or replace function public.route_idea(
  p_organisation_id uuid, p_theme_id uuid, p_service_area_ids uuid[], p_several boolean
) returns table (network_id uuid, rule_id uuid, explanation jsonb)
  language sql stable security definer set search_path = '' as $$
  select p.network_id, p.rule_id, p.explanation
  from app_private.pick_route(
    (select array_agg(r order by r.position) from public.routing_rules r),
    (select o.fallback_network_id from public.organisations o where o.id = p_organisation_id),
    p_organisation_id, app_private.organisation_group_ids(p_organisation_id),
    p_theme_id, p_service_area_ids, p_several) p
  where exists (select 1 from public.organisations o where o.id = p_organisation_id)
$$;
grant execute on function public.route_idea(uuid, uuid, uuid[], boolean) to authenticated;

-- The saved rules with one rule added or replaced (p_candidate, shaped like a routing_rules row;
-- a known id replaces that rule) or removed (p_remove_rule_id), in position order.
create or replace function app_private.candidate_rule_set(p_candidate jsonb, p_remove_rule_id uuid)
  returns public.routing_rules[]
  language plpgsql stable security definer set search_path = '' as $$
declare
  candidate public.routing_rules;
  rules public.routing_rules[];
begin
  if p_candidate is not null then
    candidate := jsonb_populate_record(null::public.routing_rules,
      jsonb_build_object('id', gen_random_uuid(), 'active', true, 'name', 'preview', 'created_at', now(), 'updated_at', now()) || p_candidate);
  end if;
  select array_agg(r order by r.position, r.id) into rules
  from (
    select * from public.routing_rules s
    where s.id is distinct from p_remove_rule_id and (candidate.id is null or s.id <> candidate.id)
    union all
    select candidate.* where candidate.id is not null
  ) r;
  return coalesce(rules, '{}');
end $$;

-- "Which network would this idea go to?" with the rule being edited as if it were saved.
create or replace function public.preview_route(
  p_organisation_id uuid, p_theme_id uuid, p_service_area_ids uuid[], p_several boolean,
  p_candidate jsonb default null, p_remove_rule_id uuid default null
) returns table (network_id uuid, rule_id uuid, explanation jsonb)
  language plpgsql stable security definer set search_path = '' as $$
begin
  if not app_private.is_platform_admin() then
    raise exception 'only platform administrators preview routing' using errcode = '42501', hint = 'admin_only';
  end if;
  return query
    select p.network_id, p.rule_id, p.explanation
    from app_private.pick_route(
      app_private.candidate_rule_set(p_candidate, p_remove_rule_id),
      (select o.fallback_network_id from public.organisations o where o.id = p_organisation_id),
      p_organisation_id, app_private.organisation_group_ids(p_organisation_id),
      p_theme_id, p_service_area_ids, p_several) p
    where exists (select 1 from public.organisations o where o.id = p_organisation_id);
end $$;
revoke execute on function public.preview_route(uuid, uuid, uuid[], boolean, jsonb, uuid) from public, anon;
grant execute on function public.preview_route(uuid, uuid, uuid[], boolean, jsonb, uuid) to authenticated;

-- Rule a catches every idea rule b catches (so b, later in the order, can never win).
create or replace function app_private.rule_covers(a public.routing_rules, b public.routing_rules) returns boolean
  language sql immutable set search_path = '' as $$
  select (a.match_organisation_ids is null or (b.match_organisation_ids is not null and b.match_organisation_ids <@ a.match_organisation_ids))
     and (a.match_group_ids is null or (b.match_group_ids is not null and b.match_group_ids <@ a.match_group_ids))
     and (a.match_theme_ids is null or (b.match_theme_ids is not null and b.match_theme_ids <@ a.match_theme_ids))
     and (a.match_service_area_ids is null or (b.match_service_area_ids is not null and b.match_service_area_ids <@ a.match_service_area_ids))
     and (a.match_several_municipalities is null or coalesce(a.match_several_municipalities = b.match_several_municipalities, false))
$$;

-- Problems in an ordered rule set: a later active rule with the same criteria as an earlier one
-- ('duplicate'), or one that an earlier rule always catches first ('unreachable').
create or replace function app_private.routing_rule_problems(p_rules public.routing_rules[])
  returns table (rule_id uuid, rule_name text, earlier_rule_id uuid, earlier_rule_name text, kind text)
  language plpgsql immutable set search_path = '' as $$
declare
  a public.routing_rules;
  b public.routing_rules;
begin
  for j in 1..coalesce(array_length(p_rules, 1), 0) loop
    b := p_rules[j];
    continue when not b.active;
    for i in 1..j - 1 loop
      a := p_rules[i];
      if a.active and app_private.rule_covers(a, b) then
        rule_id := b.id;
        rule_name := b.name;
        earlier_rule_id := a.id;
        earlier_rule_name := a.name;
        kind := case when app_private.rule_covers(b, a) then 'duplicate' else 'unreachable' end;
        return next;
        exit;
      end if;
    end loop;
  end loop;
end $$;

-- What the rule set would look like with a candidate saved: the same check the database runs.
create or replace function public.preview_routing_problems(p_candidate jsonb default null, p_remove_rule_id uuid default null)
  returns table (rule_id uuid, rule_name text, earlier_rule_id uuid, earlier_rule_name text, kind text)
  language plpgsql stable security definer set search_path = '' as $$
begin
  if not app_private.is_platform_admin() then
    raise exception 'only platform administrators preview routing' using errcode = '42501', hint = 'admin_only';
  end if;
  return query select * from app_private.routing_rule_problems(app_private.candidate_rule_set(p_candidate, p_remove_rule_id));
end $$;
revoke execute on function public.preview_routing_problems(jsonb, uuid) from public, anon;
grant execute on function public.preview_routing_problems(jsonb, uuid) to authenticated;

create or replace function app_private.check_routing_rules() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  problem record;
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return null;
  end if;
  select * into problem
  from app_private.routing_rule_problems((select array_agg(r order by r.position) from public.routing_rules r))
  limit 1;
  if problem.rule_id is not null then
    raise exception 'routing rule "%" is never reached: "%" comes first', problem.rule_name, problem.earlier_rule_name
      using errcode = '23514', hint = 'routing_rule_' || problem.kind,
            detail = jsonb_build_object('rule', problem.rule_name, 'earlier', problem.earlier_rule_name)::text;
  end if;
  return null;
end $$;
create trigger routing_rules_check after insert or update or delete on public.routing_rules
  for each statement execute function app_private.check_routing_rules();

-- ----------------------------------------------------------------------------
-- Every organisation keeps a fallback network (so every idea has somewhere to go)
-- ----------------------------------------------------------------------------
create or replace function app_private.guard_organisation_fallback() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) = 'authenticated' and new.fallback_network_id is null and old.fallback_network_id is not null then
    raise exception 'an organisation needs a fallback network' using errcode = '23514', hint = 'fallback_required';
  end if;
  return new;
end $$;
create trigger organisations_fallback_guard before update of fallback_network_id on public.organisations
  for each row execute function app_private.guard_organisation_fallback();

-- ----------------------------------------------------------------------------
-- Deleting a network: not while it owns ideas or stories, or is an organisation's fallback
-- ----------------------------------------------------------------------------
create or replace function app_private.guard_network_delete() returns trigger
  language plpgsql security definer set search_path = '' as $$
declare
  open_count integer;
begin
  if (select auth.role()) is distinct from 'authenticated' then
    return old;
  end if;
  select count(*) into open_count from public.ideas i where i.network_id = old.id and not app_private.is_closed_status(i.status);
  if open_count > 0 then
    raise exception 'the network still owns % open ideas', open_count using errcode = '23503', hint = 'network_has_open_ideas',
      detail = jsonb_build_object('count', open_count)::text;
  end if;
  if exists (select 1 from public.organisations o where o.fallback_network_id = old.id) then
    raise exception 'the network is an organisation''s fallback network' using errcode = '23503', hint = 'network_is_fallback',
      detail = jsonb_build_object('organisations', (select string_agg(o.name, ', ' order by o.name) from public.organisations o where o.fallback_network_id = old.id))::text;
  end if;
  if exists (select 1 from public.ideas i where i.network_id = old.id)
     or exists (select 1 from public.idea_transfers t where t.from_network_id = old.id or t.to_network_id = old.id)
     or exists (select 1 from public.stories s where s.network_id = old.id) then
    raise exception 'the network has a history of ideas or stories' using errcode = '23503', hint = 'network_has_history';
  end if;
  return old;
end $$;
create trigger networks_delete_guard before delete on public.networks
  for each row execute function app_private.guard_network_delete();

-- ----------------------------------------------------------------------------
-- A network keeps at least one coordinator (unless the network or the person's account goes)
-- ----------------------------------------------------------------------------
create or replace function app_private.guard_last_coordinator() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'authenticated' or old.role <> 'coordinator'
     or (tg_op = 'UPDATE' and new.role = 'coordinator' and new.network_id = old.network_id) then
    return null;
  end if;
  if exists (select 1 from public.networks n where n.id = old.network_id)
     and exists (select 1 from public.profiles p where p.id = old.profile_id)
     and not exists (select 1 from public.network_members m where m.network_id = old.network_id and m.role = 'coordinator') then
    raise exception 'the network would have no coordinator' using errcode = '23514', hint = 'last_coordinator';
  end if;
  return null;
end $$;
create trigger network_members_last_coordinator after update or delete on public.network_members
  for each row execute function app_private.guard_last_coordinator();

-- A coordinator adds people by e-mail, also from other organisations (profiles_select hides them).
create or replace function public.find_profile_for_network(target_network uuid, member_email text) returns uuid
  language sql stable security definer set search_path = '' as $$
  select p.id from public.profiles p
  where p.email = lower(btrim(member_email))
    and (app_private.is_platform_admin() or app_private.is_network_coordinator(target_network))
$$;
revoke execute on function public.find_profile_for_network(uuid, text) from public, anon;
grant execute on function public.find_profile_for_network(uuid, text) to authenticated;

-- ----------------------------------------------------------------------------
-- Privacy rights: everything tied to the signed-in person, as one JSON document
-- ----------------------------------------------------------------------------
create or replace function public.export_my_data() returns jsonb
  language plpgsql stable security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  result jsonb;
begin
  if me is null or not exists (select 1 from public.profiles where id = me) then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  select jsonb_build_object(
    'profile', (select jsonb_build_object('id', p.id, 'email', p.email, 'fullName', p.full_name, 'jobTitle', p.job_title,
        'organisation', o.name, 'unit', u.name, 'locale', p.locale, 'platformRole', p.platform_role,
        'onboardedAt', p.onboarded_at, 'createdAt', p.created_at, 'updatedAt', p.updated_at)
      from public.profiles p join public.organisations o on o.id = p.organisation_id left join public.units u on u.id = p.unit_id
      where p.id = me),
    'notificationPreferences', (select to_jsonb(np) - 'profile_id' from public.notification_preferences np where np.profile_id = me),
    'networkMemberships', coalesce((select jsonb_agg(jsonb_build_object('network', n.name, 'role', m.role, 'since', m.created_at) order by n.name)
      from public.network_members m join public.networks n on n.id = m.network_id where m.profile_id = me), '[]'),
    'ideas', coalesce((select jsonb_agg(jsonb_build_object('publicId', i.public_id, 'title', i.title, 'problem', i.problem,
        'proposal', i.proposal_text, 'stopDoing', i.stop_doing, 'status', i.status, 'visibility', i.visibility,
        'hideName', i.hide_name, 'displayName', s.display_name, 'onBehalfOfName', s.on_behalf_of_name,
        'onBehalfOfEmail', s.on_behalf_of_email, 'submittedAt', i.submitted_at) order by i.submitted_at)
      from public.idea_submitters s join public.ideas i on i.id = s.idea_id where s.submitter_id = me), '[]'),
    'drafts', coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'title', d.title, 'formData', d.form_data,
        'createdAt', d.created_at, 'updatedAt', d.updated_at) order by d.created_at)
      from public.idea_drafts d where d.owner_id = me), '[]'),
    'attachments', coalesce((select jsonb_agg(jsonb_build_object('fileName', a.file_name, 'contentType', a.content_type,
        'sizeBytes', a.size_bytes, 'idea', i.public_id, 'draftId', a.draft_id, 'createdAt', a.created_at) order by a.created_at)
      from public.idea_attachments a left join public.ideas i on i.id = a.idea_id where a.owner_id = me), '[]'),
    'comments', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'body', c.body, 'deleted', c.deleted_at is not null,
        'hiddenReason', c.hidden_reason, 'editedAt', c.edited_at, 'createdAt', c.created_at) order by c.created_at)
      from public.idea_comments c join public.ideas i on i.id = c.idea_id where c.author_id = me), '[]'),
    'mentionedIn', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'commentId', c.id, 'createdAt', m.created_at) order by m.created_at)
      from public.idea_comment_mentions m join public.idea_comments c on c.id = m.comment_id join public.ideas i on i.id = c.idea_id
      where m.profile_id = me), '[]'),
    'supports', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'title', i.title, 'createdAt', s.created_at) order by s.created_at)
      from public.idea_supports s join public.ideas i on i.id = s.idea_id where s.profile_id = me), '[]'),
    'sameNeed', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'title', i.title, 'note', n.note, 'createdAt', n.created_at) order by n.created_at)
      from public.idea_same_need n join public.ideas i on i.id = n.idea_id where n.profile_id = me), '[]'),
    'follows', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'title', i.title, 'createdAt', f.created_at) order by f.created_at)
      from public.idea_follows f join public.ideas i on i.id = f.idea_id where f.profile_id = me), '[]'),
    'cocreation', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'kind', c.kind, 'status', c.status,
        'message', c.message, 'createdAt', c.created_at, 'respondedAt', c.responded_at) order by c.created_at)
      from public.idea_cocreators c join public.ideas i on i.id = c.idea_id where c.profile_id = me), '[]'),
    'notifications', coalesce((select jsonb_agg(jsonb_build_object('kind', n.kind, 'titleKey', n.title_key, 'values', n."values",
        'link', n.link, 'readAt', n.read_at, 'createdAt', n.created_at) order by n.created_at)
      from public.notifications n where n.recipient_id = me), '[]'),
    'answersWritten', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'fromStatus', a.from_status,
        'toStatus', a.to_status, 'body', a.body, 'createdAt', a.created_at) order by a.created_at)
      from public.idea_answers a join public.ideas i on i.id = a.idea_id where a.author_id = me), '[]'),
    'internalNotesWritten', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'body', n.body, 'createdAt', n.created_at) order by n.created_at)
      from public.idea_internal_notes n join public.ideas i on i.id = n.idea_id where n.author_id = me), '[]'),
    'evaluations', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'criterion', e.criterion, 'score', e.score,
        'note', e.note, 'updatedAt', e.updated_at) order by e.updated_at)
      from public.idea_evaluations e join public.ideas i on i.id = e.idea_id where e.evaluator_id = me), '[]'),
    'ideasOwned', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'title', i.title) order by i.submitted_at)
      from public.ideas i where i.owner_id = me), '[]'),
    'transfersMade', coalesce((select jsonb_agg(jsonb_build_object('idea', i.public_id, 'reason', t.reason, 'createdAt', t.created_at) order by t.created_at)
      from public.idea_transfers t join public.ideas i on i.id = t.idea_id where t.transferred_by = me), '[]'),
    'stories', coalesce((select jsonb_agg(jsonb_build_object('slug', s.slug, 'title', s.title, 'status', s.status,
        'author', s.author_id = me, 'contact', s.contact_profile_id = me, 'createdAt', s.created_at) order by s.created_at)
      from public.stories s where s.author_id = me or s.contact_profile_id = me), '[]'),
    'storyTrials', coalesce((select jsonb_agg(jsonb_build_object('story', s.slug, 'createdAt', t.created_at) order by t.created_at)
      from public.story_trials t join public.stories s on s.id = t.story_id where t.profile_id = me), '[]'),
    'emails', coalesce((select jsonb_agg(jsonb_build_object('kind', m.kind, 'status', m.status, 'createdAt', m.created_at, 'sentAt', m.sent_at) order by m.created_at)
      from public.outbox_messages m where m.recipient_profile_id = me), '[]'),
    'administrativeChanges', coalesce((select jsonb_agg(jsonb_build_object('action', l.action, 'target', l.target_id, 'createdAt', l.created_at) order by l.id)
      from public.audit_log l where l.actor_id = me), '[]')
  ) into result;
  return result;
end $$;
revoke execute on function public.export_my_data() from public, anon;
grant execute on function public.export_my_data() to authenticated;

-- ----------------------------------------------------------------------------
-- Privacy rights: deleting one's own account
-- ----------------------------------------------------------------------------
-- What the foreign keys do when the profile goes: ideas stay (idea_submitters.submitter_id set
-- null, display name blanked: "tidligere ansatt"), comments stay without author, answers, transfers,
-- stories and same-need signals stay without the person; drafts, supports, follows, notifications,
-- preferences, memberships, co-creator rows, internal notes and evaluations go with the person.
-- Returns the storage keys of attachments that went with the drafts, for the app to remove.
create or replace function public.delete_my_account() returns text[]
  language plpgsql volatile security definer set search_path = '' as $$
declare
  me public.profiles;
  draft_files text[];
  claims text := current_setting('request.jwt.claims', true);
begin
  select * into me from public.profiles where id = (select auth.uid());
  if me.id is null then
    raise exception 'not signed in' using errcode = '42501', hint = 'not_signed_in';
  end if;
  select coalesce(array_agg(a.storage_key), '{}') into draft_files
  from public.idea_attachments a join public.idea_drafts d on d.id = a.draft_id where d.owner_id = me.id;

  -- Names written into timelines and other people's notices go with the person.
  update public.idea_events set data = data - 'name'
  where (actor_id = me.id or data->>'profileId' = me.id::text) and data ? 'name';
  update public.idea_events set data = jsonb_set(data, '{ownerId}', 'null'::jsonb)
  where data->>'ownerId' = me.id::text;
  update public.idea_events set data = jsonb_set(data, '{previousOwnerId}', 'null'::jsonb)
  where data->>'previousOwnerId' = me.id::text;
  -- Earlier audit entries keep what happened, not who it happened to.
  update public.audit_log set target_id = null where target_id = me.id::text;
  update public.audit_log set
    before_data = replace(before_data::text, '"' || me.id::text || '"', 'null')::jsonb,
    after_data = replace(after_data::text, '"' || me.id::text || '"', 'null')::jsonb
  where before_data::text like '%' || me.id::text || '%' or after_data::text like '%' || me.id::text || '%';
  -- Mail to and sign-in traces of the address.
  delete from public.outbox_messages where recipient_profile_id = me.id or recipient_email = me.email;
  delete from public.login_tokens where email = me.email;
  delete from public.mailbox_messages where to_address = me.email;

  -- The rows that point at the person change through their foreign keys; the guards that keep
  -- users from editing other people's rows (comments, stories, ideas) do not apply to that, nor
  -- does the audit trigger (the entry below says what happened, without the person).
  perform set_config('request.jwt.claims', jsonb_build_object('role', 'service_role')::text, true);
  -- The auth user goes, and with it the profile (profiles.id references auth.users on delete cascade).
  delete from auth.users where id = me.id;
  delete from public.profiles where id = me.id;
  perform set_config('request.jwt.claims', claims, true);

  insert into public.audit_log (actor_id, action, target_table, target_id, network_id, before_data, after_data)
  values (null, 'account.deleted', 'profiles', null, null, null, null);
  return draft_files;
end $$;
revoke execute on function public.delete_my_account() from public, anon;
grant execute on function public.delete_my_account() to authenticated;

revoke execute on function app_private.pick_route(public.routing_rules[], uuid, uuid, uuid[], uuid, uuid[], boolean),
  app_private.organisation_group_ids(uuid), app_private.candidate_rule_set(jsonb, uuid),
  app_private.rule_covers(public.routing_rules, public.routing_rules), app_private.routing_rule_problems(public.routing_rules[]),
  app_private.check_routing_rules(), app_private.guard_organisation_fallback(), app_private.guard_network_delete(),
  app_private.guard_last_coordinator() from public, anon, authenticated;
