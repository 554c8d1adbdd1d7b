//! The history query (server only): transitions and config changes in one timeline.

use super::history::*;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sqlx::types::Json;
use sqlx::{PgPool, Row};

const LIMIT: i64 = 500;

pub async fn history(
    pool: &PgPool,
    window: Option<String>,
    what: Option<String>,
    now: DateTime<Utc>,
) -> Result<HistoryView, AppError> {
    let window = window
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "24h".into());
    let hours = WINDOWS
        .iter()
        .find(|(v, _, _)| *v == window)
        .map(|(_, h, _)| *h)
        .ok_or_else(|| {
            AppError::InvalidInput(format!(
                "window must be one of {}, not {window:?}",
                WINDOWS.map(|w| w.0).join(", ")
            ))
        })?;
    let what = what.filter(|w| !w.is_empty());
    if let Some(w) = what.as_deref() {
        if w != "state" && w != "config" {
            return Err(AppError::InvalidInput(format!(
                "what must be state or config, not {w:?}"
            )));
        }
    }
    let since = now - Duration::hours(hours);
    let rows = sqlx::query(
        "SELECT * FROM ( \
           SELECT t.at, a.cloud, a.name AS account, t.region, t.kind, coalesce(r.name, t.cloud_id) AS name, \
             'state' AS what, t.facet AS a1, coalesce(t.old_state, '?') AS a2, t.new_state AS a3, t.reason AS a4, \
             '[]'::jsonb AS fields \
           FROM state_transition t JOIN cloud_account a ON a.id = t.account_id \
           LEFT JOIN resource r ON (r.account_id, r.region, r.kind, r.cloud_id) = (t.account_id, t.region, t.kind, t.cloud_id) \
           WHERE t.at >= $1 AND ($2::text IS NULL OR $2 = 'state') \
           UNION ALL \
           SELECT c.at, a.cloud, a.name, c.region, c.kind, coalesce(r.name, c.cloud_id), \
             'config', c.change, NULL, NULL, NULL, c.fields \
           FROM config_change c JOIN cloud_account a ON a.id = c.account_id \
           LEFT JOIN resource r ON (r.account_id, r.region, r.kind, r.cloud_id) = (c.account_id, c.region, c.kind, c.cloud_id) \
           WHERE c.at >= $1 AND ($2::text IS NULL OR $2 = 'config') \
         ) e ORDER BY at DESC, name LIMIT $3",
    )
    .bind(since)
    .bind(what)
    .bind(LIMIT + 1)
    .fetch_all(pool)
    .await?;
    let truncated = rows.len() as i64 > LIMIT;
    let events = rows
        .iter()
        .take(LIMIT as usize)
        .map(|r| {
            let what: String = r.try_get("what")?;
            let a1: String = r.try_get("a1")?;
            let (summary, detail) = if what == "state" {
                let facet = if a1 == "main" {
                    String::new()
                } else {
                    format!("{} ", a1.to_uppercase())
                };
                let (old, new): (Option<String>, Option<String>) =
                    (r.try_get("a2")?, r.try_get("a3")?);
                let reason: Option<String> = r.try_get("a4")?;
                (
                    format!(
                        "{facet}{} → {}",
                        old.unwrap_or_default(),
                        new.unwrap_or_default()
                    ),
                    reason.into_iter().collect(),
                )
            } else {
                let Json(fields): Json<Vec<store::diff::FieldChange>> = r.try_get("fields")?;
                let detail = fields
                    .iter()
                    .map(|f| format!("{}: {} → {}", f.path, show(&f.old), show(&f.new)))
                    .collect();
                (a1, detail)
            };
            Ok(HistoryEvent {
                at: r.try_get("at")?,
                cloud: r.try_get("cloud")?,
                account: r.try_get("account")?,
                region: r.try_get("region")?,
                kind: r.try_get("kind")?,
                name: r.try_get("name")?,
                what,
                summary,
                detail,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(HistoryView {
        events,
        since,
        truncated,
    })
}

/// A changed field's value as the page shows it ("—" when absent).
pub(crate) fn show(v: &Option<serde_json::Value>) -> String {
    match v {
        None => "—".into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}
