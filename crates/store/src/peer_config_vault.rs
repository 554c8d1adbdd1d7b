//! The peer-config vault: downloaded peer configurations of IPsec connections, kept sealed
//! (AES-256-GCM, [`KeyRing`], bound to account, region and connection as associated data)
//! because Alibaba allows only 30 downloads per 60 s and the text holds the pre-shared key.
//!
//! Freshness rule: a kept configuration is served while both hold:
//! - it is younger than [`MAX_AGE`] (a PSK or proposal changed in the console without the
//!   crawl noticing is picked up within a day at worst);
//! - the connection's configuration in the store is the one it was downloaded against: the
//!   md5 of its `resource.attrs` (IKE / IPsec proposals, subnets, routing, peers) is
//!   unchanged. State changes (a tunnel going down) do not touch `attrs`, so they keep it.
//!
//! Callers audit every fetch, hit or miss; this module only keeps and opens.

use crate::crypto::{KeyRing, Sealed};
use crate::Result;
use chrono::{DateTime, Duration, Utc};
use secrecy::SecretString;
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// How long a kept configuration is served at most.
pub const MAX_AGE: Duration = Duration::hours(24);

/// Which connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultKey {
    pub account: Uuid,
    pub region: String,
    pub connection_id: String,
}

impl VaultKey {
    fn aad(&self) -> Vec<u8> {
        format!(
            "peer_config:{}:{}:{}",
            self.account, self.region, self.connection_id
        )
        .into_bytes()
    }
}

/// A configuration served from the vault.
#[derive(Debug)]
pub struct Kept {
    pub config: SecretString,
    pub fetched_at: DateTime<Utc>,
    pub fetched_by: String,
    /// The cloud's RequestId of the download it came from.
    pub request_id: Option<String>,
}

const DIGEST: &str = "(SELECT md5(attrs::text) FROM resource_current \
     WHERE account_id = $1 AND region = $2 AND kind = 'connection' AND cloud_id = $3)";

/// The kept configuration of `key`, if it is fresh at `now` (see the module docs).
pub async fn fresh(
    pool: &PgPool,
    keys: &KeyRing,
    key: &VaultKey,
    now: DateTime<Utc>,
) -> Result<Option<Kept>> {
    let row = sqlx::query(&format!(
        "SELECT key_version, nonce, ciphertext, fetched_at, fetched_by, request_id, \
           config_digest IS NOT DISTINCT FROM {DIGEST} AS same_config \
         FROM peer_config_vault WHERE account_id = $1 AND region = $2 AND connection_id = $3"
    ))
    .bind(key.account)
    .bind(&key.region)
    .bind(&key.connection_id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let fetched_at: DateTime<Utc> = row.try_get("fetched_at")?;
    let same_config: bool = row.try_get("same_config")?;
    if !same_config || now - fetched_at >= MAX_AGE {
        return Ok(None);
    }
    let sealed = Sealed {
        key_version: row.try_get("key_version")?,
        nonce: row.try_get("nonce")?,
        ciphertext: row.try_get("ciphertext")?,
    };
    Ok(Some(Kept {
        config: keys.open(&sealed, &key.aad())?,
        fetched_at,
        fetched_by: row.try_get("fetched_by")?,
        request_id: row.try_get("request_id")?,
    }))
}

/// Keeps `config` as downloaded at `now` by `fetched_by`, replacing what was kept.
pub async fn keep(
    pool: &PgPool,
    keys: &KeyRing,
    key: &VaultKey,
    config: &SecretString,
    request_id: Option<&str>,
    fetched_by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let sealed = keys.seal(config, &key.aad())?;
    sqlx::query(&format!(
        "INSERT INTO peer_config_vault (account_id, region, connection_id, key_version, nonce, \
           ciphertext, config_digest, request_id, fetched_at, fetched_by) \
         VALUES ($1, $2, $3, $4, $5, $6, {DIGEST}, $7, $8, $9) \
         ON CONFLICT (account_id, region, connection_id) DO UPDATE SET \
           key_version = EXCLUDED.key_version, nonce = EXCLUDED.nonce, \
           ciphertext = EXCLUDED.ciphertext, config_digest = EXCLUDED.config_digest, \
           request_id = EXCLUDED.request_id, fetched_at = EXCLUDED.fetched_at, \
           fetched_by = EXCLUDED.fetched_by"
    ))
    .bind(key.account)
    .bind(&key.region)
    .bind(&key.connection_id)
    .bind(sealed.key_version)
    .bind(&sealed.nonce)
    .bind(&sealed.ciphertext)
    .bind(request_id)
    .bind(now)
    .bind(fetched_by)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
#[path = "peer_config_vault_tests.rs"]
mod tests;
