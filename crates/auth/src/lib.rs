//! Access control for gatewatch, free of Leptos and axum so it is tested on its own:
//! the three roles, local users with argon2id password hashes, the one-time setup token that
//! creates the first admin, scoped read-only wall tokens, login rate limits, and the
//! append-only audit log.
//!
//! Without the default `server` feature only the wire types ([`Role`], [`Scope`]) remain, so
//! the browser bundle can name roles without pulling in argon2 or sqlx.

pub mod role;
pub mod scope;

#[cfg(feature = "server")]
pub mod api_tokens;
#[cfg(feature = "server")]
pub mod audit;
#[cfg(feature = "server")]
mod error;
#[cfg(feature = "server")]
pub mod limiter;
#[cfg(feature = "server")]
pub mod password;
#[cfg(feature = "server")]
pub mod scoped_token;
#[cfg(feature = "server")]
pub mod setup;
#[cfg(feature = "server")]
pub mod token;
#[cfg(feature = "server")]
pub mod users;
#[cfg(feature = "server")]
pub mod wall;

#[cfg(feature = "server")]
pub use error::AuthError;
pub use role::Role;
pub use scope::Scope;
