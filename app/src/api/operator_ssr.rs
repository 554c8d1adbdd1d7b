//! The server side of the operator actions (server only): find the connection (and route) in
//! the store, run the cloud call through the sync engine (`sync::actions`), audit the outcome
//! with the cloud's request id, and, after a write, ask the engine to re-crawl that (account,
//! region) so the pages show the change. Error messages name the connection or route and the
//! cloud's code, never a secret.

use super::operator::{PeerConfigFile, RevealedKey, RevealedPsk};
use crate::error::AppError;
use auth::audit::{record, Entry, Outcome};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use sqlx::PgPool;
use std::sync::Arc;
use sync::actions::{self, ActionError, ExposeSecret, RouteRef, Target};

/// Who acts, from where, with what.
pub struct Ctx {
    pub pool: PgPool,
    /// `None` when this server runs without the sync engine.
    pub engine: Option<Arc<sync::Engine>>,
    pub actor: String,
    pub address: Option<String>,
}

/// A connection as the store knows it.
pub struct Found {
    pub target: Target,
    pub account_name: String,
}

pub fn publish_action(publish: bool) -> &'static str {
    if publish {
        "vpn_route_published"
    } else {
        "vpn_route_withdrawn"
    }
}

fn engine(ctx: &Ctx) -> Result<&Arc<sync::Engine>, AppError> {
    ctx.engine.as_ref().ok_or_else(|| {
        AppError::Unavailable(
            "this server runs without the sync engine, which makes the cloud calls".into(),
        )
    })
}

/// The user-facing error of a failed action (the messages carry no secret: the clients scrub
/// the cloud's messages, and no action puts a secret into an error).
pub fn action_error(e: &ActionError, what: &str) -> AppError {
    match e {
        ActionError::NotOffered { .. } => AppError::InvalidInput(e.to_string()),
        ActionError::Cloud {
            not_found: true, ..
        } => AppError::NotFound(format!("{what} in the cloud: {e}")),
        ActionError::Cloud { code, .. } if code == "InvalidWeight" => {
            AppError::InvalidInput(format!("weight: {e}"))
        }
        ActionError::Cloud { .. } => AppError::Unavailable(e.to_string()),
        ActionError::Config(_) => AppError::Unavailable(e.to_string()),
        ActionError::Store(inner) => {
            tracing::error!(error = %inner, "operator action: store error");
            AppError::Internal
        }
    }
}

/// Writes the audit entry of one action. `detail` gets the account, region and, on failure,
/// the error's code and message.
pub async fn audit(
    ctx: &Ctx,
    action: &str,
    target: &str,
    found: Option<&Found>,
    result: Result<Value, (&AppError, Option<&str>, Option<&str>)>,
) {
    let mut detail = match &result {
        Ok(d) => d.clone(),
        Err((err, code, request_id)) => {
            json!({ "error": err.to_string(), "code": code, "request_id": request_id })
        }
    };
    if let (Some(f), Some(map)) = (found, detail.as_object_mut()) {
        map.insert("account".into(), json!(f.account_name));
        map.insert("region".into(), json!(f.target.region));
    }
    record(
        &ctx.pool,
        &Entry {
            actor: &ctx.actor,
            address: ctx.address.clone(),
            action,
            target: Some(target),
            outcome: if result.is_ok() {
                Outcome::Ok
            } else {
                Outcome::Failed
            },
            detail,
        },
    )
    .await;
}

/// Audits a failure that happened before any cloud call, and returns it.
async fn refused(
    ctx: &Ctx,
    action: &str,
    target: &str,
    f: Option<&Found>,
    e: AppError,
) -> AppError {
    audit(ctx, action, target, f, Err((&e, None, None))).await;
    e
}

/// The connection an action is about and the engine that makes the call; not finding either
/// is audited against `target`.
async fn prepare<'c>(
    ctx: &'c Ctx,
    action: &str,
    target: &str,
    connection_id: &str,
) -> Result<(Found, &'c Arc<sync::Engine>), AppError> {
    let found = match find_connection(&ctx.pool, connection_id).await {
        Ok(f) => f,
        Err(e) => return Err(refused(ctx, action, target, None, e).await),
    };
    match engine(ctx) {
        Ok(engine) => Ok((found, engine)),
        Err(e) => Err(refused(ctx, action, target, Some(&found), e).await),
    }
}

/// Audits a cloud call that failed (with the cloud's code and request id), and returns the
/// error the user sees; `what` names the object in that error.
async fn failed(
    ctx: &Ctx,
    action: &str,
    target: &str,
    f: &Found,
    e: &ActionError,
    what: &str,
) -> AppError {
    let err = action_error(e, what);
    audit(
        ctx,
        action,
        target,
        Some(f),
        Err((&err, Some(e.code()), e.request_id())),
    )
    .await;
    err
}

pub async fn reveal(ctx: &Ctx, connection_id: &str) -> Result<RevealedPsk, AppError> {
    const ACTION: &str = "psk_revealed";
    let (found, engine) = prepare(ctx, ACTION, connection_id, connection_id).await?;
    match actions::reveal_psk(engine, &found.target, connection_id).await {
        Ok(a) => {
            let scopes: Vec<&str> = a.value.iter().map(|k| k.scope.as_str()).collect();
            let detail = json!({ "request_id": a.request_id, "keys": scopes });
            audit(ctx, ACTION, connection_id, Some(&found), Ok(detail)).await;
            Ok(RevealedPsk {
                connection_id: connection_id.to_owned(),
                keys: a
                    .value
                    .into_iter()
                    .map(|k| RevealedKey {
                        scope: k.scope,
                        value: k.value.expose_secret().to_owned(),
                    })
                    .collect(),
            })
        }
        Err(e) => {
            let what = format!("connection {connection_id}");
            Err(failed(ctx, ACTION, connection_id, &found, &e, &what).await)
        }
    }
}

pub async fn peer_config(
    ctx: &Ctx,
    connection_id: &str,
    now: DateTime<Utc>,
) -> Result<PeerConfigFile, AppError> {
    const ACTION: &str = "peer_config_downloaded";
    let (found, engine) = prepare(ctx, ACTION, connection_id, connection_id).await?;
    match actions::peer_config(engine, &found.target, connection_id, &ctx.actor, now).await {
        Ok(c) => {
            let detail = json!({
                "request_id": c.request_id,
                "vault": if c.from_vault { "hit" } else { "miss" },
                "fetched_at": c.fetched_at,
            });
            audit(ctx, ACTION, connection_id, Some(&found), Ok(detail)).await;
            Ok(PeerConfigFile {
                file_name: format!("{connection_id}-peer-config.json"),
                text: c.text.expose_secret().to_owned(),
                from_vault: c.from_vault,
                fetched_at: c.fetched_at,
            })
        }
        Err(e) => {
            let what = format!("connection {connection_id}");
            Err(failed(ctx, ACTION, connection_id, &found, &e, &what).await)
        }
    }
}

#[path = "operator_ssr_lookup.rs"]
mod lookup;
#[path = "operator_ssr_routes.rs"]
mod routes;
pub use lookup::{find_connection, find_route};
pub use routes::{publish, set_weight};
