//! One module per page of the product.

pub mod admin;
pub mod bgp;
pub mod bgp_peer;
pub mod connection;
pub mod connections;
pub mod gateways;
pub mod history;
pub mod history_diff;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod routes;
pub mod settings;
pub mod topology;
pub mod wall;
