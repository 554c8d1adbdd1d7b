-- Cloud accounts (store crate). The access key secret is stored only as AES-256-GCM ciphertext:
-- the nonce and the version of the key that sealed it sit next to it so keys can be rotated.
-- Accounts are soft-deleted (deleted_at) so history rows that point at them stay meaningful.
CREATE TABLE cloud_account (
    id                  uuid PRIMARY KEY,
    cloud               text NOT NULL CHECK (cloud IN ('aliyun', 'huawei')),
    name                text NOT NULL CHECK (btrim(name) <> ''),
    access_key_id       text NOT NULL CHECK (access_key_id <> ''),
    secret_ciphertext   bytea NOT NULL,
    secret_nonce        bytea NOT NULL CHECK (length(secret_nonce) = 12),
    secret_key_version  integer NOT NULL,
    -- Region ids polled for this account.
    regions             text[] NOT NULL DEFAULT '{}',
    -- Per-account endpoint overrides: {"<region or *>": "https://…"}.
    endpoints           jsonb NOT NULL DEFAULT '{}'::jsonb,
    enabled             boolean NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at          timestamptz
);

-- Names are unique among live accounts only, so a deleted name can be reused.
CREATE UNIQUE INDEX cloud_account_name_live_idx ON cloud_account (name) WHERE deleted_at IS NULL;
