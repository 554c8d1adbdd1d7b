//! The server side of access control: the session's user, loaded from the database on every
//! request (so a role change or a removed user takes effect at once), the absolute session
//! timeout, and [`require`], which every protected server function calls first.

use super::{Me, Role};
use crate::error::AppError;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;

const USER_KEY: &str = "user";

/// What the session stores after a login: the user's id and when they signed in.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: uuid::Uuid,
    pub login_at: DateTime<Utc>,
}

/// Whoever makes this request, after the session and the guest policy are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The user name, or `guest`.
    pub name: String,
    pub role: Option<Role>,
    pub signed_in: bool,
}

/// Access settings the server was started with.
#[derive(Clone, Debug)]
pub struct AccessPolicy {
    /// What a visitor who has not signed in may do (the demo installation: viewer).
    pub guest_role: Option<Role>,
    /// A session ends this long after its login, however active it is.
    pub absolute_timeout: chrono::Duration,
}

impl Default for AccessPolicy {
    fn default() -> Self {
        AccessPolicy {
            guest_role: None,
            absolute_timeout: chrono::Duration::hours(12),
        }
    }
}

/// The principal behind `session`, as of `now`.
pub async fn principal(
    app: &AppState,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<Principal, AppError> {
    let guest = Principal {
        name: "guest".into(),
        role: app.access.guest_role,
        signed_in: false,
    };
    let Some(stored) = session.get::<SessionUser>(USER_KEY).await? else {
        return Ok(guest);
    };
    if now - stored.login_at > app.access.absolute_timeout {
        session.flush().await?;
        return Ok(guest);
    }
    match auth::users::get(&app.pool, stored.id)
        .await
        .map_err(auth_error)?
    {
        Some(user) => Ok(Principal {
            name: user.name,
            role: Some(user.role),
            signed_in: true,
        }),
        // The user was removed: the session is worth nothing any more.
        None => {
            session.flush().await?;
            Ok(guest)
        }
    }
}

/// Records a successful login in the session under a new session id (no fixation).
pub async fn sign_in(
    session: &Session,
    id: uuid::Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    session.cycle_id().await?;
    session
        .insert(USER_KEY, SessionUser { id, login_at: now })
        .await?;
    Ok(())
}

pub async fn me(app: &AppState, session: &Session) -> Result<Me, AppError> {
    let p = principal(app, session, Utc::now()).await?;
    // Asked on every page view (the user menu): kept while the database is unchanged.
    static SETUP: crate::api::snapshot_cache::SnapshotCache<(), Option<DateTime<Utc>>> =
        crate::api::snapshot_cache::SnapshotCache::new(1);
    let load = async {
        auth::setup::valid_until(&app.pool)
            .await
            .map_err(auth_error)
    };
    let setup_pending = SETUP
        .get_or_load(&app.pool, (), load)
        .await?
        .is_some_and(|until| until > Utc::now());
    Ok(Me {
        name: p.signed_in.then_some(p.name),
        role: p.role,
        setup_pending,
    })
}

/// The state and principal of the current server-function call, when the principal's role is
/// at least `role`. A refusal of an operator or admin action is written to the audit log with
/// `action` (reads refused to a guest are not: they are the login page's business).
pub async fn require(role: Role, action: &str) -> Result<(AppState, Principal), AppError> {
    let app = leptos::prelude::expect_context::<AppState>();
    let session = leptos_axum::extract::<Session>()
        .await
        .map_err(|_| AppError::Unavailable("no session".into()))?;
    let who = principal(&app, &session, Utc::now()).await?;
    if who.role.is_some_and(|r| r >= role) {
        return Ok((app, who));
    }
    if role > Role::Viewer {
        let address = client_address().await.map(|a| a.to_string());
        auth::audit::record(
            &app.pool,
            &auth::audit::Entry {
                actor: &who.name,
                address,
                action,
                target: None,
                outcome: auth::audit::Outcome::Denied,
                detail: serde_json::json!({ "required": role, "had": who.role }),
            },
        )
        .await;
    }
    // A guest (even one the installation lets read) is asked to sign in; a signed-in user
    // whose role is not enough is refused.
    let refusal = if who.signed_in {
        AppError::Forbidden
    } else {
        AppError::Unauthorized
    };
    crate::error::set_response_status(&refusal);
    Err(refusal)
}

/// The client's address, from the connection (gatewatch serves directly; behind a proxy this
/// is the proxy, which is what rate limits should count unless the proxy is trusted).
pub async fn client_address() -> Option<IpAddr> {
    leptos_axum::extract::<axum::extract::ConnectInfo<SocketAddr>>()
        .await
        .ok()
        .map(|c| c.0.ip())
}

/// Auth errors as the browser may see them (database errors go to the log only).
pub fn auth_error(e: auth::AuthError) -> AppError {
    match e {
        auth::AuthError::Database(db) => AppError::from(db),
        auth::AuthError::Hash(m) => {
            tracing::error!(error = %m, "password hashing failed");
            AppError::Internal
        }
        auth::AuthError::UnknownUser(_) | auth::AuthError::UnknownToken => {
            AppError::NotFound(e.to_string())
        }
        other => AppError::InvalidInput(other.to_string()),
    }
}
