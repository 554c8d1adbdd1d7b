//! Round-trip tests: everything [`crate::sign::sign`] produces verifies, and each tampering
//! is reported with the right typed failure.

use super::*;
use crate::credentials::Credentials;
use crate::sign::{parse_query, sign, SigningRequest};
use chrono::{Duration, TimeZone};

const AK: &str = "HPUAEXAMPLEAK0000001";
const SK: &str = "ExampleSecretKey0000000000000000000000SK";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 4, 16, 9, 53, 41).unwrap()
}

fn lookup(ak: &str) -> Option<SecretString> {
    (ak == AK).then(|| SecretString::from(SK))
}

struct Fixture {
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    body: Vec<u8>,
}

fn signed_fixture() -> Fixture {
    let query = vec![
        ("marker".to_string(), "2025-06-11T13:59:59.633Z".to_string()),
        ("name".to_string(), "gw é/x".to_string()),
        ("limit".to_string(), "10".to_string()),
    ];
    let body = br#"{"customer_gateway":{"name":"c"}}"#.to_vec();
    let hs = vec![("Content-Type".to_string(), "application/json".to_string())];
    let creds = Credentials::new(AK, SecretString::from(SK));
    let req = SigningRequest {
        method: "POST",
        host: "127.0.0.1:1234",
        path: "/v5/p/customer-gateways",
        query: &query,
        headers: &hs,
        body: &body,
    };
    let s = sign(&req, &creds, Some("p"), now());
    // The server sees the query string as sent, and decodes it.
    Fixture {
        headers: s.headers,
        query: parse_query(&s.query_string),
        body,
    }
}

fn check(f: &Fixture, method: &str, at: DateTime<Utc>) -> Result<String, VerifyError> {
    let req = VerifyRequest {
        method,
        path: "/v5/p/customer-gateways",
        query: &f.query,
        headers: &f.headers,
        body: &f.body,
    };
    verify(&req, at, lookup)
}

#[test]
fn valid_signature_verifies() {
    assert_eq!(check(&signed_fixture(), "POST", now()), Ok(AK.to_string()));
}

#[test]
fn tampered_body_method_or_query_is_a_mismatch() {
    let mut f = signed_fixture();
    assert_eq!(check(&f, "PUT", now()), Err(VerifyError::SignatureMismatch));
    f.body = br#"{"customer_gateway":{"name":"d"}}"#.to_vec();
    assert_eq!(
        check(&f, "POST", now()),
        Err(VerifyError::SignatureMismatch)
    );
    let mut f = signed_fixture();
    f.query.push(("extra".into(), "1".into()));
    assert_eq!(
        check(&f, "POST", now()),
        Err(VerifyError::SignatureMismatch)
    );
}

#[test]
fn skew_beyond_fifteen_minutes_is_rejected() {
    let f = signed_fixture();
    assert!(check(&f, "POST", now() + Duration::minutes(14)).is_ok());
    let err = check(&f, "POST", now() - Duration::minutes(16)).unwrap_err();
    assert_eq!(err, VerifyError::DateSkewed { skew_secs: 960 });
}

#[test]
fn missing_pieces_map_to_typed_errors() {
    let mut f = signed_fixture();
    f.headers.retain(|(n, _)| n != "Authorization");
    assert_eq!(
        check(&f, "POST", now()),
        Err(VerifyError::MissingAuthorization)
    );

    let mut f = signed_fixture();
    f.headers.retain(|(n, _)| n != "X-Sdk-Date");
    assert_eq!(check(&f, "POST", now()), Err(VerifyError::DateMissing));

    let mut f = signed_fixture();
    for (n, v) in f.headers.iter_mut() {
        if n == "Authorization" {
            *v = v.replace(AK, "UNKNOWNAK");
        }
    }
    assert_eq!(
        check(&f, "POST", now()),
        Err(VerifyError::UnknownAccessKey("UNKNOWNAK".into()))
    );

    let mut f = signed_fixture();
    f.headers.retain(|(n, _)| n != "Host");
    assert_eq!(
        check(&f, "POST", now()),
        Err(VerifyError::SignedHeaderMissing("host".into()))
    );
}

#[test]
fn authorization_format_errors() {
    assert_eq!(
        parse_authorization("Bearer x"),
        Err(VerifyError::UnsupportedAlgorithm)
    );
    assert!(matches!(
        parse_authorization("SDK-HMAC-SHA256 Access=a, Signature=00"),
        Err(VerifyError::BadFormat(_))
    ));
    let ok = parse_authorization(&format!(
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host;x-sdk-date, Signature={}",
        "ab".repeat(32)
    ))
    .unwrap();
    assert_eq!(ok.signed_headers, ["host", "x-sdk-date"]);
}

#[test]
fn error_body_uses_apigw_shape_without_secrets() {
    let body = VerifyError::SignatureMismatch.to_error_body("rid-1");
    assert_eq!(body["error_code"], "APIGW.0301");
    assert_eq!(body["request_id"], "rid-1");
    assert!(body["error_msg"].as_str().unwrap().contains("signature"));
    assert!(!body.to_string().contains(SK));
    assert_eq!(VerifyError::DateMissing.http_status(), 401);
}
