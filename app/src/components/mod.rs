//! Components shared by several pages.

pub mod connection_table;
pub mod data_as_of;
pub mod nav;
pub mod prefix_chart;
pub mod rollups;
pub mod route_findings;
pub mod route_table;
pub mod route_trace;
pub mod system_panel;
