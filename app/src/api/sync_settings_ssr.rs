//! The server side of the sync settings: parse, validate (`store::sync_settings`), store,
//! audit, then tell this server's engine to reload (others reload within seconds).

use super::{BudgetRow, SettingValue, SyncSettingsView};
use crate::api::accounts_admin::ssr::{parse_id, store_error};
use crate::error::AppError;
use crate::state::AppState;
use auth::audit::{record, Entry, Outcome};
use serde_json::json;
use store::sync_settings::{self as settings, Defaults, Overrides};

const FIELDS: [&str; 3] = [
    "hot_interval_secs",
    "cold_interval_secs",
    "history_retention_days",
];

/// A blank field is `None` (the default); anything else must be a whole number.
pub fn parse_field(field: &str, text: &str) -> Result<Option<i64>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>().map(Some).map_err(|_| {
        AppError::InvalidInput(format!("invalid {field}: not a whole number: {text:?}"))
    })
}

pub async fn view(app: &AppState) -> Result<SyncSettingsView, AppError> {
    let stored = settings::load(&app.pool).await.map_err(store_error)?;
    let budgets = settings::list_budgets(&app.pool)
        .await
        .map_err(store_error)?;
    let accounts = store::accounts::list_accounts(&app.pool)
        .await
        .map_err(store_error)?;
    let d: Defaults = app.sync_defaults;
    let o = stored.overrides;
    let e = o.effective(&d);
    let value = |set, default, effective| SettingValue {
        set,
        default,
        effective,
    };
    Ok(SyncSettingsView {
        hot_interval_secs: value(
            o.hot_interval_secs,
            d.hot_interval_secs,
            e.hot_interval_secs,
        ),
        cold_interval_secs: value(
            o.cold_interval_secs,
            d.cold_interval_secs,
            e.cold_interval_secs,
        ),
        history_retention_days: value(
            o.history_retention_days,
            d.history_retention_days,
            e.history_retention_days,
        ),
        updated: stored.updated_at.zip(stored.updated_by),
        budgets: budgets
            .into_iter()
            .map(|b| BudgetRow {
                id: b.id.to_string(),
                account: b.account_name,
                api: b.api,
                calls_per_minute: b.calls_per_minute,
                updated_by: b.updated_by,
            })
            .collect(),
        accounts: accounts
            .into_iter()
            .map(|a| (a.id.to_string(), a.name))
            .collect(),
        engine_here: app.services.sync.is_some(),
    })
}

/// Audits `action` with its outcome; once it succeeded, puts the change in force on this
/// server and answers with the new settings.
async fn settle(
    app: &AppState,
    actor: &str,
    action: &str,
    detail: serde_json::Value,
    result: Result<(), AppError>,
) -> Result<SyncSettingsView, AppError> {
    audit(app, actor, action, detail, result.as_ref().map(|_| ())).await;
    result?;
    reload_here(app).await;
    view(app).await
}

async fn audit(
    app: &AppState,
    actor: &str,
    action: &str,
    detail: serde_json::Value,
    ok: Result<(), &AppError>,
) {
    let (outcome, detail) = match ok {
        Ok(()) => (Outcome::Ok, detail),
        Err(e) => (
            Outcome::Failed,
            json!({ "error": e.to_string(), "request": detail }),
        ),
    };
    let entry = Entry {
        actor,
        address: None,
        action,
        target: Some("sync"),
        outcome,
        detail,
    };
    record(&app.pool, &entry).await;
}

/// This server's engine takes the change at once; the others within `sync::live::RELOAD_EVERY`.
async fn reload_here(app: &AppState) {
    if let Some(engine) = &app.services.sync {
        if let Err(e) = engine.reload_settings().await {
            tracing::warn!(error = %e, "saved sync settings not reloaded here yet");
        }
    }
}

pub async fn save(
    app: &AppState,
    actor: &str,
    input: [String; 3],
) -> Result<SyncSettingsView, AppError> {
    let detail = json!({ FIELDS[0]: input[0], FIELDS[1]: input[1], FIELDS[2]: input[2] });
    let result = async {
        let [hot, cold, days] = [0, 1, 2].map(|i| parse_field(FIELDS[i], &input[i]));
        let overrides = Overrides {
            hot_interval_secs: hot?,
            cold_interval_secs: cold?,
            history_retention_days: days?,
        };
        settings::save(&app.pool, overrides, &app.sync_defaults, actor)
            .await
            .map_err(store_error)
    }
    .await;
    settle(
        app,
        actor,
        "sync_settings_saved",
        detail,
        result.map(|_| ()),
    )
    .await
}

pub async fn set_budget(
    app: &AppState,
    actor: &str,
    account: &str,
    api: &str,
    calls: &str,
) -> Result<SyncSettingsView, AppError> {
    let detail = json!({ "account": account, "api": api, "calls_per_minute": calls });
    let result = async {
        let account = match account.trim() {
            "" => None,
            id => Some(parse_id(id)?),
        };
        let calls = parse_field("calls_per_minute", calls)?
            .ok_or_else(|| AppError::InvalidInput("invalid calls_per_minute: required".into()))?;
        settings::set_budget(&app.pool, account, api, calls, actor)
            .await
            .map_err(store_error)
    }
    .await;
    settle(app, actor, "sync_budget_set", detail, result.map(|_| ())).await
}

pub async fn remove_budget(
    app: &AppState,
    actor: &str,
    id: &str,
) -> Result<SyncSettingsView, AppError> {
    let result = async {
        let id = parse_id(id)?;
        settings::remove_budget(&app.pool, id)
            .await
            .map_err(store_error)
    }
    .await;
    let detail = match &result {
        Ok(b) => json!({ "api": b.api, "account": b.account_name }),
        Err(_) => json!({ "id": id }),
    };
    settle(
        app,
        actor,
        "sync_budget_removed",
        detail,
        result.map(|_| ()),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::parse_field;

    #[test]
    fn blank_is_the_default_and_words_are_refused_by_name() {
        assert_eq!(parse_field("hot_interval_secs", " ").unwrap(), None);
        assert_eq!(parse_field("hot_interval_secs", " 15 ").unwrap(), Some(15));
        let err = parse_field("cold_interval_secs", "ten").unwrap_err();
        assert!(err.to_string().contains("cold_interval_secs"), "{err}");
    }
}
