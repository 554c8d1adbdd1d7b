//! The neutral input model: routes, context objects, the inventory and id lookups.

pub mod catalog;
pub mod context;
pub mod inventory;
pub mod route;
