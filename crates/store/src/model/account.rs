//! Cloud accounts as the UI sees them ([`Account`], no secret) and as the sync engine uses
//! them ([`Credentials`], secret inside a `SecretString` that never prints).

use super::Cloud;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use uuid::Uuid;

/// An account without its secret: safe to list, log and send to the browser.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    /// Id.
    pub id: Uuid,
    /// Cloud.
    pub cloud: Cloud,
    /// Display name.
    pub name: String,
    /// Access key id (not a secret on its own; shown so people can tell keys apart).
    pub access_key_id: String,
    /// Regions polled.
    pub regions: Vec<String>,
    /// Endpoint overrides by region (`*` = every region).
    pub endpoints: BTreeMap<String, String>,
    /// Whether syncs run.
    pub enabled: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last updated.
    pub updated_at: DateTime<Utc>,
}

/// A new account. Not `Serialize`; its `Debug` hides the secret.
pub struct NewAccount {
    /// Cloud, as typed by the user (`aliyun` / `huawei`).
    pub cloud: String,
    /// Display name.
    pub name: String,
    /// Access key id.
    pub access_key_id: String,
    /// Access key secret.
    pub secret: SecretString,
    /// Regions polled.
    pub regions: Vec<String>,
    /// Endpoint overrides.
    pub endpoints: BTreeMap<String, String>,
}

impl fmt::Debug for NewAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewAccount")
            .field("cloud", &self.cloud)
            .field("name", &self.name)
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"[redacted]")
            .field("regions", &self.regions)
            .field("endpoints", &self.endpoints)
            .finish()
    }
}

/// A partial update: `None` leaves a field as it is.
#[derive(Default)]
pub struct AccountUpdate {
    /// New name.
    pub name: Option<String>,
    /// New key pair (id and secret change together).
    pub key: Option<(String, SecretString)>,
    /// New region list.
    pub regions: Option<Vec<String>>,
    /// New endpoint overrides.
    pub endpoints: Option<BTreeMap<String, String>>,
    /// Enable / disable syncing.
    pub enabled: Option<bool>,
}

impl fmt::Debug for AccountUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccountUpdate")
            .field("name", &self.name)
            .field("key", &self.key.as_ref().map(|(id, _)| (id, "[redacted]")))
            .field("regions", &self.regions)
            .field("endpoints", &self.endpoints)
            .field("enabled", &self.enabled)
            .finish()
    }
}

/// What the sync engine needs to sign requests for one account.
pub struct Credentials {
    /// Account.
    pub account_id: Uuid,
    /// Cloud.
    pub cloud: Cloud,
    /// Access key id.
    pub access_key_id: String,
    /// Decrypted secret.
    pub secret: SecretString,
    /// Endpoint overrides.
    pub endpoints: BTreeMap<String, String>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("account_id", &self.account_id)
            .field("cloud", &self.cloud)
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"[redacted]")
            .field("endpoints", &self.endpoints)
            .finish()
    }
}
