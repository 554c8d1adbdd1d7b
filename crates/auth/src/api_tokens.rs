//! API tokens: the bearer credential of the read-only JSON API (`/api/v1/`). Scoped like wall
//! tokens (clouds, accounts, regions, sites), expiring, revocable, stored as a SHA-256 digest;
//! the plain token is shown once, at creation. The prefix `gwa_` tells it apart from a wall
//! token, so one can never be used as the other. Create, resolve, revoke and list are
//! [`TokenKind`]'s methods on [`TOKENS`].

use crate::scoped_token::{ScopedToken, TokenKind};

pub const PREFIX: &str = "gwa";

/// API tokens: their table and prefix.
pub const TOKENS: TokenKind = TokenKind {
    table: "api_token",
    prefix: PREFIX,
};

pub type ApiToken = ScopedToken;
