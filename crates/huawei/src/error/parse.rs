//! Error-body parsing mirroring the SDK's `DefaultExceptionHandler` (spec §2.6).

use super::{classify, ApiError};
use crate::redact::redact_json;
use serde_json::{Map, Value};

const SNIPPET_LEN: usize = 256;

/// Code/message key pairs in the order the SDK tries them (spec §2.6 rule 3).
const KEY_PAIRS: [(&str, &str); 3] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

fn find_pair(obj: &Map<String, Value>) -> Option<(String, String)> {
    for (ck, mk) in KEY_PAIRS {
        if let Some(code) = obj.get(ck).and_then(scalar) {
            let msg = obj.get(mk).and_then(scalar).unwrap_or_default();
            return Some((code, msg));
        }
    }
    // Some services wrap the error, e.g. {"error": {"code": .., "message": ..}}.
    obj.values()
        .filter_map(Value::as_object)
        .find_map(find_pair)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn find_string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(scalar).or_else(|| {
        obj.values()
            .filter_map(Value::as_object)
            .find_map(|o| find_string(o, key))
    })
}

/// Builds an [`ApiError`] from a non-2xx response. `header_request_id` is the
/// `X-Request-Id` response header, which wins over the body's `request_id` (spec §2.6 rule 2).
pub fn parse_api_error(status: u16, header_request_id: Option<&str>, body: &[u8]) -> ApiError {
    let parsed: Option<Map<String, Value>> = serde_json::from_slice(body).ok();
    let (code, message) = parsed
        .as_ref()
        .and_then(find_pair)
        .unwrap_or_else(|| (status.to_string(), snippet(body)));
    let request_id = header_request_id
        .map(str::to_string)
        .or_else(|| parsed.as_ref().and_then(|o| find_string(o, "request_id")));
    let encoded_authorization_message = parsed
        .as_ref()
        .and_then(|o| find_string(o, "encoded_authorization_message"));
    ApiError {
        kind: classify(status, &code),
        status,
        code,
        message,
        request_id,
        encoded_authorization_message,
    }
}

/// A short, redacted excerpt of a response body for error messages: JSON bodies are passed
/// through [`redact_json`] first so a PSK or password never lands in an error or a log.
pub fn snippet(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(mut v) => {
            redact_json(&mut v);
            v.to_string()
        }
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    let mut cut: String = text.chars().take(SNIPPET_LEN).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn vpn_error_shape() {
        let body = br#"{"error_code":"VPN.0003","error_msg":"resource not ready","request_id":"abafe41c"}"#;
        let e = parse_api_error(403, None, body);
        assert_eq!(
            (e.code.as_str(), e.message.as_str()),
            ("VPN.0003", "resource not ready")
        );
        assert_eq!(e.request_id.as_deref(), Some("abafe41c"));
        assert_eq!(e.kind, ErrorKind::Auth);
    }

    #[test]
    fn openstack_and_nested_shapes_and_header_request_id() {
        // Seed 004 line 20231: {"code": "VPN.0001", "message": "invalid request:xxx"}
        let e = parse_api_error(
            400,
            Some("hdr-id"),
            br#"{"code":"VPN.0001","message":"invalid request:xxx"}"#,
        );
        assert_eq!(e.code, "VPN.0001");
        assert_eq!(e.request_id.as_deref(), Some("hdr-id"));
        let e = parse_api_error(403, None, br#"{"error":{"code":"IAM.0002","message":"deny","encoded_authorization_message":"enc"}}"#);
        assert_eq!(e.code, "IAM.0002");
        assert_eq!(e.encoded_authorization_message.as_deref(), Some("enc"));
    }

    #[test]
    fn unparseable_body_falls_back_to_status_and_text() {
        let e = parse_api_error(502, None, b"<html>bad gateway</html>");
        assert_eq!(e.code, "502");
        assert_eq!(e.message, "<html>bad gateway</html>");
        assert_eq!(e.kind, ErrorKind::Transient);
    }

    #[test]
    fn snippet_truncates_and_redacts() {
        let long = "x".repeat(1000);
        assert!(snippet(long.as_bytes()).chars().count() <= SNIPPET_LEN + 1);
        let s = snippet(br#"{"vpn_connection":{"psk":"hunter2hunter2"}}"#);
        assert!(!s.contains("hunter2"));
    }
}
