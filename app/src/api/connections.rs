//! Connections: one row per IPsec connection of both clouds, tunnels side by side, filtered,
//! sorted and paged on the server. The query is the page's URL, so every view is a link.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: i64 = 50;

/// Filters and order, exactly as they appear in the URL's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConnectionQuery {
    pub cloud: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    pub state: Option<String>,
    pub site: Option<String>,
    /// Free text: name, id, customer gateway, IP.
    pub q: Option<String>,
    /// `state` (worst first, the default), `name`, `account`, `region`, `since`.
    pub sort: Option<String>,
    /// 1-based.
    pub page: Option<i64>,
}

impl ConnectionQuery {
    /// The query string for this query with `page` replaced (empty fields left out).
    pub fn to_query_string(&self, page: Option<i64>) -> String {
        crate::url::query_string([
            ("cloud", self.cloud.clone()),
            ("account", self.account.clone()),
            ("region", self.region.clone()),
            ("state", self.state.clone()),
            ("site", self.site.clone()),
            ("q", self.q.clone()),
            ("sort", self.sort.clone()),
            ("page", page.map(|p| p.to_string())),
        ])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TunnelCell {
    pub id: String,
    pub role: Option<String>,
    pub state: String,
    pub ike: Option<String>,
    pub ipsec: Option<String>,
    pub health: Option<String>,
    pub bgp: Option<String>,
    pub reason: Option<String>,
    pub since: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    pub name: Option<String>,
    pub state: String,
    pub reason: Option<String>,
    pub since: DateTime<Utc>,
    pub customer_gateway: Option<String>,
    pub site: Option<String>,
    pub tunnels: Vec<TunnelCell>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionPage {
    pub rows: Vec<ConnectionRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// Values the filters can take (from the whole store, not just this page).
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
}

#[server(endpoint = "connections")]
pub async fn list_connections(
    // An all-empty query encodes to nothing at all; default it rather than fail.
    #[server(default)] query: ConnectionQuery,
) -> Result<ConnectionPage, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::connections_sql::page(&state.pool, &query).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_keeps_set_fields_and_encodes_them() {
        let q = ConnectionQuery {
            cloud: Some("aliyun".into()),
            q: Some("Shanghai DC".into()),
            region: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            q.to_query_string(Some(2)),
            "cloud=aliyun&q=Shanghai%20DC&page=2"
        );
        assert_eq!(ConnectionQuery::default().to_query_string(None), "");
    }
}
