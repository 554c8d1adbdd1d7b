//! Components shared by several pages.

pub mod account_forms;
pub mod connection_table;
pub mod data_as_of;
pub mod form_answer;
pub mod form_notice;
pub mod island_net;
pub mod live_regions;
pub mod nav;
pub mod operator_actions;
pub mod operator_download;
pub mod operator_routes;
pub mod prefix_chart;
pub mod rollups;
pub mod route_findings;
pub mod route_table;
pub mod route_trace;
pub mod server_form;
pub mod system_panel;
pub mod topology_canvas;
pub mod topology_export;
pub mod topology_layouts;
pub mod topology_panel;
pub mod topology_state;
pub mod topology_viewport;
pub mod user_menu;
pub mod wall_tiles;
