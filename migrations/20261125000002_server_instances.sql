-- Every gatewatch server process sharing this database registers here and refreshes its
-- heartbeat. The settings page lists the live ones, and the sync scheduler uses the same rows
-- to split polling between replicas.
CREATE TABLE server_instance (
    id           uuid PRIMARY KEY,
    hostname     text NOT NULL,
    pid          integer NOT NULL,
    version      text NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    stopped_at   timestamptz
);

CREATE INDEX server_instance_heartbeat_idx ON server_instance (heartbeat_at);
