//! Percent-encoding, canonical URI and canonical query (spec §1.3 steps 1.2–1.3).
//!
//! The encoder is the one `huaweicloudsdkcore` uses for path segments, query keys and
//! query values: RFC 3986 unreserved characters stay, every other UTF-8 byte becomes `%XX`
//! with upper-case hex. It never emits `+` for a space.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Bytes left alone by the SDK encoder: `A–Z a–z 0–9 - . _ ~` (spec §1.3 "Encoder").
const SDK_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `s` exactly as the SDK does (space → `%20`, `/` → `%2F`, `*` → `%2A`).
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, SDK_ENCODE_SET).to_string()
}

/// Canonical URI (spec §1.3 step 1.2): decode the path, re-encode each `/`-separated segment,
/// and append a trailing `/` if missing. Only the signature uses this form; the request itself
/// is still sent to the path without the extra slash.
pub fn canonical_uri(path: &str) -> String {
    let path = if path.is_empty() { "/" } else { path };
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let mut out = decoded.split('/').map(encode).collect::<Vec<_>>().join("/");
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// Canonical query string (spec §1.3 step 1.3).
///
/// `pairs` are already stringified (lists expanded into repeated keys, booleans as
/// `true`/`false`). Pairs are sorted by raw key, then raw value (byte order), then encoded.
/// The same string is used as the query actually sent (spec §1.3 step 5).
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = pairs.iter().collect();
    sorted.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then(a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    sorted
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Parses a raw query string as received by a server into decoded pairs, so that
/// [`canonical_query`] can re-canonicalise it for verification. `+` is kept literally because
/// the SDK encoder never produces it for a space.
pub fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                percent_decode_str(k).decode_utf8_lossy().into_owned(),
                percent_decode_str(v).decode_utf8_lossy().into_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn encoder_matches_sdk_character_classes() {
        assert_eq!(encode("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(encode("a b/c*d:e+f"), "a%20b%2Fc%2Ad%3Ae%2Bf");
        assert_eq!(encode("é日"), "%C3%A9%E6%97%A5");
        assert_eq!(encode(""), "");
    }

    #[test]
    fn canonical_uri_appends_slash_and_reencodes_segments() {
        assert_eq!(canonical_uri("/v5/p/vpn-gateways"), "/v5/p/vpn-gateways/");
        assert_eq!(canonical_uri("/v5/p/"), "/v5/p/");
        assert_eq!(canonical_uri(""), "/");
        // A pre-encoded segment is decoded first, so it is not double-encoded.
        assert_eq!(canonical_uri("/a%20b/c d"), "/a%20b/c%20d/");
        assert_eq!(
            canonical_uri("/tags/ключ"),
            "/tags/%D0%BA%D0%BB%D1%8E%D1%87/"
        );
    }

    #[test]
    fn canonical_query_sorts_by_key_then_value_and_keeps_empty_values() {
        let pairs = q(&[("b", "2"), ("a", ""), ("b", "10"), ("A", "x")]);
        // Byte order: "A" < "a" < "b"; "10" < "2" as strings.
        assert_eq!(canonical_query(&pairs), "A=x&a=&b=10&b=2");
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn canonical_query_orders_unicode_by_utf8_bytes() {
        let pairs = q(&[("name", "é"), ("name", "z"), ("name", "Z")]);
        assert_eq!(canonical_query(&pairs), "name=Z&name=z&name=%C3%A9");
    }

    #[test]
    fn parse_query_round_trips_through_canonical_query() {
        let raw = "marker=2025-06-11T13%3A59%3A59.633Z&limit=10&flag&name=gw%20a%2Fb";
        let pairs = parse_query(raw);
        assert_eq!(
            pairs[0],
            ("marker".into(), "2025-06-11T13:59:59.633Z".into())
        );
        assert_eq!(pairs[2], ("flag".into(), "".into()));
        assert_eq!(
            canonical_query(&pairs),
            "flag=&limit=10&marker=2025-06-11T13%3A59%3A59.633Z&name=gw%20a%2Fb"
        );
    }
}
