-- Sessions of tower-sessions-sqlx-store's PostgresStore (schema and table names are the store's
-- defaults). Made here rather than by the store at start-up, so that every schema change goes
-- through migrations and several gatewatch instances never race to create it.
CREATE SCHEMA IF NOT EXISTS tower_sessions;

CREATE TABLE IF NOT EXISTS tower_sessions.session (
    id          text PRIMARY KEY NOT NULL,
    data        bytea NOT NULL,
    expiry_date timestamptz NOT NULL
);

-- The expired-session sweep deletes by expiry date.
CREATE INDEX IF NOT EXISTS session_expiry_idx ON tower_sessions.session (expiry_date);
