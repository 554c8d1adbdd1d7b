//! One BGP peer (server only): the session row, its prefix list from the store's
//! `bgp_session_route` view plus the prefixes the session itself reports, and its sampled
//! prefix counts over the window.

use super::bgp_peer::*;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};
use std::collections::BTreeMap;

pub async fn peer(
    pool: &PgPool,
    query: &PeerQuery,
    now: DateTime<Utc>,
) -> Result<PeerView, AppError> {
    let id = query.id.trim();
    if id.is_empty() {
        return Err(AppError::InvalidInput(
            "id must name a BGP session (open one from the BGP page)".into(),
        ));
    }
    let window = query
        .window
        .clone()
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "24h".into());
    let windows = crate::api::history::WINDOWS;
    let hours = windows
        .iter()
        .find(|(v, _, _)| *v == window)
        .map(|(_, h, _)| *h)
        .ok_or_else(|| {
            AppError::InvalidInput(format!(
                "window must be one of {}, not {window:?}",
                windows.map(|w| w.0).join(", ")
            ))
        })?;
    let dir = query.dir.clone().filter(|d| !d.is_empty());
    if let Some(d) = dir
        .as_deref()
        .filter(|d| *d != "learned" && *d != "advertised")
    {
        return Err(AppError::InvalidInput(format!(
            "dir must be learned or advertised, not {d:?}"
        )));
    }
    let (account_id, session) = super::bgp_sql::select(pool, None, None, Some(id), now)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::NotFound(format!("BGP session {id}")))?;
    let all = prefixes(pool, account_id, &session.region, id).await?;
    let count = |d: &str| all.iter().filter(|p| p.direction == d).count();
    let totals = (count("learned"), count("advertised"));
    let since = now - Duration::hours(hours);
    let samples = store::bgp_samples::prefix_samples(pool, account_id, &session.region, id, since)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "prefix samples could not be read");
            AppError::Internal
        })?
        .into_iter()
        .map(|s| PrefixPoint {
            at: s.at,
            advertised: s.advertised,
            learned: s.learned,
        })
        .collect();
    let as_of: Option<DateTime<Utc>> = sqlx::query_scalar(
        "SELECT last_success_at FROM sync_freshness \
         WHERE account_id = $1 AND region = $2 AND kind = 'bgp_session'",
    )
    .bind(account_id)
    .bind(&session.region)
    .fetch_optional(pool)
    .await?
    .flatten();
    Ok(PeerView {
        prefixes: all
            .into_iter()
            .filter(|p| dir.as_deref().is_none_or(|d| d == p.direction))
            .collect(),
        session,
        totals,
        samples,
        since,
        as_of,
        generated_at: now,
    })
}

/// Route rows first; a prefix only the session reports is added once per direction.
async fn prefixes(
    pool: &PgPool,
    account_id: uuid::Uuid,
    region: &str,
    id: &str,
) -> Result<Vec<PeerPrefix>, AppError> {
    let rows = sqlx::query(
        "SELECT direction, route ->> 'destination' AS destination, route ->> 'next_hop' AS next_hop, \
           route ->> 'as_path' AS as_path, (route ->> 'med')::bigint AS med, state, 'route table' AS source \
         FROM bgp_session_route WHERE account_id = $1 AND region = $2 AND session_id = $3 \
         UNION ALL \
         SELECT d.direction, d.prefix, NULL, NULL, NULL, b.state, 'session' \
         FROM resource_current b, LATERAL ( \
           SELECT 'learned' AS direction, jsonb_array_elements_text(b.attrs -> 'learned') AS prefix \
           UNION ALL SELECT 'advertised', jsonb_array_elements_text(b.attrs -> 'advertised')) d \
         WHERE b.kind = 'bgp_session' AND b.account_id = $1 AND b.region = $2 AND b.cloud_id = $3",
    )
    .bind(account_id)
    .bind(region)
    .bind(id)
    .fetch_all(pool)
    .await?;
    let mut unique: BTreeMap<(String, String), PeerPrefix> = BTreeMap::new();
    for r in &rows {
        let p = PeerPrefix {
            direction: r.try_get("direction")?,
            destination: r
                .try_get::<Option<String>, _>("destination")?
                .unwrap_or_default(),
            next_hop: r.try_get("next_hop")?,
            as_path: r.try_get("as_path")?,
            med: r.try_get("med")?,
            state: r.try_get("state")?,
            source: r.try_get("source")?,
        };
        let key = (p.direction.clone(), p.destination.clone());
        // A route row wins over the session's bare prefix: it carries next hop and AS path.
        let replaces = unique
            .get(&key)
            .is_none_or(|q| p.source == "route table" && q.source != "route table");
        if replaces {
            unique.insert(key, p);
        }
    }
    Ok(unique.into_values().collect())
}
