//! Account credentials: AccessKey pair and optional STS token (§1.2).
//!
//! The secret and the token live in [`SecretString`] and never appear in `Debug` output;
//! the AccessKeyId is shown masked. Credentials deliberately do not implement `Serialize`.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// An AccessKey pair, optionally with an STS `SecurityToken`.
#[derive(Clone)]
pub struct Credentials {
    access_key_id: String,
    secret: SecretString,
    security_token: Option<SecretString>,
}

impl Credentials {
    /// Long-lived AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            secret: SecretString::from(secret.into()),
            security_token: None,
        }
    }

    /// Adds an STS security token; it is sent as the `SecurityToken` parameter and signed.
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(SecretString::from(token.into()));
        self
    }

    /// The AccessKeyId (an identifier, sent in clear in every request).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// The STS token, if any.
    pub fn security_token(&self) -> Option<&SecretString> {
        self.security_token.as_ref()
    }

    /// Strings that must never leave the process in errors or logs.
    pub(crate) fn secret_values(&self) -> Vec<String> {
        let mut v = vec![self.secret.expose_secret().to_owned()];
        if let Some(t) = &self.security_token {
            v.push(t.expose_secret().to_owned());
        }
        v.retain(|s| !s.is_empty());
        v
    }
}

/// Shows at most the first four characters of an identifier, e.g. `LTAI****`.
pub fn mask_id(id: &str) -> String {
    let head: String = id.chars().take(4).collect();
    format!("{head}****")
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &mask_id(&self.access_key_id))
            .field("secret", &"[REDACTED]")
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
        let c = Credentials::new("LTAIabcdefgh", "s3cr3t-value").with_security_token("tok-xyz");
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cr3t-value"));
        assert!(!shown.contains("tok-xyz"));
        assert!(!shown.contains("LTAIabcdefgh"));
        assert!(shown.contains("LTAI****"));
    }
}
