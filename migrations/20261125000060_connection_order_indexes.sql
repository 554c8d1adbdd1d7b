-- The connections page reads one page (50 rows) at a time, in one of these orders; with an
-- index per order PostgreSQL walks the first rows of the index and stops, instead of
-- sorting every connection of the estate on each page view (10,000 in the SSR benchmark,
-- scripts/bench-ssr.sh). The expressions are written exactly as in
-- app/src/api/connections_sql.rs (order_by), which they must keep matching.
CREATE INDEX resource_connection_worst_first_idx ON resource
    ((CASE state WHEN 'down' THEN 0 WHEN 'partial' THEN 1 WHEN 'up' THEN 3 ELSE 2 END), state_since, cloud_id)
    WHERE kind = 'connection' AND gone_at IS NULL;
CREATE INDEX resource_connection_name_idx ON resource ((coalesce(name, cloud_id)), cloud_id)
    WHERE kind = 'connection' AND gone_at IS NULL;
CREATE INDEX resource_connection_since_idx ON resource (state_since DESC, cloud_id)
    WHERE kind = 'connection' AND gone_at IS NULL;
