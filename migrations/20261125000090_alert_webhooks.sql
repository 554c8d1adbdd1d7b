-- Alert webhooks (alerts crate): where alerts go, what has been considered, what was sent.

-- A webhook target. The URL is a secret (a Slack URL is its own credential): it is stored only
-- as AES-256-GCM ciphertext (the store's key ring, the webhook id as associated data); lists
-- show `url_host` only.
CREATE TABLE alert_webhook (
    id               uuid PRIMARY KEY,
    name             text NOT NULL CHECK (btrim(name) <> ''),
    kind             text NOT NULL CHECK (kind IN ('generic', 'slack')),
    url_host         text NOT NULL,
    url_ciphertext   bytea NOT NULL,
    url_nonce        bytea NOT NULL CHECK (length(url_nonce) = 12),
    url_key_version  integer NOT NULL,
    enabled          boolean NOT NULL DEFAULT true,
    -- Optional filters; empty means every cloud ('aliyun', 'huawei') / every resource kind
    -- ('tunnel', 'bgp_session').
    clouds           text[] NOT NULL DEFAULT '{}',
    kinds            text[] NOT NULL DEFAULT '{}',
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_webhook_name_idx ON alert_webhook (lower(name));

-- One row: the last state_transition id the dispatcher has considered. Whoever holds this
-- row's lock (SELECT … FOR UPDATE SKIP LOCKED) decides; other servers skip that tick. Starts
-- at the current end of the history, so an upgrade does not alert on old transitions.
CREATE TABLE alert_cursor (
    singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_transition_id  bigint NOT NULL
);
INSERT INTO alert_cursor (last_transition_id)
SELECT COALESCE(max(id), 0) FROM state_transition;

-- Debounce state of each tunnel / BGP session with something in progress (deleted again once
-- it has been quietly up for a while, so the table stays small).
CREATE TABLE alert_resource (
    account_id  uuid NOT NULL,
    region      text NOT NULL,
    kind        text NOT NULL,
    cloud_id    text NOT NULL,
    state       text NOT NULL,
    old_state   text,
    since       timestamptz NOT NULL,
    reason      text,
    -- Times of the recent changes (inside the flap window).
    changes     timestamptz[] NOT NULL DEFAULT '{}',
    -- A down / flapping alert went out and no "recovered" yet.
    alerted     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, region, kind, cloud_id)
);

-- One row per (alert, webhook): the outbox the senders claim from, and the delivery log.
CREATE TABLE alert_delivery (
    id               bigserial PRIMARY KEY,
    webhook_id       uuid NOT NULL REFERENCES alert_webhook (id) ON DELETE CASCADE,
    event            text NOT NULL CHECK (event IN ('down', 'flapping', 'recovered', 'test')),
    -- The neutral alert (alerts::Alert); formatted for the webhook's kind when sent.
    alert            jsonb NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    -- A sender working on it until then (a crashed sender's claim runs out).
    claimed_until    timestamptz,
    http_status      integer,
    -- Never holds the URL.
    last_error       text,
    created_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
CREATE INDEX alert_delivery_due_idx ON alert_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_delivery_webhook_idx ON alert_delivery (webhook_id, id DESC);
CREATE INDEX alert_delivery_created_idx ON alert_delivery (created_at);
