//! One module per page of the product.

pub mod bgp;
pub mod connection;
pub mod connections;
pub mod history;
pub mod not_found;
pub mod overview;
pub mod planned;
pub mod routes;
pub mod settings;
pub mod topology;
