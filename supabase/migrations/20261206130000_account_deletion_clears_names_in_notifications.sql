-- A person who deletes their account is no longer named in other people's notifications.
--
-- Notifications store the words they are written with ("{{author}} nevnte deg i en kommentar"), the
-- author's or co-creator's name among them. The account deletion already removed the person's name
-- from idea timelines and audit entries, but other people's notifications kept it. Now the name is
-- emptied there too (keys 'author' and 'name' holding exactly the person's name), and an empty name
-- is shown as "Tidligere ansatt", as comments by deleted accounts already are.
--
-- The rest of the function is unchanged from 20261124200000_story_contact_after_account_deletion.sql.

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
  -- Other people's notifications that name the person ("Kari Nordby nevnte deg …") keep what
  -- happened, not the name: it is emptied and shown as a former employee.
  update public.notifications n
  set "values" = (
    select jsonb_object_agg(e.key, case when e.key in ('author', 'name') and e.value = to_jsonb(me.full_name) then '""'::jsonb else e.value end)
    from jsonb_each(n."values") e)
  where n.recipient_id <> me.id
    and (n."values" -> 'author' = to_jsonb(me.full_name) or n."values" -> 'name' = to_jsonb(me.full_name));

  -- The rows that point at the person change through their foreign keys; the guards that keep
  -- users from editing other people's rows (comments, stories, ideas) do not apply to that, nor
  -- does the audit trigger (the entry below says what happened, without the person).
  perform set_config('request.jwt.claims', jsonb_build_object('role', 'service_role')::text, true);
  -- A story that named the person as its contact keeps no name or address of theirs.
  update public.stories set contact_name = null, contact_email = null where contact_profile_id = me.id;
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
