-- Row-level security on the one table in app_private as well.
--
-- app_private.idea_count_deltas is not granted to any API role; only the definer functions of
-- 20261124110000_idea_status_counts.sql (owned by the migration role, which owns the table and so
-- is not bound by its policies) read and write it. Enabling RLS without a policy means that any role
-- that is ever given access by mistake still sees no rows.
alter table app_private.idea_count_deltas enable row level security;
