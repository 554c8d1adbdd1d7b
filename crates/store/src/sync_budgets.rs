//! Per-API call budgets that replace a cloud's published quota, for every account or for one
//! (the one-account budget wins). The sync engine reads them with the other sync settings.

use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::MAX_CALLS_PER_MINUTE;

/// One budget override.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetOverride {
    pub id: Uuid,
    /// `None`: every account.
    pub account_id: Option<Uuid>,
    /// The account's name, for display.
    pub account_name: Option<String>,
    /// An Alibaba action (`DescribeVpnConnections`) or a Huawei `METHOD /path-family`.
    pub api: String,
    pub calls_per_minute: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// API names are action names or `METHOD /path`; nothing else reaches a quota lookup.
fn check_api(api: &str) -> Result<String> {
    let api = api.trim();
    let ok = !api.is_empty()
        && api.len() <= 128
        && api
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " /-_.{}".contains(c));
    if !ok {
        return Err(Error::invalid(
            "api",
            "an API name like DescribeVpnConnections or GET /vpn-connection (letters, digits, space, / - _ . { })",
        ));
    }
    Ok(api.to_owned())
}

/// Budgets of live accounts and of every account, every-account ones first.
pub async fn list_budgets(pool: &PgPool) -> Result<Vec<BudgetOverride>> {
    let rows = sqlx::query(
        "SELECT b.id, b.account_id, a.name AS account_name, b.api, b.calls_per_minute, \
           b.updated_at, b.updated_by \
         FROM sync_budget_override b LEFT JOIN cloud_account a ON a.id = b.account_id \
         WHERE b.account_id IS NULL OR a.deleted_at IS NULL \
         ORDER BY b.account_id IS NOT NULL, a.name, b.api",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(BudgetOverride {
                id: r.try_get("id")?,
                account_id: r.try_get("account_id")?,
                account_name: r.try_get("account_name")?,
                api: r.try_get("api")?,
                calls_per_minute: i64::from(r.try_get::<i32, _>("calls_per_minute")?),
                updated_at: r.try_get("updated_at")?,
                updated_by: r.try_get("updated_by")?,
            })
        })
        .collect()
}

/// Sets the budget of `api` (for `account`, or every account), replacing an earlier one.
pub async fn set_budget(
    pool: &PgPool,
    account: Option<Uuid>,
    api: &str,
    calls_per_minute: i64,
    actor: &str,
) -> Result<BudgetOverride> {
    let api = check_api(api)?;
    if !(1..=MAX_CALLS_PER_MINUTE).contains(&calls_per_minute) {
        return Err(Error::invalid(
            "calls_per_minute",
            format!("must be between 1 and {MAX_CALLS_PER_MINUTE}, not {calls_per_minute}"),
        ));
    }
    if let Some(id) = account {
        crate::accounts::get_account(pool, id)
            .await
            .map_err(|e| match e {
                Error::NotFound { .. } => Error::invalid("account", "no such account"),
                other => other,
            })?;
    }
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO sync_budget_override (id, account_id, api, calls_per_minute, updated_by) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT ((COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid)), api) \
         DO UPDATE SET calls_per_minute = $4, updated_by = $5, updated_at = now() \
         RETURNING id",
    )
    .bind(Uuid::new_v4())
    .bind(account)
    .bind(&api)
    .bind(calls_per_minute as i32)
    .bind(actor)
    .fetch_one(pool)
    .await?;
    list_budgets(pool)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(Error::NotFound { what: "budget" })
}

/// Removes one budget override (the published quota applies again).
pub async fn remove_budget(pool: &PgPool, id: Uuid) -> Result<BudgetOverride> {
    let found = list_budgets(pool)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(Error::NotFound { what: "budget" })?;
    sqlx::query("DELETE FROM sync_budget_override WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(found)
}
