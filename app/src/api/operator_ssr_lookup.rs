//! Finding what an operator action is about in the store: the connection (and so its account
//! and region) and, for route writes, the VPN route as the cloud identifies it.

use super::{Found, Target};
use crate::error::AppError;
use serde_json::Value;
use sqlx::{PgPool, Row};
use store::model::{Route, RouteSource};
use sync::actions::RouteRef;

pub async fn find_connection(pool: &PgPool, id: &str) -> Result<Found, AppError> {
    if id.trim().is_empty() {
        return Err(AppError::InvalidInput("connection_id: empty".into()));
    }
    let row = sqlx::query(
        "SELECT r.account_id, r.region, a.name FROM resource_current r \
         JOIN cloud_account a ON a.id = r.account_id AND a.deleted_at IS NULL \
         WHERE r.kind = 'connection' AND r.cloud_id = $1 ORDER BY a.name LIMIT 1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("connection {id}")))?;
    Ok(Found {
        target: Target {
            account: row.try_get("account_id")?,
            region: row.try_get("region")?,
        },
        account_name: row.try_get("name")?,
    })
}

/// The VPN route `key` of the connection: it must be an Alibaba VPN route into it.
pub async fn find_route(
    pool: &PgPool,
    target: &Target,
    connection_id: &str,
    key: &str,
) -> Result<(RouteRef, Option<u32>), AppError> {
    let attrs: Option<Value> = sqlx::query_scalar(
        "SELECT attrs FROM resource_current WHERE account_id = $1 AND region = $2 \
         AND kind = 'route' AND cloud_id = $3",
    )
    .bind(target.account)
    .bind(&target.region)
    .bind(key)
    .fetch_optional(pool)
    .await?;
    let route: Route = attrs
        .and_then(|a| serde_json::from_value(a).ok())
        .ok_or_else(|| AppError::NotFound(format!("route {key}")))?;
    if !matches!(
        route.source,
        RouteSource::VpnDestination | RouteSource::VpnPolicy
    ) {
        return Err(AppError::InvalidInput(format!(
            "route {key}: only VPN gateway routes can be published or weighted"
        )));
    }
    if route.next_hop.as_deref() != Some(connection_id) {
        return Err(AppError::InvalidInput(format!(
            "route {key} does not point into connection {connection_id}"
        )));
    }
    let weight = route.weight;
    Ok((
        RouteRef {
            vpn_gateway_id: route.table_id,
            destination: route.destination,
            next_hop: connection_id.to_owned(),
            source_cidr: route.source_cidr,
        },
        weight,
    ))
}
