//! The store's error type. Messages never carry secrets: crypto failures say only what failed.

/// Result alias of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Caller input rejected before touching the database; `field` names the culprit.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The offending field (`cloud`, `name`, `endpoint`, `cloud_id`…).
        field: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// The row does not exist (or is soft-deleted).
    #[error("{what} not found")]
    NotFound {
        /// What was looked up.
        what: &'static str,
    },
    /// Sealing or opening a secret failed (wrong key, corrupted ciphertext, bad key file).
    #[error("crypto: {0}")]
    Crypto(String),
    /// Reading or writing the key file.
    #[error("key file: {0}")]
    KeyFile(#[from] std::io::Error),
    /// A stored JSON value did not match the model.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// Database error.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Self::Invalid {
            field,
            reason: reason.into(),
        }
    }
}
