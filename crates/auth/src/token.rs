//! Bearer secrets (setup and wall tokens): 32 random bytes, URL-safe base64 with a prefix that
//! says what the token is for; stored only as a SHA-256 digest.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new token `<prefix>_<43 base64url chars>` and its digest for storage.
pub fn generate(prefix: &str, rng: &mut impl RngCore) -> (String, String) {
    let mut bytes = [0u8; 32];
    rng.fill_bytes(&mut bytes);
    let token = format!("{prefix}_{}", URL_SAFE_NO_PAD.encode(bytes));
    let hash = digest(&token);
    (token, hash)
}

/// The stored form of a token.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of a token with this prefix (checked before any lookup, so
/// garbage never reaches the database and errors can say what was wrong).
pub fn well_formed(prefix: &str, token: &str) -> bool {
    token
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('_'))
        .is_some_and(|body| {
            body.len() == 43
                && body
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::mock::StepRng;

    #[test]
    fn generated_tokens_are_well_formed_and_hashed() {
        let (token, hash) = generate("gww", &mut StepRng::new(7, 13));
        assert!(well_formed("gww", &token), "{token}");
        assert!(!well_formed("gws", &token));
        assert_eq!(hash, digest(&token));
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&token[4..]));
    }

    #[test]
    fn different_randomness_gives_different_tokens() {
        let (a, _) = generate("gww", &mut StepRng::new(1, 1));
        let (b, _) = generate("gww", &mut StepRng::new(2, 1));
        assert_ne!(a, b);
    }

    #[test]
    fn malformed_tokens_are_refused() {
        for bad in [
            "",
            "gww",
            "gww_",
            "gww_short",
            &format!("gww_{}", "!".repeat(43)),
        ] {
            assert!(!well_formed("gww", bad), "{bad:?}");
        }
    }
}
