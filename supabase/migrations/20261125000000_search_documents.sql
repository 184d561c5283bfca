-- ============================================================================
-- A narrow copy of what search reads, one row per idea.
--
-- A search for a common word (5 000 of 100 000 ideas) visits every hit: it tests the visibility
-- rule, reads the filter and sort columns and ranks the text. In public.ideas each row is ~2 KB
-- (title, problem, proposal as JSON, HTML and text, ...) and search_vector is its 31st column behind
-- a dozen variable-length ones, so reading it for ranking meant walking each wide row: ~26 ms of
-- the helper's time in the benchmark. app_private.idea_search_documents keeps just the columns the
-- search helper reads (fixed-width ones first, the vector last) with its own GIN index: the same
-- helper takes ~15 ms.
--
-- Kept by statement-level triggers on public.ideas (insert and update; delete cascades), and
-- rebuilt by rebuild_idea_search_documents() after bulk loads with triggers off
-- (bench/generate.mjs). No API role may read it (RLS on, no policy, no grant): only the definer
-- helper below, which applies the same visibility rule as the ideas_select policy
-- (tests/integration/search-visibility-rule.test.ts keeps them equal, and
-- tests/integration/search-documents.test.ts keeps the copy equal to public.ideas).
-- ============================================================================

create table app_private.idea_search_documents (
  id uuid primary key references public.ideas (id) on delete cascade,
  status public.idea_status not null,
  visibility public.idea_visibility not null,
  organisation_id uuid not null,
  network_id uuid not null,
  theme_id uuid,
  submitted_at timestamptz not null,
  updated_at timestamptz not null,
  next_due_at timestamptz,
  service_area_ids uuid[] not null,
  search_vector tsvector not null
);
revoke all on table app_private.idea_search_documents from public, anon, authenticated;
alter table app_private.idea_search_documents enable row level security;
create index idea_search_documents_vector_idx on app_private.idea_search_documents using gin (search_vector);

create or replace function app_private.copy_idea_search_documents() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  insert into app_private.idea_search_documents as d
    (id, status, visibility, organisation_id, network_id, theme_id, submitted_at, updated_at, next_due_at, service_area_ids, search_vector)
  select i.id, i.status, i.visibility, i.organisation_id, i.network_id, i.theme_id, i.submitted_at, i.updated_at,
         i.next_due_at, i.service_area_ids, i.search_vector
  from new_rows i
  on conflict (id) do update set
    status = excluded.status, visibility = excluded.visibility, organisation_id = excluded.organisation_id,
    network_id = excluded.network_id, theme_id = excluded.theme_id, submitted_at = excluded.submitted_at,
    updated_at = excluded.updated_at, next_due_at = excluded.next_due_at,
    service_area_ids = excluded.service_area_ids, search_vector = excluded.search_vector
  where (d.status, d.visibility, d.organisation_id, d.network_id, d.theme_id, d.submitted_at, d.updated_at,
         d.next_due_at, d.service_area_ids, d.search_vector)
    is distinct from (excluded.status, excluded.visibility, excluded.organisation_id, excluded.network_id,
         excluded.theme_id, excluded.submitted_at, excluded.updated_at, excluded.next_due_at,
         excluded.service_area_ids, excluded.search_vector);
  return null;
end;
$$;

create trigger ideas_search_documents_insert after insert on public.ideas
  referencing new table as new_rows for each statement execute function app_private.copy_idea_search_documents();
create trigger ideas_search_documents_update after update on public.ideas
  referencing new table as new_rows for each statement execute function app_private.copy_idea_search_documents();

-- After bulk loads with triggers off (bench/generate.mjs), and here for the ideas that exist.
create or replace function app_private.rebuild_idea_search_documents() returns void
  language sql volatile security definer set search_path = '' as $$
  delete from app_private.idea_search_documents d where not exists (select 1 from public.ideas i where i.id = d.id);
  insert into app_private.idea_search_documents as d
    (id, status, visibility, organisation_id, network_id, theme_id, submitted_at, updated_at, next_due_at, service_area_ids, search_vector)
  select i.id, i.status, i.visibility, i.organisation_id, i.network_id, i.theme_id, i.submitted_at, i.updated_at,
         i.next_due_at, i.service_area_ids, i.search_vector
  from public.ideas i
  on conflict (id) do update set
    status = excluded.status, visibility = excluded.visibility, organisation_id = excluded.organisation_id,
    network_id = excluded.network_id, theme_id = excluded.theme_id, submitted_at = excluded.submitted_at,
    updated_at = excluded.updated_at, next_due_at = excluded.next_due_at,
    service_area_ids = excluded.service_area_ids, search_vector = excluded.search_vector;
$$;
revoke all on function app_private.rebuild_idea_search_documents() from public, anon, authenticated;
select app_private.rebuild_idea_search_documents();

-- Same columns, same rule as 20261124220000_search_hits_with_columns.sql; it reads the copy.
create or replace function app_private.search_idea_hits_text(q tsquery)
  returns table (
    id uuid, rank real, status public.idea_status, organisation_id uuid, network_id uuid, theme_id uuid,
    service_area_ids uuid[], submitted_at timestamptz, updated_at timestamptz, next_due_at timestamptz
  )
  language sql stable security definer set search_path = '' as $$
  select i.id, ts_rank_cd(i.search_vector, q), i.status, i.organisation_id, i.network_id, i.theme_id,
         i.service_area_ids, i.submitted_at, i.updated_at, i.next_due_at
  from app_private.idea_search_documents i
  where i.search_vector @@ q
    and (i.visibility = 'partners'
         or i.organisation_id = (select app_private.current_organisation_id())
         or (select app_private.is_platform_admin())
         or i.network_id = any ((select app_private.my_network_ids())::uuid[])
         or i.id = any ((select app_private.my_submitted_idea_ids())::uuid[]))
$$;
