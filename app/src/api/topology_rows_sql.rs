//! The store's rows the topology is built from (server only), and the state rules.

use crate::error::AppError;
use layout::State;
use serde_json::Value;
use sqlx::{PgPool, Row};

pub struct Resource {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub kind: String,
    pub id: String,
    pub name: Option<String>,
    pub parent: Option<String>,
    pub state: State,
    pub raw_state: Option<String>,
    pub site_key: Option<String>,
    pub attrs: Value,
}

impl Resource {
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.id.clone())
    }
    pub fn attr(&self, key: &str) -> Option<String> {
        self.attrs.get(key)?.as_str().map(str::to_string)
    }
    pub fn key(&self, id: &str) -> (String, String, String) {
        (self.account.clone(), self.region.clone(), id.to_string())
    }
    /// The node id of resource `id` of `kind` in this resource's account and region.
    pub fn node(&self, kind: &str, id: &str) -> String {
        format!("{}/{}/{kind}/{id}", self.account, self.region)
    }
}

pub fn state(s: &str) -> State {
    match s {
        "up" => State::Up,
        "partial" | "pending" => State::Degraded,
        "down" => State::Down,
        _ => State::Unknown,
    }
}

/// A site reached by several customer gateways: any up path keeps it up as "degraded" at
/// worst, none up makes it down.
pub fn combine_paths(site: State, path: State) -> State {
    match (site, path) {
        (State::Unknown, p) => p,
        (s, p) if s == p => s,
        (State::Up, _) | (_, State::Up) => State::Degraded,
        _ => State::Down,
    }
}

pub async fn resources(pool: &PgPool) -> Result<Vec<Resource>, AppError> {
    let rows = sqlx::query(
        "SELECT a.cloud, a.name AS account, r.region, r.kind, r.cloud_id, r.name, r.parent_id, \
           r.state, r.raw_state, r.site_key, r.attrs \
         FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE r.kind IN ('vpc', 'vbr', 'physical_connection', 'router_interface', 'vpn_gateway', \
           'connection', 'tunnel', 'customer_gateway', 'bgp_session') \
         ORDER BY a.cloud, a.name, r.region, r.kind, r.cloud_id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Resource {
                cloud: r.try_get("cloud")?,
                account: r.try_get("account")?,
                region: r.try_get("region")?,
                kind: r.try_get("kind")?,
                id: r.try_get("cloud_id")?,
                name: r.try_get("name")?,
                parent: r.try_get("parent_id")?,
                state: state(&r.try_get::<String, _>("state")?),
                raw_state: r.try_get("raw_state")?,
                site_key: r.try_get("site_key")?,
                attrs: r.try_get("attrs")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}
