//! The history rows a snapshot writes inside its transaction: config changes and state
//! transitions (read back and pruned by [`crate::history`]).

use crate::compare::Comparison;
use crate::diff::FieldChange;
use crate::model::ResourceKind;
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

/// The (account, region, kind, generation, time) every row of one snapshot shares.
pub(crate) struct Key<'a> {
    pub account_id: Uuid,
    pub region: &'a str,
    pub kind: ResourceKind,
    pub generation: i64,
    pub now: DateTime<Utc>,
}

pub(crate) async fn record(
    tx: &mut Transaction<'_, Postgres>,
    k: &Key<'_>,
    cloud_id: &str,
    cmp: &Comparison,
) -> Result<()> {
    if cmp.added {
        insert_change(tx, k, cloud_id, "added", &[]).await?;
    } else if !cmp.config.is_empty() {
        insert_change(tx, k, cloud_id, "changed", &cmp.config).await?;
    }
    for t in &cmp.transitions {
        let old = t.old.as_ref();
        sqlx::query(
            "INSERT INTO state_transition (account_id, region, kind, cloud_id, facet, at, \
             old_state, new_state, old_raw, new_raw, reason, generation) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(k.account_id)
        .bind(k.region)
        .bind(k.kind.as_str())
        .bind(cloud_id)
        .bind(t.facet_str())
        .bind(k.now)
        .bind(old.map(|o| o.state.as_str()))
        .bind(t.new.state.as_str())
        .bind(old.and_then(|o| o.raw.clone()))
        .bind(&t.new.raw)
        .bind(&t.new.reason)
        .bind(k.generation)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(crate) async fn insert_change(
    tx: &mut Transaction<'_, Postgres>,
    k: &Key<'_>,
    cloud_id: &str,
    change: &str,
    fields: &[FieldChange],
) -> Result<()> {
    sqlx::query(
        "INSERT INTO config_change (account_id, region, kind, cloud_id, generation, at, change, \
         fields) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(k.account_id)
    .bind(k.region)
    .bind(k.kind.as_str())
    .bind(cloud_id)
    .bind(k.generation)
    .bind(k.now)
    .bind(change)
    .bind(Json(fields))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
