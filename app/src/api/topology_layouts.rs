//! Pins and named layouts of the topology view.
//!
//! The *working* pins (what a drag just pinned) live in the PostgreSQL-backed session, so a
//! pinned node stays where it was dropped across reloads of that browser. A *named layout* is a
//! saved copy of those pins in `topology_layout`: owned by the signed-in user, or shared (owner
//! NULL) when the server has no user in the session or the user asks for it. Loading a layout
//! replaces the working pins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Pinned centres by drawn node id, in layout units.
pub type Pins = BTreeMap<String, [f32; 2]>;

/// Most pins one view or layout may hold (the drawn view never has more nodes than this).
pub const MAX_PINS: usize = 2000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    pub id: uuid::Uuid,
    pub name: String,
    /// Visible to every user (no owner).
    pub shared: bool,
    pub pins: usize,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Pins `id` at (`x`, `y`); the next layout keeps it there.
#[server(endpoint = "topology/pin")]
pub async fn pin_node(id: String, x: f32, y: f32) -> Result<usize, AppError> {
    crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = ssr::session().await?;
    let mut pins = ssr::working_pins(&session).await?;
    ssr::pin(&mut pins, id, x, y)?;
    ssr::set_working_pins(&session, &pins).await?;
    Ok(pins.len())
}

/// Lets `id` move freely again.
#[server(endpoint = "topology/unpin")]
pub async fn unpin_node(id: String) -> Result<usize, AppError> {
    crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = ssr::session().await?;
    let mut pins = ssr::working_pins(&session).await?;
    pins.remove(&id);
    ssr::set_working_pins(&session, &pins).await?;
    Ok(pins.len())
}

/// Unpins every node.
#[server(endpoint = "topology/unpin_all")]
pub async fn unpin_all() -> Result<usize, AppError> {
    crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = ssr::session().await?;
    ssr::set_working_pins(&session, &Pins::new()).await?;
    Ok(0)
}

/// The layouts this session may load: the shared ones and its user's own.
#[server(endpoint = "topology/layouts")]
pub async fn list_layouts() -> Result<Vec<SavedLayout>, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let owner = ssr::user_id(&ssr::session().await?).await;
    crate::api::topology_layouts_sql::list(&state.pool, owner).await
}

/// Saves the working pins under `name` (replacing a layout of the same name and owner).
#[server(endpoint = "topology/layouts/save")]
pub async fn save_layout(
    name: String,
    #[server(default)] shared: bool,
) -> Result<SavedLayout, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = ssr::session().await?;
    let owner = if shared {
        None
    } else {
        ssr::user_id(&session).await
    };
    let pins = ssr::working_pins(&session).await?;
    crate::api::topology_layouts_sql::save(&state.pool, owner, &name, &pins).await
}

/// Makes a saved layout's pins the working pins.
#[server(endpoint = "topology/layouts/load")]
pub async fn load_layout(id: uuid::Uuid) -> Result<usize, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = ssr::session().await?;
    let owner = ssr::user_id(&session).await;
    let pins = crate::api::topology_layouts_sql::load(&state.pool, owner, id).await?;
    ssr::set_working_pins(&session, &pins).await?;
    Ok(pins.len())
}

#[server(endpoint = "topology/layouts/delete")]
pub async fn delete_layout(id: uuid::Uuid) -> Result<(), AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let owner = ssr::user_id(&ssr::session().await?).await;
    crate::api::topology_layouts_sql::delete(&state.pool, owner, id).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use tower_sessions::Session;

    const PINS_KEY: &str = "topology_pins";
    /// Where sign-in keeps the signed-in user in the session (`{"id": <uuid>, ...}`).
    pub const USER_KEY: &str = "user";

    /// The part of the session's user record layouts need (other fields are ignored).
    #[derive(serde::Deserialize)]
    struct SignedIn {
        id: uuid::Uuid,
    }

    pub async fn session() -> Result<Session, AppError> {
        leptos_axum::extract::<Session>()
            .await
            .map_err(|_| AppError::Unavailable("no session".into()))
    }

    /// The signed-in user, if any: layouts saved without one are shared.
    pub async fn user_id(session: &Session) -> Option<uuid::Uuid> {
        let user = session.get::<SignedIn>(USER_KEY).await.ok().flatten();
        user.map(|u| u.id)
    }

    pub async fn working_pins(session: &Session) -> Result<Pins, AppError> {
        Ok(session.get::<Pins>(PINS_KEY).await?.unwrap_or_default())
    }

    pub async fn set_working_pins(session: &Session, pins: &Pins) -> Result<(), AppError> {
        session.insert(PINS_KEY, pins).await?;
        Ok(())
    }

    /// Adds one pin, refusing what no drawing could produce.
    pub fn pin(pins: &mut Pins, id: String, x: f32, y: f32) -> Result<(), AppError> {
        check_pin(&id, x, y)?;
        if !pins.contains_key(&id) && pins.len() >= MAX_PINS {
            return Err(AppError::InvalidInput(format!(
                "pins: at most {MAX_PINS} nodes can be pinned"
            )));
        }
        pins.insert(id, [x, y]);
        Ok(())
    }

    /// A pin names a node (non-empty id, at most 400 bytes) and a finite position.
    pub fn check_pin(id: &str, x: f32, y: f32) -> Result<(), AppError> {
        if id.is_empty() || id.len() > 400 {
            return Err(AppError::InvalidInput(
                "pin: the node id must have 1 to 400 bytes".into(),
            ));
        }
        if !x.is_finite() || !y.is_finite() || x.abs() > 1.0e6 || y.abs() > 1.0e6 {
            return Err(AppError::InvalidInput(format!(
                "pin of {id}: the position ({x}, {y}) is not a finite point within ±1e6"
            )));
        }
        Ok(())
    }
}
