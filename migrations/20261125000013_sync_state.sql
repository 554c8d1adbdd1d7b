-- Sync bookkeeping (store crate): freshness per (account, region, kind) and leases that let
-- several server processes split the polling without two of them syncing the same key.
CREATE TABLE sync_freshness (
    account_id           uuid NOT NULL REFERENCES cloud_account (id),
    region               text NOT NULL,
    kind                 text NOT NULL,
    last_attempt_at      timestamptz,
    last_success_at      timestamptz,
    next_due_at          timestamptz,
    last_error_at        timestamptz,
    last_error_code      text,
    last_error_message   text,
    consecutive_failures integer NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, region, kind)
);

CREATE TABLE sync_lease (
    key         text PRIMARY KEY,
    holder      text NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
