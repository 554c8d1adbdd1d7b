use crate::Role;

/// What went wrong, in words safe to show the person who asked (no secret, no SQL).
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("invalid user name {0:?}: use 1–64 letters, digits, '.', '_', '@' or '-'")]
    InvalidName(String),
    #[error("password too weak: {0}")]
    WeakPassword(&'static str),
    #[error("a user named {0:?} already exists")]
    NameTaken(String),
    #[error("no such user: {0}")]
    UnknownUser(String),
    #[error("the last admin cannot be removed or demoted to {0}")]
    LastAdmin(Role),
    #[error("the setup token is wrong, used or expired")]
    BadSetupToken,
    #[error("an admin exists already; sign in as that admin to add users")]
    AdminExists,
    #[error("invalid wall token name: {0}")]
    InvalidTokenName(&'static str),
    #[error("invalid expiry: {0}")]
    InvalidExpiry(&'static str),
    #[error("no such wall token")]
    UnknownToken,
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}
