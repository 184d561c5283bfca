-- ============================================================================
-- Found by the benchmark (500 stories, 1 000 benefits): the stories_select policy called
-- is_network_member(network_id) — a query — for every story before the cheap "published and
-- visible" test, and the story_benefits/_images/_organisations policies run it again for each of
-- their rows (exists … stories). The story gallery spent 6 ms counting 504 stories and 20 ms adding
-- up the benefits, per view. As for ideas (20261123200000_bench_indexes.sql): the same four
-- conditions, the cheap column tests first, and "my networks" looked up once per statement.
-- ============================================================================

alter policy stories_select on public.stories using (
  (status = 'published' and (visibility <> 'organisation' or organisation_id = (select app_private.current_organisation_id())))
  or author_id = (select auth.uid())
  or (select app_private.is_platform_admin())
  or (status <> 'draft' and network_id = any ((select app_private.my_network_ids())::uuid[]))
);
