//! Components shared by several pages.

pub mod connection_table;
pub mod nav;
pub mod rollups;
pub mod system_panel;
