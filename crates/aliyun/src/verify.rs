//! Server-side signature verification, for the emulator (spec `alibaba.md` §1.9).
//!
//! It reuses exactly the signing functions of [`crate::sign`], so a request the client signs
//! always verifies. The result carries the server's StringToSign because the real gateway
//! (and therefore the emulator) echoes it in the `SignatureDoesNotMatch` message.

use secrecy::SecretString;

use crate::sign::{signature, string_to_sign, HttpMethod};

/// Outcome of checking one received request.
#[derive(Clone, PartialEq, Eq)]
pub struct Verification {
    /// The StringToSign computed from the received parameters (minus `Signature`).
    pub string_to_sign: String,
    /// The signature the server expects for that StringToSign.
    pub expected_signature: String,
    /// The `Signature` parameter that was received, if any.
    pub provided_signature: Option<String>,
}

impl Verification {
    /// True when a signature was provided and equals the expected one.
    pub fn is_valid(&self) -> bool {
        match &self.provided_signature {
            Some(p) => constant_time_eq(p.as_bytes(), self.expected_signature.as_bytes()),
            None => false,
        }
    }

    /// The message text of the real gateway for `SignatureDoesNotMatch` (§1.9).
    pub fn mismatch_message(&self) -> String {
        format!(
            "Specified signature is not matched with our calculation. server string to sign is:{}",
            self.string_to_sign
        )
    }
}

impl std::fmt::Debug for Verification {
    // Signatures are credentials-derived; keep them out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verification")
            .field("string_to_sign", &self.string_to_sign)
            .field("valid", &self.is_valid())
            .finish()
    }
}

/// Recomputes the signature of a received request.
///
/// `received` are the decoded parameters (see [`crate::encode::decode_query`]), including
/// `Signature`; `method` is the HTTP method the request arrived with; `secret` is the
/// AccessKey secret the server holds for the request's `AccessKeyId`.
pub fn verify(
    method: HttpMethod,
    received: &[(String, String)],
    secret: &SecretString,
) -> Verification {
    let provided_signature = received
        .iter()
        .find(|(k, _)| k == "Signature")
        .map(|(_, v)| v.clone());
    let sts = string_to_sign(method, received.iter().map(|(k, v)| (k, v)));
    let expected_signature = signature(secret, &sts);
    Verification {
        string_to_sign: sts,
        expected_signature,
        provided_signature,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;
    use crate::encode::{decode_query, encode_pairs};
    use crate::sign::signed_params;
    use chrono::{TimeZone, Utc};

    #[test]
    fn client_signed_request_verifies_after_wire_round_trip() {
        let creds = Credentials::new("testid", "testsecret").with_security_token("sts tok+/=");
        let at = Utc.with_ymd_and_hms(2020, 9, 17, 8, 0, 0).unwrap();
        let ops = vec![("Name".to_owned(), "DC 1*主~x".to_owned())];
        let p = signed_params(HttpMethod::Get, "DescribeVpcs", &ops, &creds, at, "nonce");
        let wire = encode_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let v = verify(HttpMethod::Get, &decode_query(&wire), creds.secret());
        assert!(v.is_valid());
        assert!(v.mismatch_message().ends_with(&v.string_to_sign));
    }

    #[test]
    fn wrong_secret_or_tampered_param_fails() {
        let creds = Credentials::new("testid", "testsecret");
        let at = Utc.with_ymd_and_hms(2020, 9, 17, 8, 0, 0).unwrap();
        let mut p = signed_params(HttpMethod::Get, "DescribeVpcs", &[], &creds, at, "n");
        assert!(!verify(HttpMethod::Get, &p, &SecretString::from("other")).is_valid());
        p.push(("RegionId".into(), "cn-beijing".into()));
        assert!(!verify(HttpMethod::Get, &p, creds.secret()).is_valid());
        p.retain(|(k, _)| k != "Signature");
        assert!(!verify(HttpMethod::Get, &p, creds.secret()).is_valid());
    }
}
