-- A network's internal notes and evaluation scores stay when their author deletes the account.
--
-- They were deleted with the account (on delete cascade). A member who leaves took the network's
-- working notes on an idea ("spoke to the supplier, price …") and their scores out of the averages
-- with them, while their answers, comments and transfers stayed without their name. Notes and
-- evaluations now do the same: the author becomes null ("Tidligere ansatt" on the triage page),
-- the text and the scores stay. Only members of the idea's network (and admins) can read them, as before.

alter table public.idea_internal_notes
  alter column author_id drop not null,
  drop constraint idea_internal_notes_author_id_fkey,
  add constraint idea_internal_notes_author_id_fkey foreign key (author_id) references public.profiles(id) on delete set null;

-- The key was (idea, evaluator, criterion); a former member's scores have no evaluator, so the row
-- gets its own id and "one score per person and criterion" becomes a unique constraint (nulls are
-- distinct: several former members' scores can stand side by side).
alter table public.idea_evaluations
  drop constraint idea_evaluations_pkey,
  add column id uuid not null default gen_random_uuid(),
  alter column evaluator_id drop not null,
  drop constraint idea_evaluations_evaluator_id_fkey,
  add constraint idea_evaluations_evaluator_id_fkey foreign key (evaluator_id) references public.profiles(id) on delete set null;
alter table public.idea_evaluations
  add primary key (id),
  add constraint idea_evaluations_one_per_person_and_criterion unique (idea_id, evaluator_id, criterion);
