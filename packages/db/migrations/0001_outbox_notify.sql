-- Wakes outbox relays as soon as a transaction that wrote events commits (NOTIFY is delivered on
-- commit and coalesced per transaction); relays still poll as a safety net for missed notifications.
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_new', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS outbox_notify_insert ON outbox;
--> statement-breakpoint
CREATE TRIGGER outbox_notify_insert AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
