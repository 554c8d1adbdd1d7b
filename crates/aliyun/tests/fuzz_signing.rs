//! Fuzzing RPC signing (HMAC-SHA1) and its canonicalisation with arbitrary names and values:
//! unicode, reserved characters, empty strings, repeated keys. Properties: the encoding is
//! only unreserved characters and upper-case `%XX`, and decodes back to the input; the
//! canonical query ignores input order; signing is deterministic; a request signed by the
//! client verifies on the server after the wire round trip; any changed byte, an added
//! parameter or another secret breaks verification.
mod fuzz_support;

use aliyun::encode::{canonical_query, decode_query, encode_pairs, percent_encode};
use aliyun::{signed_params, verify, Credentials, HttpMethod};
use chrono::{DateTime, TimeZone, Utc};
use fuzz_support::harness::{bounded, config};
use proptest::prelude::*;
use secrecy::SecretString;

/// Names and values: arbitrary unicode, plus the characters the encoders treat specially.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[-_.~*+/= %&?#:@!$'()\\[\\],;a-zA-Z0-9]{0,12}",
        Just(String::new()),
        Just("主 é😀".to_owned()),
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    // A small key pool makes repeated keys common.
    let key = prop_oneof![
        text(),
        prop::sample::select(vec!["A".to_owned(), "a".to_owned(), "Name".to_owned()])
    ];
    prop::collection::vec((key, text()), 0..8)
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..253_402_300_799).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

fn method() -> impl Strategy<Value = HttpMethod> {
    prop_oneof![Just(HttpMethod::Get), Just(HttpMethod::Post)]
}

/// `s` with its `i`-th character (modulo its length) replaced by another one.
fn change_one_char(s: &str, i: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return "x".to_owned();
    }
    let at = i % chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(j, &c)| {
            if j != at {
                c
            } else if c == 'x' {
                'y'
            } else {
                'x'
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn percent_encoding_is_unreserved_and_round_trips(pairs in pairs()) {
        for (k, v) in &pairs {
            for s in [k, v] {
                let e = percent_encode(s);
                let bytes = e.as_bytes();
                let mut i = 0;
                while i < bytes.len() {
                    match bytes[i] {
                        b'%' => {
                            let hex = &e[i + 1..i + 3];
                            prop_assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)), "{e}");
                            i += 3;
                        }
                        b => {
                            prop_assert!(b.is_ascii_alphanumeric() || b"-_.~".contains(&b), "{e}");
                            i += 1;
                        }
                    }
                }
            }
        }
        let wire = encode_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert_eq!(decode_query(&wire), pairs);
    }

    #[test]
    fn canonical_query_ignores_input_order(
        (pairs, shuffled) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
    ) {
        prop_assert_eq!(canonical_query(pairs.clone()), canonical_query(shuffled));
    }

    #[test]
    fn signed_requests_verify_and_any_change_breaks_them(
        method in method(),
        action in "[A-Za-z]{1,24}",
        ops in pairs(),
        id in "[A-Za-z0-9]{1,24}",
        secret in text(),
        token in prop::option::of(text()),
        at in moment(),
        nonce in text(),
        change in any::<(usize, usize)>(),
    ) {
        bounded("aliyun sign/verify", move || {
            let mut creds = Credentials::new(id, secret.clone());
            if let Some(t) = token {
                creds = creds.with_security_token(t);
            }
            let signed = signed_params(method, &action, &ops, &creds, at, &nonce);
            assert_eq!(signed, signed_params(method, &action, &ops, &creds, at, &nonce));
            let wire = encode_pairs(signed.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let received = decode_query(&wire);
            assert!(verify(method, &received, creds.secret()).is_valid(), "{received:?}");

            let other_secret = SecretString::from(format!("{secret}x"));
            assert!(!verify(method, &received, &other_secret).is_valid());
            let mut tampered = received.clone();
            let unsigned: Vec<usize> =
                (0..tampered.len()).filter(|&i| tampered[i].0 != "Signature").collect();
            let i = unsigned[change.0 % unsigned.len()];
            tampered[i].1 = change_one_char(&tampered[i].1, change.1);
            assert!(!verify(method, &tampered, creds.secret()).is_valid(), "{tampered:?}");
            let mut added = received.clone();
            added.push(("Extra".to_owned(), String::new()));
            assert!(!verify(method, &added, creds.secret()).is_valid());
        });
    }
}
