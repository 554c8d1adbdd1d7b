//! The store's current rows as a [`routes::Inventory`] (server only): every route with its
//! table, next hop, source, weight, publication and state, plus the VPCs, vSwitches, gateways,
//! SSL-VPN servers, connections (with their tunnels), customer gateways, VBRs and leased lines
//! the analysis needs.
//!
//! [`build`] is a pure function over [`StoreRow`]s, so it is tested with hand-built rows; a
//! CIDR that does not parse is left out and counted per kind of object (never a panic), and
//! the page reports the counts. The mapping of each kind is in
//! [`map`] and [`routes`].

use crate::error::AppError;
use ::routes::{InputError, Inventory};
use serde_json::Value;
use sqlx::PgPool;
use std::collections::{BTreeMap, HashMap};

pub mod map;
pub mod routes;
#[cfg(test)]
mod tests;

/// One row of `resource_current` with its account's name and cloud.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreRow {
    pub account: String,
    /// `aliyun` / `huawei`.
    pub cloud: String,
    pub region: String,
    /// The store's kind token (`route`, `vpc`, `tunnel`, …).
    pub kind: String,
    pub cloud_id: String,
    pub name: Option<String>,
    pub parent_id: Option<String>,
    /// `up`, `down`, `partial`, `pending`, `unknown`.
    pub state: String,
    /// The neutral model of the kind (`store::model::*`) as JSON.
    pub attrs: Value,
    /// The cloud's payload, loaded for connections only (BGP connections keep their traffic
    /// selectors there); `Null` otherwise.
    pub raw: Value,
}

/// Values left out of the analysis, counted by what they belong to ("routes", "vSwitches"…).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped(pub BTreeMap<&'static str, usize>);

impl Skipped {
    pub fn count(&mut self, what: &'static str) {
        *self.0.entry(what).or_default() += 1;
    }

    /// `value` parsed, or `None` — counted under `what` when it was present but bad.
    pub fn one<T>(
        &mut self,
        value: Option<&str>,
        parse: impl Fn(&str) -> Result<T, InputError>,
        what: &'static str,
    ) -> Option<T> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        match parse(value) {
            Ok(v) => Some(v),
            Err(_) => {
                self.count(what);
                None
            }
        }
    }

    /// Every value that parses; each bad one is counted under `what`.
    pub fn each<T>(
        &mut self,
        values: &[String],
        parse: impl Fn(&str) -> Result<T, InputError>,
        what: &'static str,
    ) -> Vec<T> {
        values
            .iter()
            .filter_map(|v| self.one(Some(v), &parse, what))
            .collect()
    }
}

/// The inventory and what could not go into it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Built {
    pub inventory: Inventory,
    pub skipped: Skipped,
}

/// The rows grouped by kind, with the lookups several kinds share.
pub struct Rows<'a> {
    pub by_kind: HashMap<&'a str, Vec<&'a StoreRow>>,
}

impl<'a> Rows<'a> {
    pub fn of(&self, kind: &str) -> impl Iterator<Item = &'a StoreRow> + '_ {
        self.by_kind.get(kind).into_iter().flatten().copied()
    }
}

/// Rows → inventory. Pure: no database, no clock.
pub fn build(rows: &[StoreRow]) -> Built {
    let mut by_kind: HashMap<&str, Vec<&StoreRow>> = HashMap::new();
    for r in rows {
        by_kind.entry(r.kind.as_str()).or_default().push(r);
    }
    let rows = Rows { by_kind };
    let mut skipped = Skipped::default();
    let vbrs = map::vbrs(&rows);
    let inventory = Inventory {
        routes: routes::routes(&rows, &vbrs, &mut skipped),
        vpcs: map::vpcs(&rows, &mut skipped),
        vswitches: map::vswitches(&rows, &mut skipped),
        gateways: map::gateways(&rows),
        ssl_servers: map::ssl_servers(&rows, &mut skipped),
        connections: map::connections(&rows, &mut skipped),
        customer_gateways: map::customer_gateways(&rows),
        vbrs,
        physical_connections: map::physical_connections(&rows),
    };
    Built { inventory, skipped }
}

/// The kinds the analysis reads.
const KINDS: [&str; 12] = [
    "route",
    "vpc",
    "v_switch",
    "route_table",
    "vpn_gateway",
    "customer_gateway",
    "connection",
    "tunnel",
    "ssl_vpn_server",
    "vbr",
    "physical_connection",
    "router_interface",
];

/// The current rows of every kind the analysis reads, as an inventory.
pub async fn load(pool: &PgPool) -> Result<Built, AppError> {
    use sqlx::Row;
    let fetched = sqlx::query(
        "SELECT a.name AS account, a.cloud, r.region, r.kind, r.cloud_id, r.name, r.parent_id, \
                r.state, r.attrs, CASE WHEN r.kind = 'connection' THEN r.raw END AS raw \
         FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE a.deleted_at IS NULL AND r.kind = ANY($1) \
         ORDER BY a.name, r.region, r.kind, r.cloud_id",
    )
    .bind(KINDS.map(str::to_owned).to_vec())
    .fetch_all(pool)
    .await?;
    let rows = fetched
        .iter()
        .map(|r| {
            Ok(StoreRow {
                account: r.try_get("account")?,
                cloud: r.try_get("cloud")?,
                region: r.try_get("region")?,
                kind: r.try_get("kind")?,
                cloud_id: r.try_get("cloud_id")?,
                name: r.try_get("name")?,
                parent_id: r.try_get("parent_id")?,
                state: r.try_get("state")?,
                attrs: r.try_get("attrs")?,
                raw: r.try_get::<Option<Value>, _>("raw")?.unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(build(&rows))
}
