//! Integration tests of the server: one test binary, one embedded PostgreSQL cluster per run,
//! a fresh database per test (cloned from a migrated template), the app on port 0.

mod helpers;

mod access;
mod accounts_admin;
mod alerts;
mod alerts_admin;
mod alerts_config;
mod alerts_rounds;
mod api_token_cmd;
mod api_v1;
mod api_v1_conflicts;
mod api_v1_paging;
mod api_v1_schemathesis;
mod bgp;
mod bgp_peer;
mod binary;
mod call_emulator;
mod compression;
mod connection_detail;
mod fault_matrix;
mod gateways;
mod history;
mod history_diff;
mod http_basics;
mod metrics;
mod operator;
mod operator_routes;
mod operator_wall;
mod overview;
mod plain_forms;
mod routes_page;
mod secret_scan;
mod secret_scan_crawl;
mod sessions;
mod snapshot_cache;
mod start_interrupted;
mod static_files;
mod store_version;
mod sync_settings;
mod system;
mod topology;
mod topology_graph;
mod topology_layouts;
mod two_processes;
mod wall;
