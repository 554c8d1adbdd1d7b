//! Who is asking: the signed-in user (or the guest role a demo installation allows) and what
//! their role may do. The checks themselves run on the server ([`guard`]); the browser only
//! receives [`Me`] to show the right controls, never to decide anything.

pub use auth::Role;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod guard;

/// The signed-in user as the pages see it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// `None` for a guest (not signed in).
    pub name: Option<String>,
    /// What this request may do; `None` when nothing without signing in.
    pub role: Option<Role>,
    /// No admin exists yet: the setup page (with the token printed on the console) is open.
    pub setup_pending: bool,
}

impl Me {
    pub fn may(&self, role: Role) -> bool {
        self.role.is_some_and(|r| r >= role)
    }
}
