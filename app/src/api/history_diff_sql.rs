//! The two-instant history diff (server only): reads the config changes and state
//! transitions of `(from, to]` and nets them with [`summarise`].

use super::history_diff::*;
use super::history_sql::show;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sqlx::postgres::PgRow;
use sqlx::types::Json;
use sqlx::{PgPool, Row};

/// Events read per kind at most: a diff over more than this is cut, oldest first kept.
const LIMIT: i64 = 50_000;

pub async fn diff(
    pool: &PgPool,
    from: Option<String>,
    to: Option<String>,
    now: DateTime<Utc>,
) -> Result<HistoryDiff, AppError> {
    let blank = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
    let to = match blank(to) {
        Some(t) => parse_instant("to", &t)?,
        None => now,
    };
    let from = match blank(from) {
        Some(f) => parse_instant("from", &f)?,
        None => to - Duration::hours(24),
    };
    if from >= to {
        return Err(AppError::InvalidInput(format!(
            "from ({}) must be before to ({})",
            from.format("%Y-%m-%d %H:%M"),
            to.format("%Y-%m-%d %H:%M")
        )));
    }
    let config = sqlx::query(
        "SELECT c.kind, a.cloud, a.name AS account, c.region, c.cloud_id, r.name, c.change, c.fields \
         FROM config_change c JOIN cloud_account a ON a.id = c.account_id \
         LEFT JOIN resource r ON (r.account_id, r.region, r.kind, r.cloud_id) = (c.account_id, c.region, c.kind, c.cloud_id) \
         WHERE c.at > $1 AND c.at <= $2 ORDER BY c.at, c.id LIMIT $3",
    )
    .bind(from)
    .bind(to)
    .bind(LIMIT)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        let Json(fields): Json<Vec<store::diff::FieldChange>> = r.try_get("fields")?;
        Ok(ConfigEvent {
            resource: resource(r)?,
            change: r.try_get("change")?,
            fields: fields
                .into_iter()
                .map(|f| FieldDiff {
                    path: f.path,
                    old: show(&f.old),
                    new: show(&f.new),
                })
                .collect(),
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let states = sqlx::query(
        "SELECT t.kind, a.cloud, a.name AS account, t.region, t.cloud_id, r.name, t.facet, t.old_state, t.new_state \
         FROM state_transition t JOIN cloud_account a ON a.id = t.account_id \
         LEFT JOIN resource r ON (r.account_id, r.region, r.kind, r.cloud_id) = (t.account_id, t.region, t.kind, t.cloud_id) \
         WHERE t.at > $1 AND t.at <= $2 ORDER BY t.at, t.id LIMIT $3",
    )
    .bind(from)
    .bind(to)
    .bind(LIMIT)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(StateEvent {
            resource: resource(r)?,
            facet: r.try_get("facet")?,
            old_state: r.try_get("old_state")?,
            new_state: r.try_get("new_state")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(HistoryDiff {
        from,
        to,
        summary: summarise(config, states),
        generated_at: now,
    })
}

fn resource(r: &PgRow) -> Result<DiffResource, sqlx::Error> {
    Ok(DiffResource {
        kind: r.try_get("kind")?,
        cloud: r.try_get("cloud")?,
        account: r.try_get("account")?,
        region: r.try_get("region")?,
        id: r.try_get("cloud_id")?,
        name: r.try_get("name")?,
    })
}
