//! Server functions and the wire types they exchange with the browser.
//!
//! Each server function is a thin adapter: it takes the state and session from the request
//! context, calls a plain async function in the feature's `ssr` module (tested on its own),
//! and maps the error to [`crate::error::AppError`].

pub mod accounts_admin;
pub mod alerts_admin;
#[cfg(feature = "ssr")]
pub mod alerts_admin_ssr;
pub mod api_tokens;
pub mod audit;
pub mod bgp;
pub mod bgp_peer;
#[cfg(feature = "ssr")]
pub mod bgp_peer_sql;
#[cfg(feature = "ssr")]
pub mod bgp_sql;
pub mod connection_detail;
#[cfg(feature = "ssr")]
pub mod connection_detail_sql;
pub mod connections;
#[cfg(feature = "ssr")]
pub mod connections_sql;
pub mod gateways;
#[cfg(feature = "ssr")]
pub mod gateways_sql;
pub mod history;
pub mod history_diff;
#[cfg(feature = "ssr")]
pub mod history_diff_sql;
#[cfg(feature = "ssr")]
pub mod history_sql;
#[cfg(feature = "ssr")]
pub mod inventory;
pub mod operator;
#[cfg(feature = "ssr")]
pub mod operator_ssr;
pub mod overview;
#[cfg(feature = "ssr")]
pub mod overview_sql;
pub mod preferences;
pub mod routes_page;
#[cfg(feature = "ssr")]
pub mod routes_sql;
pub mod session;
#[cfg(feature = "ssr")]
pub mod snapshot_cache;
pub mod sync_settings;
pub mod system;
pub mod topology;
#[cfg(feature = "ssr")]
pub mod topology_details;
pub mod topology_export;
#[cfg(feature = "ssr")]
pub mod topology_graph_sql;
pub mod topology_layouts;
#[cfg(feature = "ssr")]
pub mod topology_layouts_sql;
#[cfg(feature = "ssr")]
pub mod topology_rows_sql;
#[cfg(feature = "ssr")]
pub mod topology_sql;
pub mod users_admin;
pub mod wall;
#[cfg(feature = "ssr")]
pub mod wall_sql;
pub mod wall_tokens;
