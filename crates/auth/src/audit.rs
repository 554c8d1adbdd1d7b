//! The audit log: who did what, when, from where, with what outcome. Append-only (a database
//! trigger refuses UPDATE and DELETE); details never carry secrets — callers pass names and
//! ids, never values.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::types::Json;
use sqlx::PgPool;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Ok,
    Denied,
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "denied",
            Outcome::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub actor: &'a str,
    pub address: Option<String>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub outcome: Outcome,
    pub detail: serde_json::Value,
}

pub async fn append(pool: &PgPool, e: &Entry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (actor, address, action, target, outcome, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(e.actor)
    .bind(e.address.as_deref())
    .bind(e.action)
    .bind(e.target)
    .bind(e.outcome.as_str())
    .bind(Json(&e.detail))
    .execute(pool)
    .await?;
    Ok(())
}

/// Appends, and logs instead of failing when the database refuses: the action being audited
/// has happened already (or been refused) and its caller must still get its answer.
pub async fn record(pool: &PgPool, e: &Entry<'_>) {
    if let Err(err) = append(pool, e).await {
        tracing::error!(error = %err, action = e.action, "could not write the audit log");
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub address: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub outcome: String,
    pub detail: serde_json::Value,
}

#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub outcome: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub limit: i64,
}

type Row = (
    i64,
    DateTime<Utc>,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Json<serde_json::Value>,
);

/// Newest first; empty filter fields match everything.
pub async fn query(pool: &PgPool, f: &Filter) -> Result<Vec<Record>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, at, actor, address, action, target, outcome, detail FROM audit_log
         WHERE ($1::text IS NULL OR action = $1)
           AND ($2::text IS NULL OR actor = $2)
           AND ($3::text IS NULL OR outcome = $3)
           AND ($4::timestamptz IS NULL OR at >= $4)
         ORDER BY id DESC LIMIT $5",
    )
    .bind(f.action.as_deref())
    .bind(f.actor.as_deref())
    .bind(f.outcome.as_deref())
    .bind(f.since)
    .bind(f.limit.clamp(1, 10_000))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Record {
            id: r.0,
            at: r.1,
            actor: r.2,
            address: r.3,
            action: r.4,
            target: r.5,
            outcome: r.6,
            detail: r.7 .0,
        })
        .collect())
}

/// The distinct action names seen, for the filter's choices.
pub async fn actions(pool: &PgPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
        .fetch_all(pool)
        .await
}
