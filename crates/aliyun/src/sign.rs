//! RPC signature version 1.0 (HMAC-SHA1), spec `alibaba.md` §1.2–§1.6.
//!
//! Every stage is a separate pure function so it can be tested against the vectors of §1.8
//! and reused by the emulator: [`string_to_sign`] (§1.3 step 5), [`signature`] (step 6),
//! [`common_params`] (§1.2, with the time and nonce passed in) and [`signed_params`], which
//! chains them and appends `Signature` (step 7). Nothing here reads the clock or a RNG.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha1::Sha1;

use crate::credentials::Credentials;
use crate::encode::{canonical_query, percent_encode};

/// API version of every operation in this crate (§1.1).
pub const API_VERSION: &str = "2016-04-28";
/// The only signature method the API documents (§1.2).
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
/// The only signature version the API documents (§1.2).
pub const SIGNATURE_VERSION: &str = "1.0";

/// HTTP method, which is the first element of the StringToSign (§1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// Parameters in the query string; what the client sends (§1.1).
    Get,
    /// Parameters in an `application/x-www-form-urlencoded` body (§1.1 [EXT]).
    Post,
}

impl HttpMethod {
    /// Upper-case method name as it appears in the StringToSign.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        }
    }
}

/// `METHOD&%2F&percentEncode(CanonicalizedQueryString)` (§1.3 step 5, §1.5).
///
/// `params` is the full multiset of request parameters; `Signature` is ignored if present.
pub fn string_to_sign<I, K, V>(method: HttpMethod, params: I) -> String
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let cqs = canonical_query(params);
    format!(
        "{}&{}&{}",
        method.as_str(),
        percent_encode("/"),
        percent_encode(&cqs)
    )
}

/// `Base64(HMAC-SHA1(key = secret + "&", StringToSign))` (§1.3 step 6).
pub fn signature(secret: &SecretString, string_to_sign: &str) -> String {
    let key = format!("{}&", secret.expose_secret());
    // HMAC accepts keys of any length, so construction cannot fail.
    let mut mac = Hmac::<Sha1>::new_from_slice(key.as_bytes()).expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Formats a request time as `YYYY-MM-DDThh:mm:ssZ` in UTC (§1.2 `Timestamp`).
pub fn format_timestamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The common parameters of §1.2 for one request, given an explicit time and nonce.
///
/// `Format=JSON` is always sent because the documented default is contradictory (§5.1).
/// `SecurityToken` is added only for STS credentials.
pub fn common_params(
    credentials: &Credentials,
    timestamp: DateTime<Utc>,
    nonce: &str,
) -> Vec<(String, String)> {
    let mut out = vec![
        ("Format".to_owned(), "JSON".to_owned()),
        ("Version".to_owned(), API_VERSION.to_owned()),
        (
            "AccessKeyId".to_owned(),
            credentials.access_key_id().to_owned(),
        ),
        ("SignatureMethod".to_owned(), SIGNATURE_METHOD.to_owned()),
        ("Timestamp".to_owned(), format_timestamp(timestamp)),
        ("SignatureVersion".to_owned(), SIGNATURE_VERSION.to_owned()),
        ("SignatureNonce".to_owned(), nonce.to_owned()),
    ];
    if let Some(token) = credentials.security_token() {
        out.push(("SecurityToken".to_owned(), token.expose_secret().to_owned()));
    }
    out
}

/// Builds the complete, signed parameter list for one request:
/// `Action` + operation params + [`common_params`] + `Signature` (§1.3).
///
/// Operation params that collide with a common param are overridden by the common one,
/// so a caller cannot accidentally sign a stale `Timestamp` or `SignatureNonce`.
pub fn signed_params(
    method: HttpMethod,
    action: &str,
    operation_params: &[(String, String)],
    credentials: &Credentials,
    timestamp: DateTime<Utc>,
    nonce: &str,
) -> Vec<(String, String)> {
    let common = common_params(credentials, timestamp, nonce);
    let mut params: Vec<(String, String)> = vec![("Action".to_owned(), action.to_owned())];
    params.extend(
        operation_params
            .iter()
            .filter(|(k, _)| k != "Action" && k != "Signature")
            .filter(|(k, _)| !common.iter().any(|(c, _)| c == k))
            .cloned(),
    );
    params.extend(common);
    let sts = string_to_sign(method, params.iter().map(|(k, v)| (k, v)));
    let sig = signature(credentials.secret(), &sts);
    params.push(("Signature".to_owned(), sig));
    params
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamp_format_is_utc_with_z() {
        let at = Utc.with_ymd_and_hms(2020, 9, 17, 8, 0, 0).unwrap();
        assert_eq!(format_timestamp(at), "2020-09-17T08:00:00Z");
    }

    #[test]
    fn signed_params_overrides_caller_supplied_common_params() {
        let creds = Credentials::new("testid", "testsecret");
        let at = Utc.with_ymd_and_hms(2020, 9, 17, 8, 0, 0).unwrap();
        let ops = vec![
            ("Timestamp".to_owned(), "1999-01-01T00:00:00Z".to_owned()),
            ("RegionId".to_owned(), "cn-hangzhou".to_owned()),
        ];
        let p = signed_params(HttpMethod::Get, "DescribeVpcs", &ops, &creds, at, "n1");
        let ts: Vec<_> = p.iter().filter(|(k, _)| k == "Timestamp").collect();
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].1, "2020-09-17T08:00:00Z");
        assert_eq!(p.last().unwrap().0, "Signature");
    }

    #[test]
    fn post_and_get_sign_differently() {
        let secret = SecretString::from("testsecret");
        let get = signature(&secret, &string_to_sign(HttpMethod::Get, [("A", "1")]));
        let post = signature(&secret, &string_to_sign(HttpMethod::Post, [("A", "1")]));
        assert_ne!(get, post);
        assert!(string_to_sign(HttpMethod::Post, [("A", "1")]).starts_with("POST&%2F&"));
    }
}
