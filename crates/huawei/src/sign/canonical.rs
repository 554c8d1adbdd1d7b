//! Canonical headers, signed headers, payload hash and the canonical request
//! (spec §1.3 steps 1.4–1.6 and the six-line layout of step 1).

use sha2::{Digest, Sha256};

/// SHA-256 of the empty body, used when there is no payload (spec §1.3 step 1.6).
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Header whose value replaces the payload hash for non-JSON bodies (spec §1.3 step 0).
pub const CONTENT_SHA256_HEADER: &str = "x-sdk-content-sha256";

/// Lower-case hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Headers that take part in the signature: every header whose name has no `_`,
/// name lower-cased, value trimmed, sorted by name (spec §1.3 step 1.4).
pub fn signable_headers(headers: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `name:value\n` for every signable header; note the trailing newline on each line.
pub fn canonical_headers(signable: &[(String, String)]) -> String {
    signable.iter().map(|(n, v)| format!("{n}:{v}\n")).collect()
}

/// Lower-cased signable header names joined with `;` (spec §1.3 step 1.5).
pub fn signed_headers(signable: &[(String, String)]) -> String {
    signable
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// Payload hash (spec §1.3 step 1.6): SHA-256 of the raw body, or the value of
/// `X-Sdk-Content-Sha256` when the body is non-empty and that header is present.
pub fn payload_hash(body: &[u8], headers: &[(String, String)]) -> String {
    if !body.is_empty() {
        if let Some((_, v)) = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(CONTENT_SHA256_HEADER))
        {
            return v.trim().to_string();
        }
    }
    sha256_hex(body)
}

/// The six-part canonical request (spec §1.3 step 1). `canonical_headers` already ends with
/// `\n`, so the joined text has an empty line before the signed-headers line.
pub fn canonical_request(
    method: &str,
    canonical_uri: &str,
    canonical_query: &str,
    canonical_headers: &str,
    signed_headers: &str,
    payload_hash: &str,
) -> String {
    format!(
        "{}\n{canonical_uri}\n{canonical_query}\n{canonical_headers}\n{signed_headers}\n{payload_hash}",
        method.to_ascii_uppercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn underscore_headers_are_skipped_and_values_trimmed() {
        let hs = h(&[
            ("X_Not_Signed", "x"),
            ("X-Project-Id", "  p  "),
            ("Host", "h"),
        ]);
        let s = signable_headers(&hs);
        assert_eq!(canonical_headers(&s), "host:h\nx-project-id:p\n");
        assert_eq!(signed_headers(&s), "host;x-project-id");
    }

    #[test]
    fn inner_whitespace_and_empty_header_values_are_kept() {
        let s = signable_headers(&h(&[("X-A", " a  b "), ("X-B", "")]));
        assert_eq!(canonical_headers(&s), "x-a:a  b\nx-b:\n");
    }

    #[test]
    fn payload_hash_of_empty_body_and_unsigned_payload() {
        assert_eq!(payload_hash(b"", &[]), EMPTY_PAYLOAD_SHA256);
        let hs = h(&[("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")]);
        assert_eq!(payload_hash(b"data", &hs), "UNSIGNED-PAYLOAD");
        // The override only applies to non-empty bodies.
        assert_eq!(payload_hash(b"", &hs), EMPTY_PAYLOAD_SHA256);
    }

    #[test]
    fn json_body_hash_depends_on_exact_bytes() {
        let compact = payload_hash(br#"{"a":1}"#, &[]);
        let spaced = payload_hash(br#"{"a": 1}"#, &[]);
        assert_ne!(compact, spaced);
        assert_eq!(compact, sha256_hex(br#"{"a":1}"#));
    }

    #[test]
    fn canonical_request_layout_has_empty_line_after_headers() {
        let cr = canonical_request("get", "/p/", "", "host:h\n", "host", "abc");
        assert_eq!(cr, "GET\n/p/\n\nhost:h\n\nhost\nabc");
    }
}
