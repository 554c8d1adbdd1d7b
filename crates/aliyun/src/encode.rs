//! Percent-encoding and query canonicalisation for Alibaba Cloud RPC signing
//! (spec `alibaba.md` §1.3 steps 1–4 and §1.4).
//!
//! These are pure functions shared by the client (to sign) and by the emulator (to verify),
//! so both sides agree byte for byte. Do not replace them with `url`/`form_urlencoded`
//! serializers: those emit `+` for space and leave `*` unencoded (§1.4).

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// RFC 3986 unreserved characters stay literal; everything else becomes `%XX` (§1.4).
const RPC_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one name or value exactly as §1.4 requires: `~` kept, space → `%20`,
/// `*` → `%2A`, `/` → `%2F`, every non-ASCII byte as an upper-case `%XX` triplet.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, RPC_ENCODE_SET).to_string()
}

/// Builds the CanonicalizedQueryString (§1.3 steps 1–4) from a parameter multiset.
///
/// * `Signature` is dropped (step 1); empty values are kept as `Name=`.
/// * Pairs are sorted byte-wise by name (step 2). The spec only defines key order; for a
///   repeated key (not produced by this API, but possible in a hand-written request) we
///   sort by value as a tie-break so the output is deterministic on both sides.
/// * Names and values are percent-encoded (step 3) and joined with `=` and `&` (step 4).
pub fn canonical_query<I, K, V>(params: I) -> String
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut pairs: Vec<(String, String)> = params
        .into_iter()
        .filter(|(k, _)| k.as_ref() != "Signature")
        .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
        .collect();
    // Byte-wise order == Java `Arrays.sort` on ASCII keys (S1:L8534); `.10` < `.2` is intended.
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.1.cmp(&b.1)));
    encode_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Joins already-ordered pairs as `enc(k)=enc(v)&…`. Used for the wire query string and the
/// form-POST body, where order is irrelevant (§1.3 step 7).
pub fn encode_pairs<'a, I>(pairs: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let mut out = String::new();
    for (k, v) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

/// Decodes a received query string or form body into pairs, for server-side verification.
///
/// A raw `+` decodes to a space, like the Java/Python server frameworks do (§1.3 input
/// rule); a literal plus arrives as `%2B`. Invalid UTF-8 is replaced lossily so a bad
/// request yields a signature mismatch rather than a panic. A pair without `=` is a
/// name with an empty value.
pub fn decode_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_spec_table_characters() {
        // Expected values from §1.4 (verified there with Python quote(s, safe='-_.~')).
        assert_eq!(percent_encode("a b"), "a%20b");
        assert_eq!(percent_encode("a*b"), "a%2Ab");
        assert_eq!(percent_encode("a~b"), "a~b");
        assert_eq!(percent_encode("a+b"), "a%2Bb");
        assert_eq!(percent_encode("a/b"), "a%2Fb");
        assert_eq!(percent_encode(":"), "%3A");
        assert_eq!(percent_encode("主"), "%E4%B8%BB");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(
            percent_encode("{\"k\":1,}=&%"),
            "%7B%22k%22%3A1%2C%7D%3D%26%25"
        );
    }

    #[test]
    fn encodes_multibyte_unicode_per_byte_uppercase() {
        assert_eq!(percent_encode("é😀"), "%C3%A9%F0%9F%98%80");
    }

    #[test]
    fn canonical_query_sorts_bytewise_and_keeps_empty_values() {
        let params = [
            ("b", "2"),
            ("Signature", "dropped"),
            ("a", ""),
            ("Z", "upper"),
            ("Filter.1.Value.2", "x"),
            ("Filter.1.Value.10", "y"),
        ];
        assert_eq!(
            canonical_query(params),
            "Filter.1.Value.10=y&Filter.1.Value.2=x&Z=upper&a=&b=2"
        );
    }

    #[test]
    fn canonical_query_repeated_keys_are_deterministic() {
        let one = canonical_query([("k", "b"), ("k", "a")]);
        let two = canonical_query([("k", "a"), ("k", "b")]);
        assert_eq!(one, "k=a&k=b");
        assert_eq!(one, two);
    }

    #[test]
    fn decode_query_round_trips_encoded_pairs_and_treats_plus_as_space() {
        let encoded = encode_pairs([("Name", "DC 1*主~x"), ("Sig", "a+b/c=")]);
        let decoded = decode_query(&encoded);
        assert_eq!(decoded[0], ("Name".into(), "DC 1*主~x".into()));
        assert_eq!(decoded[1], ("Sig".into(), "a+b/c=".into()));
        assert_eq!(
            decode_query("a=x+y&b&c="),
            vec![
                ("a".into(), "x y".into()),
                ("b".into(), String::new()),
                ("c".into(), String::new()),
            ]
        );
    }
}
