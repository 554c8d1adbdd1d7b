//! The BGP query (server only): sessions from the committed store, flaps from the history,
//! prefix counts from the store's per-session count view.

use super::bgp::*;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

pub async fn sessions(
    pool: &PgPool,
    state: Option<String>,
    asn: Option<String>,
    now: DateTime<Utc>,
) -> Result<BgpView, AppError> {
    let state = state.filter(|s| !s.is_empty());
    if let Some(s) = state.as_deref() {
        if !super::connections_sql::STATES.contains(&s) {
            return Err(AppError::InvalidInput(format!(
                "state must be up, down, partial, pending or unknown, not {s:?}"
            )));
        }
    }
    let asn = match asn.filter(|a| !a.trim().is_empty()) {
        Some(a) => Some(
            a.trim()
                .trim_start_matches("AS")
                .parse::<i64>()
                .map_err(|_| {
                    AppError::InvalidInput(format!("asn must be a number like 65001, not {a:?}"))
                })?,
        ),
        None => None,
    };
    let rows = select(pool, state.as_deref(), asn, None, now)
        .await?
        .into_iter()
        .map(|(_, row)| row)
        .collect::<Vec<_>>();
    let established = rows.iter().filter(|r| r.state == "up").count();
    let as_of: Option<DateTime<Utc>> = sqlx::query_scalar(
        "SELECT min(f.last_success_at) FROM sync_freshness f \
         JOIN cloud_account a ON a.id = f.account_id AND a.deleted_at IS NULL \
         WHERE f.kind = 'bgp_session'",
    )
    .fetch_one(pool)
    .await?;
    Ok(BgpView {
        not_established: rows.len() - established,
        established,
        rows,
        as_of,
        generated_at: now,
    })
}

/// Sessions (with their account ids) matching the filters, not established first; `id`
/// narrows to one session's cloud id. Prefix counts come from the store's
/// `bgp_session_prefix_count` view, the same figures the prefix samples record.
pub(crate) async fn select(
    pool: &PgPool,
    state: Option<&str>,
    asn: Option<i64>,
    id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<(Uuid, BgpRow)>, AppError> {
    let rows = sqlx::query(
        "SELECT b.account_id, a.cloud, a.name AS account, b.region, b.cloud_id, b.attrs ->> 'over_id' AS over_id, \
           b.attrs ->> 'peer_ip' AS peer_ip, (b.attrs ->> 'local_asn')::bigint AS local_asn, \
           (b.attrs ->> 'peer_asn')::bigint AS peer_asn, b.state, b.raw_state, b.reason, b.state_since, \
           coalesce(n.advertised, 0) AS advertised, coalesce(n.learned, 0) AS learned, \
           (SELECT count(*) FROM state_transition t WHERE t.account_id = b.account_id AND t.region = b.region \
              AND t.kind = 'bgp_session' AND t.cloud_id = b.cloud_id AND t.at > $3) AS flaps \
         FROM resource_current b JOIN cloud_account a ON a.id = b.account_id \
         LEFT JOIN bgp_session_prefix_count n ON n.account_id = b.account_id AND n.region = b.region \
           AND n.session_id = b.cloud_id \
         WHERE b.kind = 'bgp_session' AND ($1::text IS NULL OR b.state = $1) \
           AND ($2::bigint IS NULL OR (b.attrs ->> 'peer_asn')::bigint = $2 OR (b.attrs ->> 'local_asn')::bigint = $2) \
           AND ($4::text IS NULL OR b.cloud_id = $4) \
         ORDER BY (b.state = 'up'), b.state_since, a.name, b.region, b.cloud_id",
    )
    .bind(state)
    .bind(asn)
    .bind(now - Duration::hours(24))
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let row = BgpRow {
                cloud: r.try_get("cloud")?,
                account: r.try_get("account")?,
                region: r.try_get("region")?,
                id: r.try_get("cloud_id")?,
                over: r.try_get("over_id")?,
                peer_ip: r.try_get("peer_ip")?,
                local_asn: r.try_get("local_asn")?,
                peer_asn: r.try_get("peer_asn")?,
                state: r.try_get("state")?,
                raw_state: r.try_get("raw_state")?,
                reason: r.try_get("reason")?,
                state_since: r.try_get("state_since")?,
                in_state_secs: (now - r.try_get::<DateTime<Utc>, _>("state_since")?)
                    .num_seconds()
                    .max(0),
                advertised: r.try_get("advertised")?,
                learned: r.try_get("learned")?,
                flaps_24h: r.try_get("flaps")?,
            };
            Ok((r.try_get("account_id")?, row))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}
