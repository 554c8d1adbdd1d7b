-- Provider-neutral resource rows (store crate), one table for every kind: the neutral model
-- of each kind lives in `attrs` (typed in Rust), the cloud's own payload in `raw` (secrets
-- removed). A row is never deleted by a sync: when it is missing from a snapshot it gets
-- gone_at, and comes back (gone_at cleared) if it reappears.
CREATE TABLE resource (
    account_id    uuid NOT NULL REFERENCES cloud_account (id),
    region        text NOT NULL,
    kind          text NOT NULL,
    cloud_id      text NOT NULL CHECK (cloud_id <> ''),
    name          text,
    -- Cloud id of the owning resource (gateway of a connection, connection of a tunnel…).
    parent_id     text,
    state         text NOT NULL CHECK (state IN ('up', 'down', 'partial', 'pending', 'unknown')),
    raw_state     text,
    reason        text,
    -- Per-facet states (ike, ipsec, health, bgp, lifecycle): {"ike": {"state","raw","reason"}}.
    facets        jsonb NOT NULL DEFAULT '{}'::jsonb,
    attrs         jsonb NOT NULL,
    raw           jsonb NOT NULL,
    -- Merge key of customer gateways across clouds (public IP, else FQDN/ASN).
    site_key      text,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    changed_at    timestamptz NOT NULL,
    state_since   timestamptz NOT NULL,
    -- Last sync generation of (account, region, kind) in which the row was present.
    generation    bigint NOT NULL,
    gone_at       timestamptz,
    PRIMARY KEY (account_id, region, kind, cloud_id)
);

CREATE INDEX resource_parent_idx ON resource (account_id, region, parent_id) WHERE gone_at IS NULL;
CREATE INDEX resource_site_idx ON resource (site_key) WHERE site_key IS NOT NULL AND gone_at IS NULL;
CREATE INDEX resource_gone_idx ON resource (gone_at) WHERE gone_at IS NOT NULL;

-- The committed generation of each (account, region, kind). A snapshot bumps it in the same
-- transaction that writes the rows, and this row's lock serialises two writers of one key.
CREATE TABLE sync_generation (
    account_id   uuid NOT NULL REFERENCES cloud_account (id),
    region       text NOT NULL,
    kind         text NOT NULL,
    generation   bigint NOT NULL,
    committed_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, region, kind)
);

-- What readers use: only rows of the last committed generation of their key.
CREATE VIEW resource_current AS
SELECT r.*
FROM resource r
JOIN sync_generation g USING (account_id, region, kind)
WHERE r.generation = g.generation AND r.gone_at IS NULL;
