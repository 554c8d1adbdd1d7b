//! Keeping secrets out of logs, errors and stored payloads (spec `alibaba.md` §5.5, §8.6).
//!
//! * [`Sensitive`] wraps secret-bearing wire fields (IKE `Psk`, BGP `AuthKey`): it
//!   serializes transparently (so wire types round-trip) but its `Debug` is redacted.
//! * [`redact_json`] blanks secret fields in a raw payload before it is stored or printed,
//!   including inside nested configs sent as JSON strings (§5.5).
//! * [`scrub`] removes known secret values from free text such as server error messages.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::encode::percent_encode;

/// Replacement text for a non-empty secret.
pub const REDACTED: &str = "******";

/// Field names (case-insensitive) whose values are secrets.
const SECRET_KEYS: &[&str] = &[
    "psk",
    "authkey",
    "accesskeysecret",
    "securitytoken",
    "signature",
    "password",
    "privatekey",
];

/// A secret string field of a wire type. `Debug` shows only whether it is set.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sensitive(String);

impl Sensitive {
    /// Wraps a value.
    pub fn new(v: impl Into<String>) -> Self {
        Self(v.into())
    }
    /// The clear value; call only where the secret is really needed.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// Whether a non-empty value is present (the "set/unset" flag of §5.5).
    pub fn is_set(&self) -> bool {
        !self.0.is_empty()
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_set() {
            f.write_str(REDACTED)
        } else {
            f.write_str("\"\"")
        }
    }
}

/// True if `key` names a secret field.
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    SECRET_KEYS.contains(&k.as_str())
}

/// Blanks every secret field of a raw payload in place. Non-empty values become
/// [`REDACTED`]; empty values stay empty so "unset" remains visible. String values that
/// hold a JSON object (e.g. an `IkeConfig` parameter) are redacted inside and re-encoded.
pub fn redact_json(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if is_secret_key(k) {
                    blank(v);
                } else {
                    redact_json(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        Value::String(s) if s.trim_start().starts_with('{') => {
            if let Ok(mut inner) = serde_json::from_str::<Value>(s) {
                let before = inner.clone();
                redact_json(&mut inner);
                if inner != before {
                    *s = inner.to_string();
                }
            }
        }
        _ => {}
    }
}

fn blank(v: &mut Value) {
    let empty = matches!(v, Value::Null) || matches!(v, Value::String(s) if s.is_empty());
    if !empty {
        *v = Value::String(REDACTED.to_owned());
    }
}

/// Replaces every occurrence of each secret in `text` — raw, percent-encoded once, and
/// twice (as it appears inside an echoed StringToSign, §1.3 step 5) — with [`REDACTED`].
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for s in secrets.iter().filter(|s| !s.is_empty()) {
        let once = percent_encode(s);
        let twice = percent_encode(&once);
        for needle in [twice, once, s.clone()] {
            if !needle.is_empty() {
                out = out.replace(&needle, REDACTED);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redacts_psk_and_authkey_anywhere_keeping_empty() {
        let mut v = json!({
            "IkeConfig": {"Psk": "pgw6dy", "IkeMode": "main"},
            "BgpGroups": {"BgpGroup": [{"AuthKey": "888"}, {"AuthKey": ""}]},
            "Raw": "{\"Psk\":\"inner\",\"IkeVersion\":\"ikev1\"}",
            "Name": "keep"
        });
        redact_json(&mut v);
        assert_eq!(v["IkeConfig"]["Psk"], REDACTED);
        assert_eq!(v["IkeConfig"]["IkeMode"], "main");
        assert_eq!(v["BgpGroups"]["BgpGroup"][0]["AuthKey"], REDACTED);
        assert_eq!(v["BgpGroups"]["BgpGroup"][1]["AuthKey"], "");
        assert!(!v["Raw"].as_str().unwrap().contains("inner"));
        assert_eq!(v["Name"], "keep");
    }

    #[test]
    fn sensitive_debug_hides_value_but_serializes_it() {
        let s = Sensitive::new("topsecret");
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"topsecret\"");
    }

    #[test]
    fn scrub_removes_raw_and_encoded_forms() {
        let secret = "a b/c".to_string();
        let text = "x a b/c y a%20b%2Fc z a%2520b%252Fc";
        let out = scrub(text, &[secret]);
        assert_eq!(out, "x ****** y ****** z ******");
    }
}
