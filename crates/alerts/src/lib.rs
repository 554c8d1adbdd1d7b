//! Alert webhooks: when a tunnel or BGP session goes down, flaps, or comes back, post one
//! message to each configured webhook (generic JSON or Slack-compatible).
//!
//! * [`policy`] — the debounce rules, pure (time is an argument);
//! * [`alert`], [`payload`] — what an alert says and how each webhook kind receives it;
//! * [`webhooks`] — targets, URLs sealed with the store's key ring;
//! * [`decide`] — reads new `state_transition` rows once across all servers and queues
//!   deliveries; [`deliver`] claims and posts them with bounded retries; [`deliveries`] is
//!   the log; [`dispatcher`] runs both on a timer.
//!
//! Nothing here knows Leptos or axum: the server starts the dispatcher, the admin page's
//! server functions call [`webhooks`], [`deliveries`] and [`Alerts::send_test`].

pub mod alert;
pub mod decide;
pub mod deliver;
pub mod deliveries;
pub mod dispatcher;
pub mod payload;
pub mod policy;
mod post;
mod tracked_rows;
pub mod webhooks;

pub use alert::Alert;
pub use dispatcher::{Alerts, Settings};
pub use policy::{Event, Policy};

/// Result alias of the alerts crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong. Messages never carry a webhook URL.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Admin input rejected; `field` names the culprit.
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    /// No such webhook.
    #[error("webhook not found")]
    NotFound,
    /// Sealing or opening the URL, or another store failure.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// A stored alert did not decode.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// Database error.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }
}
