-- POEM's shared memory, schema version 1. Applied by dev.mnemos.poem.postgres.Schema under an
-- advisory lock; poem_schema records the version. Every statement is idempotent within one run.
CREATE TABLE poem_schema (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- What the episodes mean: one row. States written by another encoder, or orders of another m,
-- are not comparable, so a process whose settings differ is refused.
CREATE TABLE poem_memory (
    id        integer PRIMARY KEY CHECK (id = 1),
    m         integer NOT NULL,
    dimension integer NOT NULL,
    encoder   text    NOT NULL,
    capacity  integer NOT NULL,
    k         integer NOT NULL,
    weighting text    NOT NULL,
    fallback  text    NOT NULL,
    created   timestamptz NOT NULL DEFAULT now()
);

-- The shared log. One row per (state, order); state is the unit-length embedding as big-endian
-- float32, state_hash its SHA-256. A repeated (state, order) keeps the larger reward (the upsert
-- uses GREATEST). xid is the transaction that last changed the row: readers take rows whose xid
-- is below the oldest running transaction, so none is missed while another commits late.
CREATE TABLE poem_episode (
    id         bigserial PRIMARY KEY,
    state_hash bytea            NOT NULL,
    state      bytea            NOT NULL,
    action     integer          NOT NULL,
    reward     double precision NOT NULL,
    written    timestamptz      NOT NULL DEFAULT now(),
    writer     text             NOT NULL,
    xid        xid8             NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (state_hash, action)
);
CREATE INDEX poem_episode_xid ON poem_episode (xid);

-- Training: the queries finished (their episodes committed in the same transaction), so a
-- restarted process skips them, and reward per order over training episodes (best fixed order).
CREATE TABLE poem_query (
    query    text PRIMARY KEY,
    writer   text NOT NULL,
    finished timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE poem_order_stats (
    action   integer PRIMARY KEY,
    total    double precision NOT NULL,
    episodes double precision NOT NULL
);
