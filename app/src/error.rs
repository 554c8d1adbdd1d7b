//! The error every server function returns: small, serialisable and safe to show a user.
//!
//! The full cause (SQL error, I/O error, ...) is logged on the server where it happens; the
//! browser only ever sees the user-facing message of one of these variants, so no internal
//! detail or secret can leak through an error.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The request needs a signed-in session.
    #[error("please sign in")]
    Unauthorized,
    /// The session's role may not do this.
    #[error("your role may not do this")]
    Forbidden,
    /// The named thing does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The browser sent something invalid; the message names the field.
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// A dependency (the database) is down; the page can retry later.
    #[error("temporarily unavailable: {0}")]
    Unavailable(String),
    /// A bug or an unexpected failure; details are in the server log.
    #[error("internal error (see the server log)")]
    Internal,
    /// The request did not reach the server function (network, decoding).
    #[error("request failed: {0}")]
    Request(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                AppError::Unavailable("the database does not answer".into())
            }
            sqlx::Error::RowNotFound => AppError::NotFound("row".into()),
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(err: tower_sessions::session::Error) -> Self {
        tracing::error!(error = %err, "session store error");
        AppError::Unavailable("the session store does not answer".into())
    }
}

/// Sets the HTTP status of the current response (a server function's answer, or the page
/// being rendered) to match `err`, so clients and tests see 401/403/404 instead of a generic
/// failure.
#[cfg(feature = "ssr")]
pub fn set_response_status(err: &AppError) {
    use axum::http::StatusCode;
    let status = match err {
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::InvalidInput(_) => StatusCode::BAD_REQUEST,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal | AppError::Request(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(status);
    }
}

/// A server function's result with the HTTP status set to match its error (see
/// [`set_response_status`]); the value passes through unchanged.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        set_response_status(e);
    }
    result
}
