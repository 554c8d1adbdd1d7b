//! AK/SK credentials (spec §1.1). The secret key and the STS security token live in
//! [`SecretString`] and are never printed: `Debug` shows only the access key id.

use secrecy::{ExposeSecret, SecretString};
use std::fmt;

/// Permanent or temporary (STS) AK/SK credentials.
#[derive(Clone)]
pub struct Credentials {
    access_key: String,
    secret_key: SecretString,
    security_token: Option<SecretString>,
}

impl Credentials {
    /// Permanent AK/SK.
    pub fn new(access_key: impl Into<String>, secret_key: SecretString) -> Self {
        Self {
            access_key: access_key.into(),
            secret_key,
            security_token: None,
        }
    }

    /// Adds an STS security token; it is then sent and signed as `X-Security-Token`
    /// (spec §1.1 item 3).
    pub fn with_security_token(mut self, token: SecretString) -> Self {
        self.security_token = Some(token);
        self
    }

    /// The access key id (not secret; it appears in the `Authorization` header).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The secret key, for the HMAC.
    pub fn secret_key(&self) -> &SecretString {
        &self.secret_key
    }

    /// The STS token, if these are temporary credentials.
    pub fn security_token(&self) -> Option<&str> {
        self.security_token.as_ref().map(|t| t.expose_secret())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"[REDACTED]")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "[REDACTED]"),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secret_or_token() {
        let c = Credentials::new("AK1", SecretString::from("SUPERSECRET"))
            .with_security_token(SecretString::from("TOKENVALUE"));
        let dbg = format!("{c:?}");
        assert!(dbg.contains("AK1"));
        assert!(!dbg.contains("SUPERSECRET"));
        assert!(!dbg.contains("TOKENVALUE"));
        assert_eq!(c.security_token(), Some("TOKENVALUE"));
    }
}
