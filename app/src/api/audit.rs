//! Admin: the audit log, newest first, filtered by action, actor, outcome and age; the same
//! filter exports CSV (`/admin/audit.csv`).

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    /// `1h`, `24h`, `7d`, `30d`; empty: everything.
    #[serde(default)]
    pub window: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub address: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub outcome: String,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub actions: Vec<String>,
}

#[server(endpoint = "admin/audit")]
pub async fn list_audit(#[server(default)] query: AuditQuery) -> Result<AuditPage, AppError> {
    let (app, _) = crate::access::guard::require(crate::access::Role::Admin, "audit_read").await?;
    crate::error::respond(ssr::page(&app.pool, &query, Utc::now()).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use sqlx::PgPool;

    const LIMIT: i64 = 500;
    const CSV_LIMIT: i64 = 10_000;

    fn nonempty(v: &Option<String>) -> Option<String> {
        v.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    pub fn filter(
        q: &AuditQuery,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<auth::audit::Filter, AppError> {
        let since = match nonempty(&q.window).as_deref() {
            None => None,
            Some("1h") => Some(now - chrono::Duration::hours(1)),
            Some("24h") => Some(now - chrono::Duration::hours(24)),
            Some("7d") => Some(now - chrono::Duration::days(7)),
            Some("30d") => Some(now - chrono::Duration::days(30)),
            Some(other) => {
                return Err(AppError::InvalidInput(format!(
                    "window {other:?}: use 1h, 24h, 7d or 30d"
                )))
            }
        };
        let outcome = nonempty(&q.outcome);
        if let Some(o) = outcome
            .as_deref()
            .filter(|o| !["ok", "denied", "failed"].contains(o))
        {
            return Err(AppError::InvalidInput(format!(
                "outcome {o:?}: use ok, denied or failed"
            )));
        }
        Ok(auth::audit::Filter {
            action: nonempty(&q.action),
            actor: nonempty(&q.actor),
            outcome,
            since,
            limit,
        })
    }

    fn row(r: auth::audit::Record) -> AuditRow {
        AuditRow {
            at: r.at,
            actor: r.actor,
            address: r.address,
            action: r.action,
            target: r.target,
            outcome: r.outcome,
            detail: r.detail.to_string(),
        }
    }

    pub async fn page(
        pool: &PgPool,
        q: &AuditQuery,
        now: DateTime<Utc>,
    ) -> Result<AuditPage, AppError> {
        let f = filter(q, now, LIMIT)?;
        let rows = auth::audit::query(pool, &f).await?;
        Ok(AuditPage {
            rows: rows.into_iter().map(row).collect(),
            actions: auth::audit::actions(pool).await?,
        })
    }

    /// The filtered log as CSV (the connections export's quoting, formulas defused).
    pub async fn csv(
        pool: &PgPool,
        q: &AuditQuery,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let f = filter(q, now, CSV_LIMIT)?;
        let rows = auth::audit::query(pool, &f).await?;
        let mut out = String::from("at,actor,address,action,target,outcome,detail\n");
        for r in rows.into_iter().map(row) {
            let cells = [
                r.at.to_rfc3339(),
                r.actor,
                r.address.unwrap_or_default(),
                r.action,
                r.target.unwrap_or_default(),
                r.outcome,
                r.detail,
            ];
            let line: Vec<String> = cells
                .iter()
                .map(|c| crate::api::connections_sql::csv_field(c))
                .collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        Ok(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn bad_filters_name_the_field() {
            let now = Utc::now();
            let q = AuditQuery {
                window: Some("2y".into()),
                ..Default::default()
            };
            assert!(filter(&q, now, 10)
                .unwrap_err()
                .to_string()
                .contains("window"));
            let q = AuditQuery {
                outcome: Some("maybe".into()),
                ..Default::default()
            };
            assert!(filter(&q, now, 10)
                .unwrap_err()
                .to_string()
                .contains("outcome"));
        }
    }
}
