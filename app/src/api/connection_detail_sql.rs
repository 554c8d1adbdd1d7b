//! The connection detail query (server only). Secrets never leave the store: the rows were
//! redacted before they were written, and `attrs` carry no secret fields.

use super::connection_detail::*;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use sqlx::{PgPool, Row};

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            flatten(
                &if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                },
                v,
                out,
            )
        }),
        Value::Null => {}
        Value::Array(a) if a.is_empty() => {}
        // Defence in depth: the store redacts secrets before writing, but a secret-looking key
        // is never shown whatever its value (revealing a PSK is an operator action).
        _ if is_secret(prefix) => out.push((prefix.to_string(), "(redacted)".to_string())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "psk",
        "auth_key",
        "authkey",
        "password",
        "secret",
        "private_key",
    ]
    .iter()
    .any(|s| k.contains(s))
}

fn part(r: &sqlx::postgres::PgRow) -> Result<Part, sqlx::Error> {
    let facets: Value = r.try_get("facets")?;
    let attrs: Value = r.try_get("attrs")?;
    let mut flat = Vec::new();
    flatten("", &attrs, &mut flat);
    flat.retain(|(k, _)| k != "kind");
    Ok(Part {
        kind: r.try_get("kind")?,
        id: r.try_get("cloud_id")?,
        name: r.try_get("name")?,
        state: r.try_get("state")?,
        raw_state: r.try_get("raw_state")?,
        reason: r.try_get("reason")?,
        since: r.try_get("state_since")?,
        facets: facets
            .as_object()
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| {
                        v.get("state")
                            .and_then(Value::as_str)
                            .map(|s| (k.clone(), s.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        attrs: flat,
    })
}

pub async fn detail(
    pool: &PgPool,
    id: &str,
    now: DateTime<Utc>,
) -> Result<ConnectionDetail, AppError> {
    const COLS: &str = "r.account_id, r.region, r.kind, r.cloud_id, r.name, r.state, r.raw_state, r.reason, r.state_since, r.facets, r.attrs";
    let row = sqlx::query(&format!(
        "SELECT {COLS}, a.cloud, a.name AS account FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE r.kind = 'connection' AND r.cloud_id = $1 ORDER BY a.name LIMIT 1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("connection {id}")))?;
    let account_id: uuid::Uuid = row.try_get("account_id")?;
    let region: String = row.try_get("region")?;
    let related = sqlx::query(&format!(
        "SELECT {COLS} FROM resource_current r WHERE r.account_id = $1 AND r.region = $2 AND ( \
           (r.kind = 'tunnel' AND r.parent_id = $3) \
           OR (r.kind = 'bgp_session' AND (r.attrs ->> 'over_id' = $3 OR r.attrs ->> 'over_id' IN \
               (SELECT cloud_id FROM resource_current WHERE account_id = $1 AND region = $2 AND kind = 'tunnel' AND parent_id = $3))) \
           OR (r.kind = 'health_check' AND r.attrs ->> 'connection_id' = $3)) \
         ORDER BY r.kind, r.cloud_id"
    ))
    .bind(account_id)
    .bind(&region)
    .bind(id)
    .fetch_all(pool)
    .await?;
    let parts = related.iter().map(part).collect::<Result<Vec<_>, _>>()?;
    let pick = |k: &str| {
        parts
            .iter()
            .filter(|p| p.kind == k)
            .cloned()
            .collect::<Vec<_>>()
    };
    let routes: Vec<String> = sqlx::query_scalar(
        "SELECT concat(attrs ->> 'destination', ' (', replace(attrs ->> 'source', '_', ' '), \
           coalesce(', weight ' || (attrs ->> 'weight'), ''), ')') \
         FROM resource_current WHERE account_id = $1 AND region = $2 AND kind = 'route' AND attrs ->> 'next_hop' = $3 \
         ORDER BY attrs ->> 'destination'",
    )
    .bind(account_id)
    .bind(&region)
    .bind(id)
    .fetch_all(pool)
    .await?;
    let vpn_routes = sqlx::query(
        "SELECT cloud_id, attrs FROM resource_current WHERE account_id = $1 AND region = $2 \
           AND kind = 'route' AND attrs ->> 'next_hop' = $3 \
           AND attrs ->> 'source' IN ('vpn_destination', 'vpn_policy') \
         ORDER BY attrs ->> 'destination', cloud_id",
    )
    .bind(account_id)
    .bind(&region)
    .bind(id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        let attrs: Value = r.try_get("attrs")?;
        let text = |k: &str| attrs.get(k).and_then(Value::as_str).map(str::to_string);
        Ok(VpnRoute {
            key: r.try_get("cloud_id")?,
            destination: text("destination").unwrap_or_default(),
            source_cidr: text("source_cidr"),
            weight: attrs
                .get("weight")
                .and_then(Value::as_u64)
                .and_then(|w| u32::try_from(w).ok()),
            published: attrs.get("published").and_then(Value::as_bool) == Some(true),
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let ids: Vec<String> = std::iter::once(id.to_string())
        .chain(parts.iter().map(|p| p.id.clone()))
        .collect();
    let timeline = sqlx::query(
        "SELECT at, kind, cloud_id, facet, old_state, new_state, reason FROM state_transition \
         WHERE account_id = $1 AND region = $2 AND cloud_id = ANY($3) ORDER BY at DESC, id DESC LIMIT 200",
    )
    .bind(account_id)
    .bind(&region)
    .bind(&ids)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Transition {
            at: r.try_get("at")?,
            kind: r.try_get("kind")?,
            id: r.try_get("cloud_id")?,
            facet: r.try_get("facet")?,
            old_state: r.try_get("old_state")?,
            new_state: r.try_get("new_state")?,
            reason: r.try_get("reason")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let day_ago = now - Duration::hours(24);
    Ok(ConnectionDetail {
        cloud: row.try_get("cloud")?,
        account: row.try_get("account")?,
        region,
        connection: part(&row)?,
        tunnels: pick("tunnel"),
        bgp: pick("bgp_session"),
        health: pick("health_check"),
        routes,
        vpn_routes,
        flaps_24h: timeline.iter().filter(|t| t.at > day_ago).count() as i64,
        timeline,
    })
}
