//! Admin: cloud accounts (list, add, edit, enable/disable, remove, test connection). Secrets
//! are write-only: they go in with `add` and `edit` and never come back out; the list shows
//! the access key id masked. Every change is audited. The sync engine reads the account list
//! on every tick, so a new or edited account is synced without a restart.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One account as the admin page shows it: no secret, the key id masked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    /// `aliyun` or `huawei`.
    pub cloud: String,
    pub name: String,
    /// Like `LTAI…x7Q2`: enough to tell keys apart, not enough to use one.
    pub key_id: String,
    pub regions: Vec<String>,
    /// (region or `*`, base URL).
    pub endpoints: Vec<(String, String)>,
    pub enabled: bool,
    pub updated_at: DateTime<Utc>,
}

/// The outcome of "test connection": the latency, or the cloud's error code and message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProbeResult {
    pub account: String,
    pub api: String,
    pub region: Option<String>,
    pub latency_ms: u64,
    /// `None` when the call succeeded.
    pub code: Option<String>,
    pub message: Option<String>,
}

impl ProbeResult {
    /// One line for the status area.
    pub fn summary(&self) -> String {
        let place = self.region.as_deref().unwrap_or("central endpoint");
        match &self.code {
            None => format!(
                "{}: connection OK ({} in {}, {} ms)",
                self.account, self.api, place, self.latency_ms
            ),
            Some(code) => format!(
                "{}: connection failed with {code}: {}",
                self.account,
                self.message.as_deref().unwrap_or("")
            ),
        }
    }
}

/// `LTAI…x7Q2`: the first and last four characters of a key id (fewer for short ids).
pub fn mask_key_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let keep = (chars.len() / 4).min(4);
    let head: String = chars[..keep].iter().collect();
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("{head}…{tail}")
}

#[server(endpoint = "admin/accounts")]
pub async fn list_cloud_accounts() -> Result<Vec<AccountRow>, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "accounts_listed").await?;
    crate::error::respond(ssr::list(&app.pool).await)
}

/// `regions`: separated by commas or spaces. `endpoints`: one `region=URL` per line (`*=URL`
/// or a bare URL: every region). `test_first` (a checkbox): save only if the test passes.
#[server(endpoint = "admin/accounts/add")]
pub async fn add_cloud_account(
    cloud: String,
    name: String,
    access_key_id: String,
    secret: String,
    #[server(default)] regions: String,
    #[server(default)] endpoints: String,
    #[server(default)] test_first: String,
) -> Result<AccountRow, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "account_added").await?;
    let form = ssr::AccountForm {
        cloud,
        name,
        access_key_id,
        secret,
        regions,
        endpoints,
        test_first: !test_first.is_empty(),
    };
    crate::error::respond(ssr::add(&ssr::Ctx::of(&app)?, &who.name, form).await)
}

/// Like add; a blank `access_key_id` or `secret` keeps the stored one (a new key id needs
/// its secret).
#[server(endpoint = "admin/accounts/edit")]
pub async fn edit_cloud_account(
    id: String,
    name: String,
    #[server(default)] access_key_id: String,
    #[server(default)] secret: String,
    #[server(default)] regions: String,
    #[server(default)] endpoints: String,
    #[server(default)] test_first: String,
) -> Result<AccountRow, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "account_edited").await?;
    let form = ssr::AccountForm {
        cloud: String::new(),
        name,
        access_key_id,
        secret,
        regions,
        endpoints,
        test_first: !test_first.is_empty(),
    };
    crate::error::respond(ssr::edit(&ssr::Ctx::of(&app)?, &who.name, &id, form).await)
}

#[server(endpoint = "admin/accounts/enable")]
pub async fn set_cloud_account_enabled(id: String, enabled: bool) -> Result<AccountRow, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "account_enabled").await?;
    crate::error::respond(ssr::set_enabled(&ssr::Ctx::of(&app)?, &who.name, &id, enabled).await)
}

/// `confirm` must repeat the account's name: removing stops its sync (history stays).
#[server(endpoint = "admin/accounts/remove")]
pub async fn remove_cloud_account(id: String, confirm: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "account_removed").await?;
    crate::error::respond(ssr::remove(&app.pool, &who.name, &id, &confirm).await)
}

/// One real signed call with the stored credentials.
#[server(endpoint = "admin/accounts/test")]
pub async fn test_cloud_account(id: String) -> Result<ProbeResult, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "account_tested").await?;
    crate::error::respond(ssr::test_stored(&ssr::Ctx::of(&app)?, &who.name, &id).await)
}

#[cfg(feature = "ssr")]
#[path = "accounts_admin_ssr.rs"]
pub mod ssr;

#[cfg(test)]
mod tests {
    use super::mask_key_id;

    #[test]
    fn key_ids_are_masked_to_their_ends() {
        assert_eq!(mask_key_id("LTAI5tAbCdEfGhIjx7Q2"), "LTAI…x7Q2");
        assert_eq!(mask_key_id("ABCDEFGH"), "AB…GH");
        assert_eq!(mask_key_id("abc"), "…");
        assert!(!mask_key_id("LTAI5tAbCdEfGhIjx7Q2").contains("AbCd"));
    }
}
