//! Request authentication exactly as alibaba.md §1.9 orders the checks: required common
//! parameters, `Version`, `Action`, AccessKeyId, signature method/version, `Timestamp` format
//! and freshness, nonce replay, and finally the signature recomputed with
//! `aliyun::sign::verify` (the client's own signer, so the two cannot disagree).

use aliyun::sign::{HttpMethod, API_VERSION};
use chrono::{DateTime, NaiveDateTime, Utc};
use secrecy::SecretString;

use super::errors::AliErr;
use super::KNOWN_ACTIONS;
use crate::server::{lock, Shared};

/// First value of parameter `k`.
pub fn param<'a>(p: &'a [(String, String)], k: &str) -> Option<&'a str> {
    p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// Parses `YYYY-MM-DDThh:mm:ssZ` (also accepting fractional seconds).
fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ")
                .ok()
                .map(|n| n.and_utc())
        })
}

/// Authenticates one request; returns the account index.
pub fn authenticate(
    state: &Shared,
    method: HttpMethod,
    p: &[(String, String)],
    wall_now: DateTime<Utc>,
) -> Result<usize, AliErr> {
    // `TimeStamp` is accepted for `Timestamp` (§1.2 note).
    let ts = param(p, "Timestamp").or_else(|| param(p, "TimeStamp"));
    for k in [
        "Action",
        "Version",
        "AccessKeyId",
        "Signature",
        "SignatureNonce",
    ] {
        if param(p, k).is_none_or(str::is_empty) {
            return Err(AliErr::missing(k));
        }
    }
    let Some(ts) = ts else {
        return Err(AliErr::new(400, "IllegalTimestamp", "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied."));
    };
    let version = param(p, "Version").unwrap_or_default();
    if version != API_VERSION {
        return Err(AliErr::new(
            400,
            "InvalidVersion",
            format!("Specified parameter Version is not valid: {version}"),
        ));
    }
    let action = param(p, "Action").unwrap_or_default();
    if !KNOWN_ACTIONS.contains(&action) {
        return Err(AliErr::new(
            404,
            "InvalidAction.NotFound",
            format!("Specified api is not found, please check your url and method.: {action}"),
        ));
    }
    let key_id = param(p, "AccessKeyId").unwrap_or_default();
    let Some(&account) = state.aliyun_keys.get(key_id) else {
        return Err(AliErr::new(
            404,
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
        ));
    };
    let sm = param(p, "SignatureMethod").unwrap_or("HMAC-SHA1");
    if !sm.eq_ignore_ascii_case("HMAC-SHA1") {
        return Err(AliErr::new(
            400,
            "InvalidSignatureMethod",
            format!("Specified signature method is not valid: {sm}"),
        ));
    }
    let sv = param(p, "SignatureVersion").unwrap_or("1.0");
    if sv != "1.0" {
        return Err(AliErr::new(
            400,
            "IncompleteSignature",
            format!("Specified signature version is not valid: {sv}"),
        ));
    }
    let Some(at) = parse_timestamp(ts) else {
        return Err(AliErr::new(
            400,
            "InvalidTimeStamp.Format",
            format!("Specified time stamp or date value is not well formatted: {ts}"),
        ));
    };
    if (wall_now - at).num_seconds().abs() > state.config.max_clock_skew_secs {
        return Err(AliErr::new(
            400,
            "InvalidTimeStamp.Expired",
            format!("Specified time stamp or date value is expired: {ts}"),
        ));
    }
    let nonce = param(p, "SignatureNonce").unwrap_or_default();
    let now_s = wall_now.timestamp();
    {
        let mut seen = lock(&state.nonces);
        if seen.contains_key(nonce) {
            return Err(AliErr::new(
                400,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
            ));
        }
        // Nonces only need remembering while their timestamp could still pass the check.
        if seen.len() > 100_000 {
            let horizon = 2 * state.config.max_clock_skew_secs;
            seen.retain(|_, t| now_s - *t <= horizon);
        }
    }
    let secret = {
        let estate = state.estate();
        SecretString::from(estate.accounts[account].aliyun_key.secret.clone())
    };
    let v = aliyun::verify(method, p, &secret);
    if !v.is_valid() {
        return Err(AliErr::new(
            400,
            "SignatureDoesNotMatch",
            v.mismatch_message(),
        ));
    }
    // Recorded only once the signature proves the sender, so forgeries cannot burn nonces.
    lock(&state.nonces).insert(nonce.to_owned(), now_s);
    Ok(account)
}
