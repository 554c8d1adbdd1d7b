//! Components shared by several pages.

pub mod connection_table;
pub mod nav;
pub mod rollups;
pub mod route_findings;
pub mod route_table;
pub mod route_trace;
pub mod system_panel;
