-- POEM's shared memory, schema version 3 (upgrades a version 2 database in place; nothing is lost).
-- * The model whose answers earned the training rewards (as poem train names it, e.g.
--   'ollama llama3.2, chat style'), so that training with another model is refused unless asked
--   for, as a memory file records it. NULL for a memory trained before.
ALTER TABLE poem_memory ADD COLUMN model text;
