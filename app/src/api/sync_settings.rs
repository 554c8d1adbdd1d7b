//! Admin: the sync intervals, history retention and per-API call budgets, stored in
//! PostgreSQL and in force without a restart (each server's engine re-reads them every few
//! seconds; the one that saved them at once). The configuration file's values are the
//! defaults: a blank field goes back to them. Every change is audited.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One value: what an admin set (if anything), the file's default and what is in force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingValue {
    pub set: Option<i64>,
    pub default: i64,
    pub effective: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub id: String,
    /// `None`: every account.
    pub account: Option<String>,
    pub api: String,
    pub calls_per_minute: i64,
    pub updated_by: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncSettingsView {
    pub hot_interval_secs: SettingValue,
    pub cold_interval_secs: SettingValue,
    pub history_retention_days: SettingValue,
    pub updated: Option<(DateTime<Utc>, String)>,
    pub budgets: Vec<BudgetRow>,
    /// (id, name) of the live accounts, for the budget form.
    pub accounts: Vec<(String, String)>,
    /// Whether this server runs a sync engine (else the values apply where one runs).
    pub engine_here: bool,
}

#[server(endpoint = "admin/sync")]
pub async fn get_sync_settings() -> Result<SyncSettingsView, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "sync_settings_read").await?;
    crate::error::respond(ssr::view(&app).await)
}

/// Blank fields fall back to the configuration file's values.
#[server(endpoint = "admin/sync/save")]
pub async fn save_sync_settings(
    #[server(default)] hot_interval_secs: String,
    #[server(default)] cold_interval_secs: String,
    #[server(default)] history_retention_days: String,
) -> Result<SyncSettingsView, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "sync_settings_saved").await?;
    let input = [
        hot_interval_secs,
        cold_interval_secs,
        history_retention_days,
    ];
    crate::error::respond(ssr::save(&app, &who.name, input).await)
}

/// `account`: an account id, or empty for every account.
#[server(endpoint = "admin/sync/budget")]
pub async fn set_sync_budget(
    #[server(default)] account: String,
    api: String,
    calls_per_minute: String,
) -> Result<SyncSettingsView, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "sync_budget_set").await?;
    crate::error::respond(ssr::set_budget(&app, &who.name, &account, &api, &calls_per_minute).await)
}

#[server(endpoint = "admin/sync/budget/remove")]
pub async fn remove_sync_budget(id: String) -> Result<SyncSettingsView, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "sync_budget_removed").await?;
    crate::error::respond(ssr::remove_budget(&app, &who.name, &id).await)
}

#[cfg(feature = "ssr")]
#[path = "sync_settings_ssr.rs"]
pub mod ssr;
