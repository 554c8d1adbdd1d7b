//! Changes to an existing account: edit (a blank key id or secret keeps the stored one), enable or
//! disable, remove (the admin repeats its name), and "test connection" with the stored key.
//! After an edit or re-enable the account's syncs are made due at once: its old schedule may
//! be a failed attempt's back-off with the old key.

use super::{audited, must_pass, parse_endpoints, parse_id, parse_regions, result_of, row};
use super::{store_error, AccountForm, Ctx};
use crate::api::accounts_admin::{AccountRow, ProbeResult};
use crate::error::AppError;
use auth::audit::{record, Entry, Outcome};
use secrecy::SecretString;
use serde_json::json;
use sqlx::PgPool;
use store::model::AccountUpdate;

async fn make_due(pool: &PgPool, id: uuid::Uuid) {
    if let Err(e) = store::freshness::make_due(pool, id).await {
        tracing::warn!(error = %e, account = %id, "account changed, but its syncs keep their old schedule");
    }
}

pub async fn edit(
    ctx: &Ctx<'_>,
    actor: &str,
    id: &str,
    form: AccountForm,
) -> Result<AccountRow, AppError> {
    let regions = parse_regions(&form.regions);
    let new_secret = !form.secret.is_empty();
    let detail =
        json!({ "regions": regions, "secret_changed": new_secret, "tested": form.test_first });
    let id = parse_id(id)?;
    let current = store::accounts::get_account(ctx.pool, id)
        .await
        .map_err(store_error)?;
    let result = async {
        let endpoints = parse_endpoints(&form.endpoints)?;
        // Blank: the stored key id (the page only knows it masked).
        let key_id = match form.access_key_id.trim() {
            "" => current.access_key_id.clone(),
            typed => typed.to_owned(),
        };
        let key = match new_secret {
            true => Some((key_id.clone(), SecretString::from(form.secret))),
            false if key_id != current.access_key_id => {
                return Err(AppError::InvalidInput(
                    "invalid secret: a new access key id needs its secret".into(),
                ))
            }
            false => None,
        };
        if form.test_first {
            let mut creds = store::accounts::get_credentials(ctx.pool, ctx.keys, id)
                .await
                .map_err(store_error)?;
            if let Some((key_id, secret)) = &key {
                creds.access_key_id = key_id.clone();
                creds.secret = secret.clone();
            }
            creds.endpoints = endpoints.clone();
            must_pass(&creds, &regions).await?;
        }
        let update = AccountUpdate {
            name: Some(form.name),
            key,
            regions: Some(regions.clone()),
            endpoints: Some(endpoints),
            enabled: None,
        };
        let updated = store::accounts::update_account(ctx.pool, ctx.keys, id, update).await;
        updated.map(row).map_err(store_error)
    }
    .await;
    if result.is_ok() {
        make_due(ctx.pool, id).await;
    }
    audited(
        ctx.pool,
        actor,
        "account_edited",
        &current.name,
        detail,
        result,
    )
    .await
}

pub async fn set_enabled(
    ctx: &Ctx<'_>,
    actor: &str,
    id: &str,
    enabled: bool,
) -> Result<AccountRow, AppError> {
    let id = parse_id(id)?;
    let update = AccountUpdate {
        enabled: Some(enabled),
        ..Default::default()
    };
    let pool = ctx.pool;
    let result = store::accounts::update_account(pool, ctx.keys, id, update)
        .await
        .map(row)
        .map_err(store_error);
    if enabled && result.is_ok() {
        make_due(pool, id).await;
    }
    let action = if enabled {
        "account_enabled"
    } else {
        "account_disabled"
    };
    let target = result.as_ref().map_or(id.to_string(), |r| r.name.clone());
    audited(pool, actor, action, &target, json!({}), result).await
}

pub async fn remove(pool: &PgPool, actor: &str, id: &str, confirm: &str) -> Result<(), AppError> {
    let id = parse_id(id)?;
    let account = store::accounts::get_account(pool, id)
        .await
        .map_err(store_error)?;
    let result = if confirm.trim() != account.name {
        Err(AppError::InvalidInput(format!(
            "invalid confirm: type the account's name \"{}\" to remove it",
            account.name
        )))
    } else {
        store::accounts::delete_account(pool, id)
            .await
            .map_err(store_error)
    };
    let detail = json!({ "cloud": account.cloud.as_str() });
    audited(
        pool,
        actor,
        "account_removed",
        &account.name,
        detail,
        result,
    )
    .await
}

pub async fn test_stored(ctx: &Ctx<'_>, actor: &str, id: &str) -> Result<ProbeResult, AppError> {
    let id = parse_id(id)?;
    let account = store::accounts::get_account(ctx.pool, id)
        .await
        .map_err(store_error)?;
    let creds = store::accounts::get_credentials(ctx.pool, ctx.keys, id)
        .await
        .map_err(store_error)?;
    let report = sync::probe::probe(&creds, &account.regions).await;
    let result = result_of(&creds, &account.name, report);
    let entry = Entry {
        actor,
        address: None,
        action: "account_tested",
        target: Some(&account.name),
        outcome: if result.code.is_none() {
            Outcome::Ok
        } else {
            Outcome::Failed
        },
        detail: json!({ "code": result.code, "latency_ms": result.latency_ms }),
    };
    record(ctx.pool, &entry).await;
    Ok(result)
}
