//! Per-browser display preferences, kept in the PostgreSQL-backed session so the server can
//! render the page in the chosen density straight away (no flash after hydration): the server
//! loads them into the request before rendering (see `server::http`), the page carries them
//! to the browser, and [`set_density`] changes them.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Density {
    #[default]
    Comfortable,
    Compact,
}

impl Density {
    /// The CSS class the app root carries for this density.
    pub fn css_class(self) -> &'static str {
        match self {
            Density::Comfortable => "density-comfortable",
            Density::Compact => "density-compact",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Density::Comfortable => "Comfortable",
            Density::Compact => "Compact",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub density: Density,
}

#[server(endpoint = "preferences/density")]
pub async fn set_density(density: Density) -> Result<Preferences, AppError> {
    crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = leptos_axum::extract::<tower_sessions::Session>()
        .await
        .map_err(|_| AppError::Unavailable("no session".into()))?;
    ssr::save_density(&session, density).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use tower_sessions::Session;

    const KEY: &str = "preferences";

    pub async fn load(session: &Session) -> Result<Preferences, AppError> {
        Ok(session.get::<Preferences>(KEY).await?.unwrap_or_default())
    }

    pub async fn save_density(
        session: &Session,
        density: Density,
    ) -> Result<Preferences, AppError> {
        let mut prefs = load(session).await?;
        prefs.density = density;
        session.insert(KEY, prefs).await?;
        Ok(prefs)
    }
}
