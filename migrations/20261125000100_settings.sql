-- Sync settings an admin edits at run time (store crate, `store::sync_settings`). A NULL
-- column means "the configuration file's value": the file stays the default, and clearing a
-- field in the UI goes back to it. One row at most (the `singleton` key).
CREATE TABLE sync_setting (
    singleton              boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    hot_interval_secs      integer CHECK (hot_interval_secs >= 5),
    cold_interval_secs     integer CHECK (cold_interval_secs >= 5),
    history_retention_days integer CHECK (history_retention_days >= 1),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             text NOT NULL
);

-- Call budgets that replace a cloud's published quota for one API (calls per minute), for
-- every account (account_id NULL) or one account (which wins over the every-account row).
CREATE TABLE sync_budget_override (
    id               uuid PRIMARY KEY,
    account_id       uuid REFERENCES cloud_account (id),
    api              text NOT NULL CHECK (btrim(api) <> ''),
    calls_per_minute integer NOT NULL CHECK (calls_per_minute >= 1),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text NOT NULL
);

-- One override per (account or every account, API).
CREATE UNIQUE INDEX sync_budget_override_key_idx
    ON sync_budget_override (COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid), api);
