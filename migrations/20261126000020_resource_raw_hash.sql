-- A digest of each row's stored payload (`raw`), written with it. A sync compares a fresh
-- payload with the stored one to decide whether the row needs rewriting; reading every
-- stored payload back for that (PostgreSQL printing the jsonb, the engine parsing it) was
-- most of a hot cycle's work, for rows that mostly had not changed. NULL (rows written
-- before this column) never matches, so such a row is simply written in full once.
ALTER TABLE resource ADD COLUMN raw_hash bytea;
