-- ============================================================================
-- "Did you mean": a misspelt search word is corrected to the nearest word that ideas contain.
--
-- Before, a search that matched no text fell back to ideas with similar *titles*: it found only
-- titles, and computing the similarity of every title above pg_trgm's threshold cost 130–150 ms on
-- 100 000 ideas (5 600 titles for `trygghetsalram`). Now each word that finds nothing is replaced
-- by the most similar known word (a trigram lookup in a small table of distinct words) and the full
-- text search runs again; the page says which words it searched for. The title fallback stays for
-- what no known word is near.
--
-- app_private.search_terms holds the distinct words (letters only, 4–40 characters) of the titles,
-- problems and proposals; a statement-level trigger adds the words of new and edited ideas. Words
-- of deleted or edited-away text stay: a correction to such a word finds nothing and the search
-- falls back as before. No API role may read the table (RLS on, no policy, no grant); the definer
-- helper returns one word, and the search page shows a correction only together with ideas the
-- user may see that contain it, so a correction never reveals a word from an idea the user may not
-- see.
-- ============================================================================

create table app_private.search_terms (term text primary key);
revoke all on table app_private.search_terms from public, anon, authenticated;
alter table app_private.search_terms enable row level security;
create index search_terms_trgm_idx on app_private.search_terms using gin (term extensions.gin_trgm_ops);

create or replace function app_private.words_of_idea_text(title text, problem text, proposal_text text) returns setof text
  language sql immutable set search_path = '' as $$
  select w from unnest(tsvector_to_array(to_tsvector('simple',
    coalesce(title, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(proposal_text, '')))) w
  where length(w) between 4 and 40 and w ~ '^[[:alpha:]]+$'
$$;

create or replace function app_private.collect_search_terms() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  insert into app_private.search_terms (term)
  select distinct w from new_rows i, app_private.words_of_idea_text(i.title, i.problem, i.proposal_text) w
  on conflict (term) do nothing;
  return null;
end;
$$;

create trigger ideas_search_terms_insert after insert on public.ideas
  referencing new table as new_rows for each statement execute function app_private.collect_search_terms();
create trigger ideas_search_terms_update after update on public.ideas
  referencing new table as new_rows for each statement execute function app_private.collect_search_terms();

-- After bulk loads with triggers off (bench/generate.mjs), and here for the ideas that exist.
create or replace function app_private.rebuild_search_terms() returns void
  language sql volatile security definer set search_path = '' as $$
  insert into app_private.search_terms (term)
  select distinct w from public.ideas i, app_private.words_of_idea_text(i.title, i.problem, i.proposal_text) w
  on conflict (term) do nothing;
$$;
select app_private.rebuild_search_terms();

-- The known word most like `word` (pg_trgm similarity above its threshold), or null.
create or replace function app_private.nearest_search_term(word text) returns text
  language sql stable security definer set search_path = '' as $$
  select t.term from app_private.search_terms t
  where t.term operator(extensions.%) lower(word)
  order by extensions.similarity(t.term, lower(word)) desc, t.term
  limit 1
$$;

revoke all on function app_private.rebuild_search_terms(), app_private.collect_search_terms() from public, anon, authenticated;
revoke all on function app_private.nearest_search_term(text) from public, anon;
grant execute on function app_private.nearest_search_term(text) to authenticated, service_role;
