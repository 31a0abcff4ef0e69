-- PostgreSQL's default random_page_cost (4) models spinning disks; on SSDs and cached data the
-- planner then prefers sequential scans plus hash joins over a few hundred primary-key probes, e.g. for
-- a gallery search on two tags. 1.1 is the usual SSD setting; it applies to new sessions of this database.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
END
$$;
