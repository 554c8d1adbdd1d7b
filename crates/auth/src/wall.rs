//! Wall tokens: the read-only credential of a NOC screen. Scoped (clouds, accounts, regions,
//! sites), expiring, revocable, stored as a SHA-256 digest; the plain token is shown once, at
//! creation, as part of the wall's URL. Create, resolve, revoke and list are [`TokenKind`]'s
//! methods on [`TOKENS`].

use crate::scoped_token::{ScopedToken, TokenKind};

pub const PREFIX: &str = "gww";

/// Wall tokens: their table and prefix.
pub const TOKENS: TokenKind = TokenKind {
    table: "wall_token",
    prefix: PREFIX,
};

pub type WallToken = ScopedToken;
