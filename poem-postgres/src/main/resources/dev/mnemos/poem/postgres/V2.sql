-- POEM's shared memory, schema version 2 (upgrades a version 1 database in place; nothing is lost).
-- * The read as a file memory keeps it: besides k and weighting, the aggregate (SUM or MEAN) and
--   whether the read was chosen by cross-validation (poem tune, the end of poem train).
-- * The task template and the example pool as JSON (the same fields as a memory file's header),
--   so that select, eval and a copy into a file need nothing but the database.
-- * The number of rows of poem_episode, kept by every write in the transaction that changes it,
--   so that evicting past L costs the rows evicted rather than a scan of the table; the row is
--   locked first by every write, which also orders concurrent writers.
ALTER TABLE poem_memory
    ADD COLUMN aggregate text    NOT NULL DEFAULT 'SUM',
    ADD COLUMN tuned     boolean NOT NULL DEFAULT false,
    ADD COLUMN task      text,
    ADD COLUMN pool      text,
    ADD COLUMN episodes  bigint  NOT NULL DEFAULT 0;
UPDATE poem_memory SET episodes = (SELECT count(*) FROM poem_episode);
