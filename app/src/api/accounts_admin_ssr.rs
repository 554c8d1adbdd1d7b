//! The server side of the accounts admin: plain functions over the pool and the key ring,
//! tested on their own (`server/tests/api/accounts_admin.rs`). Audit entries carry names,
//! clouds and regions, never a secret.

use super::{mask_key_id, AccountRow, ProbeResult};
use crate::error::AppError;
use crate::state::AppState;
use auth::audit::{record, Entry, Outcome};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use sqlx::PgPool;
use std::collections::BTreeMap;
use store::crypto::KeyRing;
use store::model::{Account, Cloud, Credentials, NewAccount};
use uuid::Uuid;

/// What adding or editing needs: the pool and the key that seals secrets.
pub struct Ctx<'a> {
    pub pool: &'a PgPool,
    pub keys: &'a KeyRing,
}

impl<'a> Ctx<'a> {
    pub fn of(app: &'a AppState) -> Result<Self, AppError> {
        let keys = app.services.keys.as_deref().ok_or_else(|| {
            AppError::Unavailable("this server has no credentials key loaded".into())
        })?;
        Ok(Ctx {
            pool: &app.pool,
            keys,
        })
    }
}

/// The add / edit form as typed (`cloud` is ignored when editing).
pub struct AccountForm {
    pub cloud: String,
    pub name: String,
    pub access_key_id: String,
    pub secret: String,
    pub regions: String,
    pub endpoints: String,
    pub test_first: bool,
}

/// Store errors for the browser: input errors name the field; the rest is logged here.
pub fn store_error(e: store::Error) -> AppError {
    match e {
        store::Error::Invalid { .. } => AppError::InvalidInput(e.to_string()),
        store::Error::NotFound { what } => AppError::NotFound(what.to_string()),
        store::Error::Db(db) => AppError::from(db),
        other => {
            tracing::error!(error = %other, "account store error");
            AppError::Internal
        }
    }
}

/// Region ids separated by commas, spaces or new lines.
pub fn parse_regions(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One `REGION=URL` per line; `*=URL` or a bare URL applies to every region.
pub fn parse_endpoints(text: &str) -> Result<BTreeMap<String, String>, AppError> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().map(str::trim).enumerate() {
        let (region, url) = match line.split_once('=') {
            _ if line.is_empty() => continue,
            Some((r, u)) if !r.contains("://") => (r.trim(), u.trim()),
            _ if line.contains("://") => ("*", line),
            _ => {
                return Err(AppError::InvalidInput(format!(
                    "invalid endpoint: line {}: write REGION=URL, *=URL or a URL",
                    n + 1
                )))
            }
        };
        out.insert(region.to_owned(), url.to_owned());
    }
    Ok(out)
}

pub fn parse_id(id: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(id.trim())
        .map_err(|_| AppError::InvalidInput("invalid id: not an account id".into()))
}

fn row(a: Account) -> AccountRow {
    AccountRow {
        id: a.id.to_string(),
        cloud: a.cloud.as_str().to_owned(),
        name: a.name,
        key_id: mask_key_id(&a.access_key_id),
        regions: a.regions,
        endpoints: a.endpoints.into_iter().collect(),
        enabled: a.enabled,
        updated_at: a.updated_at,
    }
}

/// Audits the attempt with its outcome, then returns it.
async fn audited<T>(
    pool: &PgPool,
    actor: &str,
    action: &str,
    target: &str,
    detail: serde_json::Value,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    let (outcome, detail) = match &result {
        Ok(_) => (Outcome::Ok, detail),
        Err(e) => (
            Outcome::Failed,
            json!({ "error": e.to_string(), "request": detail }),
        ),
    };
    let entry = Entry {
        actor,
        address: None,
        action,
        target: Some(target),
        outcome,
        detail,
    };
    record(pool, &entry).await;
    result
}

pub async fn list(pool: &PgPool) -> Result<Vec<AccountRow>, AppError> {
    let accounts = store::accounts::list_accounts(pool)
        .await
        .map_err(store_error)?;
    Ok(accounts.into_iter().map(row).collect())
}

/// Probes `creds`; the cloud's refusal becomes an input error that names its code.
async fn must_pass(creds: &Credentials, regions: &[String]) -> Result<(), AppError> {
    let report = result_of(creds, "", sync::probe::probe(creds, regions).await);
    match report.code {
        None => Ok(()),
        Some(code) => Err(AppError::InvalidInput(format!(
            "connection test failed with {code}: {}; nothing was saved",
            report.message.unwrap_or_default()
        ))),
    }
}

fn result_of(creds: &Credentials, name: &str, r: sync::probe::ProbeReport) -> ProbeResult {
    // The clients scrub secrets already; this is a second lock on the same door.
    let scrub = |m: String| m.replace(creds.secret.expose_secret(), "[REDACTED]");
    let (code, message) = match r.result {
        Ok(()) => (None, None),
        Err(e) => (Some(e.code), Some(scrub(e.message))),
    };
    ProbeResult {
        account: name.to_owned(),
        api: r.api.to_owned(),
        region: r.region,
        latency_ms: r.latency.as_millis() as u64,
        code,
        message,
    }
}

pub async fn add(ctx: &Ctx<'_>, actor: &str, form: AccountForm) -> Result<AccountRow, AppError> {
    let regions = parse_regions(&form.regions);
    let detail = json!({ "cloud": form.cloud, "regions": regions, "tested": form.test_first });
    let name = form.name.trim().to_owned();
    let result = async {
        let endpoints = parse_endpoints(&form.endpoints)?;
        let secret = SecretString::from(form.secret);
        if form.test_first {
            let cloud: Cloud = form.cloud.parse().map_err(store_error)?;
            let creds = Credentials {
                account_id: Uuid::nil(),
                cloud,
                access_key_id: form.access_key_id.trim().to_owned(),
                secret: secret.clone(),
                endpoints: endpoints.clone(),
            };
            must_pass(&creds, &regions).await?;
        }
        let new = NewAccount {
            cloud: form.cloud,
            name: form.name,
            access_key_id: form.access_key_id,
            secret,
            regions: regions.clone(),
            endpoints,
        };
        let created = store::accounts::create_account(ctx.pool, ctx.keys, new).await;
        created.map(row).map_err(store_error)
    }
    .await;
    audited(ctx.pool, actor, "account_added", &name, detail, result).await
}

#[path = "accounts_admin_change.rs"]
mod change;
pub use change::{edit, remove, set_enabled, test_stored};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_endpoint_lines_parse_and_bad_lines_are_named() {
        assert_eq!(
            parse_regions(" cn-hangzhou, cn-shanghai\ncn-beijing "),
            ["cn-hangzhou", "cn-shanghai", "cn-beijing"]
        );
        let eps =
            parse_endpoints("cn-hangzhou = https://a.example\n\nhttp://127.0.0.1:9/x\n").unwrap();
        assert_eq!(eps["cn-hangzhou"], "https://a.example");
        assert_eq!(eps["*"], "http://127.0.0.1:9/x");
        let err = parse_endpoints("cn-hangzhou=https://a\nnonsense").unwrap_err();
        assert!(err.to_string().contains("endpoint: line 2"), "{err}");
        assert!(parse_id("not-a-uuid").is_err());
    }
}
