//! gatewatch's user interface: the routes, pages and components, the server functions the
//! pages call, and the wire types that cross between server and browser.
//!
//! This crate is compiled twice: with `ssr` for the server (every page is rendered there, plus
//! the server-function bodies) and with `hydrate` for the browser, which runs only the
//! `#[island]` components (Leptos's islands mode): live updates, the forms answered in place,
//! the operator controls, the topology workbench. Everything that must never reach the WASM
//! bundle (the database pool, sessions, cloud credentials) lives in `#[cfg(feature = "ssr")]`
//! modules.

pub mod access;
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod csp;
pub mod error;
pub mod pages;
pub mod resource;
pub mod root;
pub mod url;

#[cfg(feature = "ssr")]
pub mod state;

pub use root::{shell, App};
