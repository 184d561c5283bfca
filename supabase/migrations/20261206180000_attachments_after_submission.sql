-- Attachments can be added and removed after submission, until triage starts, by the submitter and
-- by accepted co-creators (also from another organisation).
--
-- Until now files could only come with the submission: a photo forgotten on the phone could not be
-- added later, and co-creators could never add one. Still only while the idea is 'received' (as for
-- editing the text). A co-creator removes the files they added; the submitter removes any.

drop policy idea_attachments_insert on public.idea_attachments;
create policy idea_attachments_insert on public.idea_attachments for insert to authenticated with check (
  owner_id = (select auth.uid())
  and (draft_id is null or exists (select 1 from public.idea_drafts d where d.id = draft_id and d.owner_id = (select auth.uid())))
  and (idea_id is null or ((app_private.is_idea_submitter(idea_id) or app_private.is_idea_cocreator(idea_id))
       and exists (select 1 from public.ideas i where i.id = idea_id and i.status = 'received')))
);

drop policy idea_attachments_delete on public.idea_attachments;
create policy idea_attachments_delete on public.idea_attachments for delete to authenticated using (
  (owner_id = (select auth.uid()) and idea_id is null)
  or (idea_id is not null
      and (owner_id = (select auth.uid()) or app_private.is_idea_submitter(idea_id))
      and exists (select 1 from public.ideas i where i.id = idea_id and i.status = 'received'))
);
