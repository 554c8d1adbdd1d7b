//! The gateways-and-sites query (server only). Sites are the store's merge of customer
//! gateways ([`store::read::list_sites`]); this adds the connections that reach each one.

use super::gateways::*;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// (account, region, customer or VPN gateway id): how connections hang off both.
type GatewayKey = (Uuid, String, String);

struct ConnectionOf {
    vpn_gateway: Option<GatewayKey>,
    customer_gateway: Option<GatewayKey>,
    link: LinkedConnection,
}

pub async fn gateways(
    pool: &PgPool,
    query: &GatewayQuery,
    now: DateTime<Utc>,
) -> Result<GatewaysView, AppError> {
    let blank = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let (cloud, state, q) = (blank(&query.cloud), blank(&query.state), blank(&query.q));
    if let Some(c) = cloud
        .as_deref()
        .filter(|c| !["aliyun", "huawei"].contains(c))
    {
        return Err(AppError::InvalidInput(format!(
            "cloud must be aliyun or huawei, not {c:?}"
        )));
    }
    if let Some(s) = state.as_deref().filter(|s| !ROLLUPS.contains(s)) {
        return Err(AppError::InvalidInput(format!(
            "state must be one of {}, not {s:?}",
            ROLLUPS.join(", ")
        )));
    }
    let accounts: HashMap<Uuid, (String, String)> =
        sqlx::query("SELECT id, cloud, name FROM cloud_account WHERE deleted_at IS NULL")
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("id")?, (r.try_get("cloud")?, r.try_get("name")?))))
            .collect::<Result<_, sqlx::Error>>()?;
    let connections = connections(pool).await?;
    let mut gateways = Vec::new();
    for r in sqlx::query(
        "SELECT account_id, region, cloud_id, name, state, (attrs ->> 'local_asn')::bigint AS asn, \
           coalesce(ARRAY(SELECT jsonb_array_elements_text(attrs -> 'public_ips')), '{}') AS ips \
         FROM resource_current WHERE kind = 'vpn_gateway' ORDER BY region, cloud_id",
    )
    .fetch_all(pool)
    .await?
    {
        let account_id: Uuid = r.try_get("account_id")?;
        let Some((cloud, account)) = accounts.get(&account_id).cloned() else {
            continue;
        };
        let key = (account_id, r.try_get("region")?, r.try_get("cloud_id")?);
        let ending = linked(&connections, &key, End::VpnGateway);
        gateways.push(GatewayRow {
            cloud,
            account,
            region: key.1.clone(),
            id: key.2.clone(),
            name: r.try_get("name")?,
            state: r.try_get("state")?,
            public_ips: r.try_get("ips")?,
            asn: r.try_get("asn")?,
            tunnels: TunnelTally::of(&ending),
            connections: ending,
        });
    }
    let mut sites = Vec::new();
    for site in store::read::list_sites(pool).await.map_err(|e| {
        tracing::error!(error = %e, "sites could not be read");
        AppError::Internal
    })? {
        let mut members = Vec::new();
        let mut reaching = Vec::new();
        for m in site.members {
            let Some((cloud, account)) = accounts.get(&m.account_id).cloned() else {
                continue;
            };
            let key = (m.account_id, m.region.clone(), m.cloud_id.clone());
            reaching.extend(linked(&connections, &key, End::CustomerGateway));
            members.push(SiteMemberRow {
                cloud,
                account,
                region: m.region,
                id: m.cloud_id,
                name: m.name,
                asn: m.asn,
            });
        }
        let clouds: BTreeSet<String> = members.iter().map(|m| m.cloud.clone()).collect();
        // Named like the Overview's roll-up: the first member name, else the merge key.
        let name = members.iter().filter_map(|m| m.name.clone()).min();
        sites.push(SiteRow {
            name: name.unwrap_or_else(|| site.key.clone()),
            key: site.key,
            clouds: clouds.into_iter().collect(),
            tunnels: TunnelTally::of(&reaching),
            connections: reaching,
            members,
        });
    }
    let unfiltered = gateways.len() + sites.len();
    let text = q.map(|q| q.to_lowercase());
    let matches = |fields: Vec<&str>| {
        text.as_ref()
            .is_none_or(|t| fields.iter().any(|f| f.to_lowercase().contains(t)))
    };
    gateways.retain(|g| {
        cloud.as_ref().is_none_or(|c| *c == g.cloud)
            && state.as_deref().is_none_or(|s| s == g.tunnels.rollup())
            && matches(
                [
                    g.id.as_str(),
                    g.name.as_deref().unwrap_or_default(),
                    &g.account,
                ]
                .into_iter()
                .chain(g.public_ips.iter().map(String::as_str))
                .collect(),
            )
    });
    sites.retain(|s| {
        cloud.as_ref().is_none_or(|c| s.clouds.contains(c))
            && state.as_deref().is_none_or(|st| st == s.tunnels.rollup())
            && matches(
                [s.name.as_str(), s.key.as_str()]
                    .into_iter()
                    .chain(s.members.iter().map(|m| m.id.as_str()))
                    .chain(s.members.iter().filter_map(|m| m.name.as_deref()))
                    .collect(),
            )
    });
    // Worst first: roll-up, then most tunnels down, then name.
    gateways.sort_by(|a, b| {
        (
            a.tunnels.rank(),
            b.tunnels.total - b.tunnels.up,
            &a.name,
            &a.id,
        )
            .cmp(&(
                b.tunnels.rank(),
                a.tunnels.total - a.tunnels.up,
                &b.name,
                &b.id,
            ))
    });
    sites.sort_by(|a, b| {
        (a.tunnels.rank(), b.tunnels.total - b.tunnels.up, &a.name).cmp(&(
            b.tunnels.rank(),
            a.tunnels.total - a.tunnels.up,
            &b.name,
        ))
    });
    let as_of: Option<DateTime<Utc>> = sqlx::query_scalar(
        "SELECT min(f.last_success_at) FROM sync_freshness f \
         JOIN cloud_account a ON a.id = f.account_id AND a.deleted_at IS NULL \
         WHERE f.kind IN ('vpn_gateway', 'customer_gateway', 'connection', 'tunnel')",
    )
    .fetch_one(pool)
    .await?;
    Ok(GatewaysView {
        gateways,
        sites,
        unfiltered,
        as_of,
        generated_at: now,
    })
}

/// Which end of a connection a gateway is.
#[derive(Clone, Copy)]
enum End {
    VpnGateway,
    CustomerGateway,
}

/// The connections ending at `key`, worst first.
fn linked(connections: &[ConnectionOf], key: &GatewayKey, end: End) -> Vec<LinkedConnection> {
    let mut found: Vec<LinkedConnection> = connections
        .iter()
        .filter(|c| match end {
            End::VpnGateway => c.vpn_gateway.as_ref() == Some(key),
            End::CustomerGateway => c.customer_gateway.as_ref() == Some(key),
        })
        .map(|c| c.link.clone())
        .collect();
    found.sort_by_key(|c| {
        (
            TunnelTally::of(std::slice::from_ref(c)).rank(),
            c.id.clone(),
        )
    });
    found
}

/// Every present connection with its tunnels counted and the gateways at both ends.
async fn connections(pool: &PgPool) -> Result<Vec<ConnectionOf>, AppError> {
    let rows = sqlx::query(
        "SELECT c.account_id, a.cloud, a.name AS account, c.region, c.cloud_id, c.name, c.state, \
           c.attrs ->> 'gateway_id' AS gateway_id, c.attrs ->> 'customer_gateway_id' AS cgw_id, \
           count(t.cloud_id) FILTER (WHERE t.state = 'up') AS up, count(t.cloud_id) AS total \
         FROM resource_current c JOIN cloud_account a ON a.id = c.account_id \
         LEFT JOIN resource_current t ON t.kind = 'tunnel' AND t.account_id = c.account_id \
           AND t.region = c.region AND t.parent_id = c.cloud_id \
         WHERE c.kind = 'connection' \
         GROUP BY c.account_id, a.cloud, a.name, c.region, c.cloud_id, c.name, c.state, c.attrs",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let account_id: Uuid = r.try_get("account_id")?;
            let region: String = r.try_get("region")?;
            let end = |id: Option<String>| id.map(|id| (account_id, region.clone(), id));
            Ok(ConnectionOf {
                vpn_gateway: end(r.try_get("gateway_id")?),
                customer_gateway: end(r.try_get("cgw_id")?),
                link: LinkedConnection {
                    id: r.try_get("cloud_id")?,
                    name: r.try_get("name")?,
                    cloud: r.try_get("cloud")?,
                    account: r.try_get("account")?,
                    region: region.clone(),
                    state: r.try_get("state")?,
                    tunnels_up: r.try_get("up")?,
                    tunnels: r.try_get("total")?,
                },
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}
