//! Fuzzing SDK-HMAC-SHA256 signing and its canonicalisation with arbitrary paths, query
//! names and values (unicode, reserved characters, empty, repeated keys), headers and
//! bodies. Properties: the query string decodes back to the same pairs and ignores input
//! order; the canonical URI is idempotent; signing is deterministic; a request the client
//! signs verifies on the server after the wire round trip; a changed body byte, query value,
//! signed header or key breaks it.
#[path = "../../aliyun/tests/fuzz_support/harness.rs"]
mod harness;

use chrono::{DateTime, TimeZone, Utc};
use harness::{bounded, config};
use huawei::sign::{canonical_query, canonical_uri, parse_query, sign, SigningRequest};
use huawei::{verify, Credentials, SecretString, VerifyError, VerifyRequest};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[-_.~*+/= %&?#:@!$'()\\[\\],;a-zA-Z0-9]{0,12}",
        Just(String::new()),
        Just("ключ 日本 é".to_owned()),
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        text(),
        prop::sample::select(vec!["limit".to_owned(), "marker".to_owned()])
    ];
    prop::collection::vec((key, text()), 0..8)
}

/// Extra headers set before signing: HTTP token names (some with `_`, which are not
/// signed), printable values; the names `sign` sets itself are left to it.
fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}",
        prop::sample::select(vec![
            "Content-Type".to_owned(),
            "X-Trace".to_owned(),
            "x-trace".to_owned()
        ]),
    ];
    let reserved = [
        "authorization",
        "x-sdk-date",
        "host",
        "x-project-id",
        "x-security-token",
        "x-sdk-content-sha256",
    ];
    prop::collection::vec((name, "[ -~]{0,16}"), 0..5).prop_map(move |hs| {
        hs.into_iter()
            .filter(|(n, _)| !reserved.contains(&n.to_ascii_lowercase().as_str()))
            .collect()
    })
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..253_402_300_799).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

#[derive(Debug, Clone)]
struct Case {
    method: String,
    host: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "get"]),
        "[a-z0-9.-]{1,20}(:[0-9]{1,5})?",
        prop_oneof!["(/[^/?#]{0,8}){0,4}/?", ".{0,20}"],
        pairs(),
        headers(),
        prop::collection::vec(any::<u8>(), 0..64),
    )
        .prop_map(|(method, host, path, query, headers, body)| Case {
            method: method.to_owned(),
            host,
            path,
            query,
            headers,
            body,
        })
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn query_round_trips_and_ignores_order(
        (pairs, shuffled) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
    ) {
        let q = canonical_query(&pairs);
        prop_assert_eq!(&q, &canonical_query(&shuffled));
        let mut back = parse_query(&q);
        let mut want = pairs;
        back.sort();
        want.sort();
        prop_assert_eq!(back, want);
    }

    #[test]
    fn canonical_uri_is_idempotent(path in prop_oneof![".{0,30}", "[/%a-fA-F0-9 ]{0,30}"]) {
        let once = canonical_uri(&path);
        prop_assert!(once.starts_with('/') || once.ends_with('/'));
        prop_assert_eq!(canonical_uri(&once), once);
    }

    #[test]
    fn signed_requests_verify_and_any_change_breaks_them(
        c in case(),
        ak in "[A-Z0-9]{1,24}",
        sk in text(),
        token in prop::option::of("[ -~]{0,24}"),
        project in prop::option::of("[a-f0-9]{0,32}"),
        now in moment(),
        flip in any::<(usize, u8)>(),
    ) {
        bounded("huawei sign/verify", move || {
            let mut creds = Credentials::new(ak.clone(), SecretString::from(sk.clone()));
            if let Some(t) = token {
                creds = creds.with_security_token(SecretString::from(t));
            }
            let req = SigningRequest {
                method: &c.method, host: &c.host, path: &c.path,
                query: &c.query, headers: &c.headers, body: &c.body,
            };
            let signed = sign(&req, &creds, project.as_deref(), now);
            let again = sign(&req, &creds, project.as_deref(), now);
            assert_eq!(signed.authorization, again.authorization, "signing is deterministic");

            let query = parse_query(&signed.query_string);
            let received = |headers: &[(String, String)], query: &[(String, String)], body: &[u8], sk: &str| {
                let r = VerifyRequest { method: &c.method, path: &c.path, query, headers, body };
                verify(&r, now, |k| (k == ak).then(|| SecretString::from(sk.to_owned())))
            };
            assert_eq!(received(&signed.headers, &query, &c.body, &sk), Ok(ak.clone()),
                "canonical request:\n{}", signed.canonical_request);

            let mismatch = Err(VerifyError::SignatureMismatch);
            assert_eq!(received(&signed.headers, &query, &c.body, &format!("{sk}x")), mismatch);
            let mut body = c.body.clone();
            if body.is_empty() { body.push(flip.1) } else {
                let at = flip.0 % body.len();
                body[at] = body[at].wrapping_add(flip.1.max(1));
            }
            assert_eq!(received(&signed.headers, &query, &body, &sk), mismatch);
            let mut more = query.clone();
            more.push(("extra".to_owned(), String::new()));
            assert_eq!(received(&signed.headers, &more, &c.body, &sk), mismatch);
            let mut headers = signed.headers.clone();
            for (n, v) in headers.iter_mut() {
                if n.eq_ignore_ascii_case("host") { v.push('x') }
            }
            assert_eq!(received(&headers, &query, &c.body, &sk), mismatch);
        });
    }
}
