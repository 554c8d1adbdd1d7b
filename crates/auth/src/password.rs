//! Password hashing with argon2id (the `argon2` crate's defaults: m = 19 MiB, t = 2, p = 1,
//! the OWASP minimum), stored as PHC strings so parameters can be raised later without
//! invalidating old hashes.

use crate::AuthError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::{CryptoRng, RngCore};

pub const MIN_LENGTH: usize = 12;
const MAX_LENGTH: usize = 256;

/// Length rules only: composition rules make passwords worse (NIST SP 800-63B §5.1.1.2).
pub fn check_strength(password: &str) -> Result<(), AuthError> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(AuthError::WeakPassword("use at least 12 characters"));
    }
    if chars > MAX_LENGTH {
        return Err(AuthError::WeakPassword("use at most 256 characters"));
    }
    Ok(())
}

pub fn hash(password: &str, rng: &mut (impl RngCore + CryptoRng)) -> Result<String, AuthError> {
    check_strength(password)?;
    let salt = SaltString::generate(rng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

/// False for a wrong password and for a stored hash that does not parse (logged, never shown).
pub fn verify(stored: &str, password: &str) -> bool {
    if password.len() > MAX_LENGTH * 4 {
        return false;
    }
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "a stored password hash does not parse");
            false
        }
    }
}

/// Spends the same time as a real verification, so a login for an unknown user name takes as
/// long as one with a wrong password (no user enumeration by timing).
pub fn verify_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let stored = DUMMY.get_or_init(|| {
        hash("not-a-real-password-0000", &mut rand::rngs::OsRng).expect("hashing a constant")
    });
    let _ = verify(stored, password);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::OsRng;

    #[test]
    fn hash_is_argon2id_and_verifies() {
        let h = hash("correct horse battery", &mut OsRng).unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify(&h, "correct horse battery"));
        assert!(!verify(&h, "correct horse batterY"));
    }

    #[test]
    fn same_password_gets_different_salts() {
        let a = hash("correct horse battery", &mut OsRng).unwrap();
        let b = hash("correct horse battery", &mut OsRng).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn short_passwords_are_refused_with_the_rule() {
        let err = hash("short", &mut OsRng).unwrap_err().to_string();
        assert!(err.contains("at least 12"), "{err}");
    }

    #[test]
    fn a_broken_stored_hash_never_verifies() {
        assert!(!verify("not a phc string", "anything at all"));
    }
}
