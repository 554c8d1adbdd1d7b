//! Signing in and out, the first admin's setup, and "who am I" for the navigation bar.

use crate::access::Me;
use crate::error::AppError;
use leptos::prelude::*;

/// The current visitor as the pages see it.
#[server(endpoint = "session/me")]
pub async fn get_me() -> Result<Me, AppError> {
    let app = expect_context::<crate::state::AppState>();
    let session = ssr::session().await?;
    crate::error::respond(crate::access::guard::me(&app, &session).await)
}

/// `next`: the page to go to once signed in (the sign-in page's `?next=`); a plain form post
/// is sent there.
#[server(endpoint = "session/login")]
pub async fn login(
    name: String,
    password: String,
    #[server(default)] next: Option<String>,
) -> Result<Me, AppError> {
    let app = expect_context::<crate::state::AppState>();
    let session = ssr::session().await?;
    let address = crate::access::guard::client_address().await;
    let me = ssr::login(&app, &session, address, name.trim(), &password).await;
    if me.is_ok() {
        crate::api::plain_form::send_plain_form_to(&crate::api::plain_form::safe_next(next));
    }
    crate::error::respond(me)
}

#[server(endpoint = "session/logout")]
pub async fn logout() -> Result<(), AppError> {
    let app = expect_context::<crate::state::AppState>();
    let session = ssr::session().await?;
    let done = ssr::logout(&app, &session).await;
    if done.is_ok() {
        crate::api::plain_form::send_plain_form_to("/login");
    }
    crate::error::respond(done)
}

/// Creates the first admin with the one-time token printed on the console, and signs them in.
#[server(endpoint = "session/setup")]
pub async fn setup_admin(token: String, name: String, password: String) -> Result<Me, AppError> {
    let app = expect_context::<crate::state::AppState>();
    let session = ssr::session().await?;
    let address = crate::access::guard::client_address().await;
    let me = ssr::setup_admin(
        &app,
        &session,
        address,
        token.trim(),
        name.trim(),
        &password,
    )
    .await;
    if me.is_ok() {
        crate::api::plain_form::send_plain_form_to("/admin/users");
    }
    crate::error::respond(me)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use crate::access::guard::{auth_error, me, principal, sign_in};
    use crate::access::Me;
    use crate::error::AppError;
    use crate::state::AppState;
    use auth::audit::{record, Entry, Outcome};
    use chrono::Utc;
    use std::net::IpAddr;
    use tower_sessions::Session;

    pub async fn session() -> Result<Session, AppError> {
        leptos_axum::extract::<Session>()
            .await
            .map_err(|_| AppError::Unavailable("no session".into()))
    }

    fn entry<'a>(
        actor: &'a str,
        address: Option<IpAddr>,
        action: &'a str,
        outcome: Outcome,
    ) -> Entry<'a> {
        Entry {
            actor,
            address: address.map(|a| a.to_string()),
            action,
            target: None,
            outcome,
            detail: serde_json::json!({}),
        }
    }

    pub async fn login(
        app: &AppState,
        session: &Session,
        address: Option<IpAddr>,
        name: &str,
        password: &str,
    ) -> Result<Me, AppError> {
        if name.is_empty() || password.is_empty() {
            return Err(AppError::InvalidInput(
                "enter a user name and a password".into(),
            ));
        }
        // The typed name is logged only when it is a plausible user name: a password pasted
        // into the name field must not end up in the audit log.
        let actor = if auth::users::check_name(name).is_ok() {
            name
        } else {
            "(invalid name)"
        };
        if let Err(wait) = app.login_limiter.check(name, address) {
            record(
                &app.pool,
                &entry(actor, address, "login_throttled", Outcome::Denied),
            )
            .await;
            return Err(AppError::InvalidInput(format!(
                "too many sign-in attempts; try again in {} s",
                wait.as_secs().max(1)
            )));
        }
        let user = auth::users::authenticate(&app.pool, name, password)
            .await
            .map_err(auth_error)?;
        let Some(user) = user else {
            record(
                &app.pool,
                &entry(actor, address, "login_failed", Outcome::Failed),
            )
            .await;
            return Err(AppError::InvalidInput("wrong user name or password".into()));
        };
        sign_in(session, user.id, Utc::now()).await?;
        record(&app.pool, &entry(&user.name, address, "login", Outcome::Ok)).await;
        me(app, session).await
    }

    pub async fn logout(app: &AppState, session: &Session) -> Result<(), AppError> {
        let who = principal(app, session, Utc::now()).await?;
        session.flush().await?;
        if who.signed_in {
            record(&app.pool, &entry(&who.name, None, "logout", Outcome::Ok)).await;
        }
        Ok(())
    }

    pub async fn setup_admin(
        app: &AppState,
        session: &Session,
        address: Option<IpAddr>,
        token: &str,
        name: &str,
        password: &str,
    ) -> Result<Me, AppError> {
        // The token is a secret: the same limiter as logins keeps it from being guessed.
        if let Err(wait) = app.login_limiter.check("(setup)", address) {
            return Err(AppError::InvalidInput(format!(
                "too many attempts; try again in {} s",
                wait.as_secs().max(1)
            )));
        }
        match auth::setup::redeem(&app.pool, token, name, password, Utc::now()).await {
            Ok(admin) => {
                sign_in(session, admin.id, Utc::now()).await?;
                record(
                    &app.pool,
                    &Entry {
                        target: Some(&admin.name),
                        ..entry(&admin.name, address, "admin_setup", Outcome::Ok)
                    },
                )
                .await;
                me(app, session).await
            }
            Err(e) => {
                record(
                    &app.pool,
                    &entry("guest", address, "admin_setup", Outcome::Failed),
                )
                .await;
                Err(auth_error(e))
            }
        }
    }
}
