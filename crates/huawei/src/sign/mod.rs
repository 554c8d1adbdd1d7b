//! SDK-HMAC-SHA256 request signing, byte-compatible with `huaweicloudsdkcore` (spec §1.3).
//!
//! Every stage is a pure, separately testable function; [`sign`] glues them together with an
//! injected timestamp. [`crate::verify`] reuses the same stages on the server side.

mod canonical;
mod encode;

pub use canonical::{
    canonical_headers, canonical_request, payload_hash, sha256_hex, signable_headers,
    signed_headers, CONTENT_SHA256_HEADER, EMPTY_PAYLOAD_SHA256,
};
pub use encode::{canonical_query, canonical_uri, encode, parse_query};

use crate::credentials::Credentials;
use chrono::{DateTime, NaiveDateTime, Utc};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use std::fmt;

/// Algorithm token in the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// `X-Sdk-Date` header name.
pub const SDK_DATE_HEADER: &str = "X-Sdk-Date";
/// `X-Project-Id` header name.
pub const PROJECT_ID_HEADER: &str = "X-Project-Id";
/// `X-Security-Token` header name (temporary credentials).
pub const SECURITY_TOKEN_HEADER: &str = "X-Security-Token";
const SDK_DATE_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// `X-Sdk-Date` value for `t`: `YYYYMMDDTHHMMSSZ` in UTC (spec §1.3 step 0).
pub fn format_sdk_date(t: DateTime<Utc>) -> String {
    t.format(SDK_DATE_FORMAT).to_string()
}

/// Parses an `X-Sdk-Date` value; `None` if it is not exactly the SDK format.
pub fn parse_sdk_date(s: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(s.trim(), SDK_DATE_FORMAT)
        .ok()
        .map(|n| n.and_utc())
}

/// String to sign (spec §1.3 step 2): three lines, no trailing newline.
pub fn string_to_sign(sdk_date: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{sdk_date}\n{}",
        sha256_hex(canonical_request.as_bytes())
    )
}

/// Signature (spec §1.3 step 3): lower-case hex HMAC-SHA256 keyed with the SK bytes.
/// There is no key-derivation chain, unlike AWS SigV4.
pub fn signature(secret_key: &SecretString, string_to_sign: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret_key.expose_secret().as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// `Authorization` header value (spec §1.3 step 4), with comma+space separators.
pub fn authorization_header(access_key: &str, signed_headers: &str, signature: &str) -> String {
    format!(
        "{ALGORITHM} Access={access_key}, SignedHeaders={signed_headers}, Signature={signature}"
    )
}

/// What to sign: the request as it will be sent. `query` holds stringified pairs (lists
/// expanded into repeated keys); `headers` are the headers set before signing.
#[derive(Debug, Clone, Copy)]
pub struct SigningRequest<'a> {
    pub method: &'a str,
    /// Authority as sent: `host[:port]`, without the default port.
    pub host: &'a str,
    /// Resource path without query, e.g. `/v5/{project_id}/vpn-gateways`.
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Result of [`sign`]: the headers to send (signed values, trimmed) plus every intermediate.
#[derive(Clone)]
pub struct Signed {
    /// Headers to put on the wire, including `Host`, `X-Sdk-Date` and `Authorization`.
    pub headers: Vec<(String, String)>,
    /// Canonical query, which is also the query string to send (spec §1.3 step 5).
    pub query_string: String,
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signature: String,
    pub authorization: String,
}

impl fmt::Debug for Signed {
    // Signature-bearing values (and a security token inside the headers) stay out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Signed")
            .field("header_names", &names)
            .field("query_string", &self.query_string)
            .field("signature", &"[REDACTED]")
            .finish()
    }
}

fn has_header(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// Signs a request like `BasicCredentials(ak, sk, project_id).sign_request()` when
/// `project_id` is `Some`, or like `Signer(BasicCredentials(ak, sk)).sign()` when `None`.
///
/// Step 0 (spec §1.3): add `X-Sdk-Date` (from `now`) unless present, `Host` unless present,
/// `X-Project-Id` when given and absent, and `X-Security-Token` for STS credentials.
pub fn sign(
    req: &SigningRequest<'_>,
    creds: &Credentials,
    project_id: Option<&str>,
    now: DateTime<Utc>,
) -> Signed {
    let mut headers: Vec<(String, String)> = req.headers.to_vec();
    // A name given twice would be signed twice but read once (the first value) by the
    // server, so the request could never verify: keep the first, like `has_header` does.
    let mut names = std::collections::HashSet::new();
    headers.retain(|(n, _)| names.insert(n.to_ascii_lowercase()));
    if !has_header(&headers, SDK_DATE_HEADER) {
        headers.push((SDK_DATE_HEADER.into(), format_sdk_date(now)));
    }
    if let Some(pid) = project_id {
        if !has_header(&headers, PROJECT_ID_HEADER) {
            headers.push((PROJECT_ID_HEADER.into(), pid.into()));
        }
    }
    if let Some(token) = creds.security_token() {
        if !has_header(&headers, SECURITY_TOKEN_HEADER) {
            headers.push((SECURITY_TOKEN_HEADER.into(), token.into()));
        }
    }
    if !has_header(&headers, "host") {
        headers.push(("Host".into(), req.host.into()));
    }
    // Send exactly the (trimmed) value that is signed (spec §1.3 step 5).
    for (_, v) in headers.iter_mut() {
        *v = v.trim().to_string();
    }
    let sdk_date = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(SDK_DATE_HEADER))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();

    let signable = signable_headers(&headers);
    let signed_names = signed_headers(&signable);
    let query_string = canonical_query(req.query);
    let canonical = canonical_request(
        req.method,
        &canonical_uri(req.path),
        &query_string,
        &canonical_headers(&signable),
        &signed_names,
        &payload_hash(req.body, &headers),
    );
    let sts = string_to_sign(&sdk_date, &canonical);
    let sig = signature(creds.secret_key(), &sts);
    let authorization = authorization_header(creds.access_key(), &signed_names, &sig);
    tracing::trace!(canonical_request = %canonical, "huawei request signed");
    headers.push(("Authorization".into(), authorization.clone()));
    Signed {
        headers,
        query_string,
        canonical_request: canonical,
        string_to_sign: sts,
        signature: sig,
        authorization,
    }
}

#[cfg(test)]
mod tests;
