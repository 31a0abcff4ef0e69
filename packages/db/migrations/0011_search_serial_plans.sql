-- Gallery queries are short LIMIT queries run by many requests at once. With parallel plans the planner
-- starts Gather workers for a page of 25 (e.g. a two-color search), and on a busy 2-core machine the
-- worker start-up alone took ~90 ms of a 120 ms query that runs in 8 ms serially; the workers also take
-- cores from other requests. This database serves an OLTP app, so its sessions plan serially.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET max_parallel_workers_per_gather = 0', current_database());
END
$$;
