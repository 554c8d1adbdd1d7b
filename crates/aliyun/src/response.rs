//! Turning an HTTP response into JSON or an [`ApiError`] (spec `alibaba.md` §1.10, §5.1).
//!
//! Success is decided on the HTTP status first; only then is the body parsed. Error bodies
//! may be JSON or XML `<Error>`; neither is required to carry the operation's root element.

use serde_json::Value;

use crate::error::{classify, truncate, ApiError, Error, SNIPPET_LEN};
use crate::redact::scrub;

/// Removes the `{"<Action>Response": {…}}` wrapper some examples show (§5.1): if the only
/// top-level key ends in `Response` and holds an object, that object is returned.
pub fn unwrap_envelope(v: Value) -> Value {
    if let Value::Object(map) = &v {
        if map.len() == 1 {
            let (k, inner) = map.iter().next().expect("len checked");
            if k.ends_with("Response") && inner.is_object() {
                return inner.clone();
            }
        }
    }
    v
}

/// Decodes one response. `secrets` are scrubbed from any text kept in an error.
pub fn decode(action: &str, status: u16, body: &str, secrets: &[String]) -> Result<Value, Error> {
    if (200..300).contains(&status) {
        return serde_json::from_str::<Value>(body)
            .map(unwrap_envelope)
            .map_err(|e| Error::Decode {
                action: action.to_owned(),
                status,
                message: e.to_string(),
                body_snippet: truncate(&scrub(body, secrets), SNIPPET_LEN),
            });
    }
    let error = Box::new(parse_error_body(status, body, secrets));
    Err(Error::Api {
        action: action.to_owned(),
        error,
    })
}

fn parse_error_body(status: u16, body: &str, secrets: &[String]) -> ApiError {
    let field = |name: &str| -> Option<String> {
        match serde_json::from_str::<Value>(body).map(unwrap_envelope) {
            Ok(v) => v.get(name).and_then(|x| match x {
                Value::String(s) => Some(s.clone()),
                Value::Null => None,
                other => Some(other.to_string()),
            }),
            Err(_) => xml_tag(body, name),
        }
    };
    let code = field("Code").unwrap_or_default();
    let message = match field("Message") {
        Some(m) => m,
        None => truncate(body.trim(), SNIPPET_LEN),
    };
    ApiError {
        status,
        kind: classify(status, &code),
        message: scrub(&message, secrets),
        request_id: field("RequestId"),
        host_id: field("HostId"),
        recommend: field("Recommend"),
        code,
    }
}

/// Text of the first `<name>…</name>` element, for XML error bodies.
fn xml_tag(body: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&close)? + start;
    Some(xml_unescape(&body[start..end]))
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn json_error_body_is_parsed_and_classified() {
        let body = r#"{"RequestId":"R1","HostId":"vpc.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control.","Recommend":"https://x"}"#;
        let err = decode("DescribeVpcs", 400, body, &[]).unwrap_err();
        let api = err.api().unwrap();
        assert_eq!(api.code, "Throttling.User");
        assert_eq!(api.kind, ErrorKind::Throttled);
        assert_eq!(api.request_id.as_deref(), Some("R1"));
        assert_eq!(api.host_id.as_deref(), Some("vpc.aliyuncs.com"));
        assert!(err.is_retryable());
    }

    #[test]
    fn xml_error_body_is_parsed() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R2</RequestId><HostId>vpc.aliyuncs.com</HostId><Code>InvalidVpcId.NotFound</Code><Message>a &amp; b</Message></Error>"#;
        let api = decode("DescribeVpcs", 404, body, &[])
            .unwrap_err()
            .api()
            .cloned()
            .unwrap();
        assert_eq!(api.code, "InvalidVpcId.NotFound");
        assert_eq!(api.message, "a & b");
        assert_eq!(api.kind, ErrorKind::NotFound);
    }

    #[test]
    fn unparsable_error_and_success_bodies_keep_truncated_snippets() {
        let err = decode("X", 502, "<html>bad gateway</html>", &[]).unwrap_err();
        assert_eq!(err.api().unwrap().kind, ErrorKind::Transient);
        assert_eq!(err.code(), "HttpError");
        let long = format!("not json {}", "x".repeat(1000));
        match decode("X", 200, &long, &["x".repeat(10)]).unwrap_err() {
            Error::Decode { body_snippet, .. } => {
                assert!(body_snippet.chars().count() <= SNIPPET_LEN + 1);
                assert!(!body_snippet.contains("xxxxxxxxxx"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn envelope_is_unwrapped_only_when_alone() {
        let v = serde_json::json!({"DescribeEipAddressesResponse": {"TotalCount": "1"}});
        assert_eq!(unwrap_envelope(v)["TotalCount"], "1");
        let flat = serde_json::json!({"XResponse": {}, "RequestId": "r"});
        assert!(unwrap_envelope(flat.clone()) == flat);
    }
}
