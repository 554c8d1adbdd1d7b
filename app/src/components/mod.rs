//! Components shared by several pages.

pub mod nav;
pub mod system_panel;
