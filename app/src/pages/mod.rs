//! One module per page of the product.

pub mod bgp;
pub mod bgp_peer;
pub mod connection;
pub mod connections;
pub mod gateways;
pub mod history;
pub mod history_diff;
pub mod not_found;
pub mod overview;
pub mod planned;
pub mod routes;
pub mod settings;
pub mod topology;
