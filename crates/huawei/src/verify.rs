//! Server-side verification of SDK-HMAC-SHA256 signatures, for the emulator and tests.
//!
//! It recomputes the signature with the same pure functions as [`crate::sign`], using only the
//! headers named in `SignedHeaders`, and maps every failure to the API Gateway error the real
//! service returns (spec §1.4: HTTP 401 with an `APIGW.0301` code).

use crate::sign::{
    canonical_headers, canonical_query, canonical_request, canonical_uri, parse_sdk_date,
    payload_hash, signature, string_to_sign, ALGORITHM, SDK_DATE_HEADER,
};
use chrono::{DateTime, Utc};
use secrecy::SecretString;

/// Maximum accepted distance between `X-Sdk-Date` and server time (spec §1.3 step 0).
pub const MAX_CLOCK_SKEW_SECS: i64 = 15 * 60;

/// API Gateway code for bad AK/SK authentication (spec §1.4).
pub const APIGW_AUTH_CODE: &str = "APIGW.0301";

/// A request as received by a server. `query` holds decoded pairs
/// (see [`crate::sign::parse_query`]); `path` may be raw or decoded.
#[derive(Debug, Clone, Copy)]
pub struct VerifyRequest<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Why a signature was rejected. No variant carries the secret key or the signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("missing Authorization header")]
    MissingAuthorization,
    #[error("malformed Authorization header: {0}")]
    BadFormat(&'static str),
    #[error("unsupported signing algorithm")]
    UnsupportedAlgorithm,
    #[error("access key {0} does not exist")]
    UnknownAccessKey(String),
    #[error("X-Sdk-Date is missing or not signed")]
    DateMissing,
    #[error("X-Sdk-Date is not in YYYYMMDDTHHMMSSZ format")]
    DateMalformed,
    #[error("signature expired: X-Sdk-Date is {skew_secs}s away from server time")]
    DateSkewed { skew_secs: i64 },
    #[error("signed header {0} is not present in the request")]
    SignedHeaderMissing(String),
    #[error("verify aksk signature fail")]
    SignatureMismatch,
}

impl VerifyError {
    /// HTTP status the API gateway answers with.
    pub fn http_status(&self) -> u16 {
        401
    }

    /// API Gateway error code (all AK/SK failures are `APIGW.0301`).
    pub fn error_code(&self) -> &'static str {
        APIGW_AUTH_CODE
    }

    /// `error_msg` in the gateway's wording.
    pub fn error_msg(&self) -> String {
        format!("Incorrect IAM authentication information: {self}")
    }

    /// JSON error body in the APIG shape (`error_code`, `error_msg`, `request_id`).
    pub fn to_error_body(&self, request_id: &str) -> serde_json::Value {
        serde_json::json!({
            "error_code": self.error_code(),
            "error_msg": self.error_msg(),
            "request_id": request_id,
        })
    }
}

/// Parsed `Authorization: SDK-HMAC-SHA256 Access=.., SignedHeaders=.., Signature=..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationParts {
    pub access_key: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

/// Splits an `Authorization` value into its three fields (spec §1.3 step 4).
pub fn parse_authorization(value: &str) -> Result<AuthorizationParts, VerifyError> {
    let value = value.trim();
    let (alg, rest) = value
        .split_once(' ')
        .ok_or(VerifyError::BadFormat("no algorithm"))?;
    if alg != ALGORITHM {
        return Err(VerifyError::UnsupportedAlgorithm);
    }
    let (mut access, mut signed, mut sig) = (None, None, None);
    for part in rest.split(',') {
        let (k, v) = part
            .trim()
            .split_once('=')
            .ok_or(VerifyError::BadFormat("field without '='"))?;
        match k {
            "Access" => access = Some(v.to_string()),
            "SignedHeaders" => signed = Some(v.to_string()),
            "Signature" => sig = Some(v.to_string()),
            _ => return Err(VerifyError::BadFormat("unknown field")),
        }
    }
    let access_key = access
        .filter(|a| !a.is_empty())
        .ok_or(VerifyError::BadFormat("missing Access"))?;
    let signed = signed
        .filter(|s| !s.is_empty())
        .ok_or(VerifyError::BadFormat("missing SignedHeaders"))?;
    let signature = sig
        .filter(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or(VerifyError::BadFormat("missing or malformed Signature"))?;
    Ok(AuthorizationParts {
        access_key,
        signed_headers: signed.split(';').map(str::to_ascii_lowercase).collect(),
        signature,
    })
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Constant-time comparison so a timing side channel cannot reveal a valid signature.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Verifies a signed request. `lookup_sk` returns the SK for an AK (or `None` if unknown).
/// On success returns the authenticated access key id.
pub fn verify<F>(
    req: &VerifyRequest<'_>,
    now: DateTime<Utc>,
    lookup_sk: F,
) -> Result<String, VerifyError>
where
    F: Fn(&str) -> Option<SecretString>,
{
    let auth = header(req.headers, "authorization").ok_or(VerifyError::MissingAuthorization)?;
    let parts = parse_authorization(auth)?;
    if !parts.signed_headers.iter().any(|h| h == "x-sdk-date") {
        return Err(VerifyError::DateMissing);
    }
    let date_raw = header(req.headers, SDK_DATE_HEADER).ok_or(VerifyError::DateMissing)?;
    let date = parse_sdk_date(date_raw).ok_or(VerifyError::DateMalformed)?;
    let skew_secs = (now - date).num_seconds().abs();
    if skew_secs > MAX_CLOCK_SKEW_SECS {
        return Err(VerifyError::DateSkewed { skew_secs });
    }
    let sk = lookup_sk(&parts.access_key)
        .ok_or_else(|| VerifyError::UnknownAccessKey(parts.access_key.clone()))?;

    // Rebuild the canonical headers from the request, restricted to the signed names.
    let mut signable = Vec::with_capacity(parts.signed_headers.len());
    for name in &parts.signed_headers {
        let v = header(req.headers, name)
            .ok_or_else(|| VerifyError::SignedHeaderMissing(name.clone()))?;
        signable.push((name.clone(), v.trim().to_string()));
    }
    let canonical = canonical_request(
        req.method,
        &canonical_uri(req.path),
        &canonical_query(req.query),
        &canonical_headers(&signable),
        &parts.signed_headers.join(";"),
        &payload_hash(req.body, req.headers),
    );
    let expected = signature(&sk, &string_to_sign(date_raw.trim(), &canonical));
    if constant_time_eq(
        expected.as_bytes(),
        parts.signature.to_ascii_lowercase().as_bytes(),
    ) {
        Ok(parts.access_key)
    } else {
        Err(VerifyError::SignatureMismatch)
    }
}

#[cfg(test)]
mod tests;
