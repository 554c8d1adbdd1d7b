-- The peer-config vault (store::peer_config_vault). Alibaba's DownloadVpnConnectionConfig
-- allows 30 calls per 60 s, so a downloaded peer configuration (which holds the PSK) is kept
-- here, AES-256-GCM sealed with the store's key ring and bound to its (account, region,
-- connection), and served from here while it is fresh: younger than the vault's maximum
-- age and downloaded while the connection's stored configuration (resource.attrs) was the
-- one it is now (config_digest).
CREATE TABLE peer_config_vault (
    account_id    uuid NOT NULL REFERENCES cloud_account (id) ON DELETE CASCADE,
    region        text NOT NULL,
    connection_id text NOT NULL CHECK (connection_id <> ''),
    key_version   integer NOT NULL,
    nonce         bytea NOT NULL CHECK (length(nonce) = 12),
    ciphertext    bytea NOT NULL,
    -- md5 of the connection row's attrs when downloaded; NULL when the store had no row.
    config_digest text,
    -- The cloud's RequestId of the download.
    request_id    text,
    fetched_at    timestamptz NOT NULL,
    fetched_by    text NOT NULL,
    PRIMARY KEY (account_id, region, connection_id)
);
