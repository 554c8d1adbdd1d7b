-- History (store crate): state transitions of tunnels, health checks, BGP sessions (and any
-- other resource facet), and per-snapshot configuration diffs. Pruned by age.
CREATE TABLE state_transition (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES cloud_account (id),
    region      text NOT NULL,
    kind        text NOT NULL,
    cloud_id    text NOT NULL,
    -- Which state changed: 'main', 'ike', 'ipsec', 'health', 'bgp', 'lifecycle'.
    facet       text NOT NULL,
    at          timestamptz NOT NULL,
    old_state   text,
    new_state   text NOT NULL,
    old_raw     text,
    new_raw     text,
    reason      text,
    generation  bigint NOT NULL
);

CREATE INDEX state_transition_resource_idx ON state_transition (account_id, region, kind, cloud_id, at);
CREATE INDEX state_transition_at_idx ON state_transition (at);

CREATE TABLE config_change (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES cloud_account (id),
    region      text NOT NULL,
    kind        text NOT NULL,
    cloud_id    text NOT NULL,
    generation  bigint NOT NULL,
    at          timestamptz NOT NULL,
    change      text NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
    -- Vec<FieldChange> for 'changed'; empty for 'added' / 'removed'.
    fields      jsonb NOT NULL DEFAULT '[]'::jsonb
);

CREATE INDEX config_change_account_at_idx ON config_change (account_id, at);
CREATE INDEX config_change_at_idx ON config_change (at);
