//! Query strings for the links pages build (filters, sort, paging, expanded groups): one
//! encoder, so every page's links escape values the same way.

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `k=v&k=v` for the pairs whose value is set and not empty; keys may repeat.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(k, v)| {
            v.filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", encode(&v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_and_empty_ones_dropped() {
        assert_eq!(encode("a b/ü"), "a%20b%2F%C3%BC");
        let q = query_string([
            ("q", Some("x y".into())),
            ("page", None),
            ("s", Some(String::new())),
            ("q", Some("z".into())),
        ]);
        assert_eq!(q, "q=x%20y&q=z");
    }
}
