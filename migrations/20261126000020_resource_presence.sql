-- A row seen again exactly as stored is no longer written at all. Until now every present
-- row carried the generation (and last-seen time) of the last snapshot it appeared in, so
-- each hot cycle rewrote every hot row in full: on the 10,000-connection demo that was
-- ~53,000 row updates a minute for nothing, and the database's busiest work while pages
-- were being served (BENCH-ssr.md, session 7).
--
-- What holds now: a snapshot is one transaction that bumps sync_generation, writes the rows
-- that are new or moved (stamped with that generation) and marks the missing ones gone. So
-- after any commit a row of a key is either gone or present in the key's last committed
-- snapshot; a row's own `generation` and `last_seen_at` say when it was last written (which
-- the sync reads, see crates/store/src/counters.rs), and once it is gone, when it was last
-- seen. For a present row, what readers want is the key's: the views below read them from
-- sync_generation, with the same columns and meaning as before.
CREATE OR REPLACE VIEW resource_current AS
SELECT r.account_id, r.region, r.kind, r.cloud_id, r.name, r.parent_id, r.state, r.raw_state,
       r.reason, r.facets, r.attrs, r.raw, r.site_key, r.first_seen_at,
       g.committed_at AS last_seen_at, r.changed_at, r.state_since, g.generation, r.gone_at
FROM resource r
JOIN sync_generation g USING (account_id, region, kind)
WHERE r.gone_at IS NULL;

-- Every row, present or gone, with the last-seen time and generation it stands for.
CREATE VIEW resource_seen AS
SELECT r.account_id, r.region, r.kind, r.cloud_id, r.name, r.parent_id, r.state, r.raw_state,
       r.reason, r.facets, r.attrs, r.raw, r.site_key, r.first_seen_at,
       CASE WHEN r.gone_at IS NULL THEN g.committed_at ELSE r.last_seen_at END AS last_seen_at,
       r.changed_at, r.state_since,
       CASE WHEN r.gone_at IS NULL THEN g.generation ELSE r.generation END AS generation,
       r.gone_at
FROM resource r
LEFT JOIN sync_generation g USING (account_id, region, kind);

-- How often a snapshot of each (account, region, kind) actually wrote rows (one new, moved or
-- gone; a refresh of running counters alone does not count): what a page of those rows can
-- depend on. A hot poll that finds everything as stored
-- writes no row and leaves it as it is, so the connections page's cache outlives it.
ALTER TABLE sync_generation ADD COLUMN content bigint NOT NULL DEFAULT 0;
