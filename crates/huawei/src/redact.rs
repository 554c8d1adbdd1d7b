//! Redaction of secrets in raw JSON payloads (PSKs, passwords, private keys, tokens) before
//! they are displayed, logged or put into an error message.

use serde_json::Value;

/// Replacement text for redacted values.
pub const REDACTED: &str = "******";

/// Field names (compared case-insensitively, `-` treated as `_`) whose values are secret.
const SECRET_KEYS: &[&str] = &[
    "psk",
    "password",
    "old_password",
    "new_password",
    "private_key",
    "enc_private_key",
    "sk",
    "secret",
    "secret_key",
    "secret_access_key",
    "security_token",
    "securitytoken",
    "x_security_token",
    "x_auth_token",
    "token",
    "authorization",
    "signature",
    "auth_key",
];

/// True if a JSON field with this name holds a secret.
pub fn is_secret_key(name: &str) -> bool {
    let norm = name.to_ascii_lowercase().replace('-', "_");
    SECRET_KEYS.contains(&norm.as_str())
}

/// Blanks every secret field in `value`, recursively (objects inside arrays included).
/// Nulls stay null so "not set" is still distinguishable from "set".
pub fn redact_json(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if is_secret_key(k) && !v.is_null() {
                    *v = Value::String(REDACTED.into());
                } else {
                    redact_json(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redacts_nested_secrets_and_keeps_the_rest() {
        let mut v = json!({
            "vpn_connection": {"psk": "abcdefgh", "name": "c1", "ikepolicy": {"dh_group": "group15"}},
            "users": [{"name": "u", "Password": "P@ssw0rd!"}],
            "certificate": {"private_key": "-----BEGIN", "certificate": "PEM"},
            "X-Security-Token": "tok",
            "unset": {"psk": null}
        });
        redact_json(&mut v);
        assert_eq!(v["vpn_connection"]["psk"], REDACTED);
        assert_eq!(v["vpn_connection"]["name"], "c1");
        assert_eq!(v["users"][0]["Password"], REDACTED);
        assert_eq!(v["certificate"]["private_key"], REDACTED);
        assert_eq!(v["certificate"]["certificate"], "PEM");
        assert_eq!(v["X-Security-Token"], REDACTED);
        assert!(v["unset"]["psk"].is_null());
        assert_eq!(v["vpn_connection"]["ikepolicy"]["dh_group"], "group15");
    }

    #[test]
    fn secret_objects_are_replaced_whole() {
        let mut v = json!({"password": {"user": {"password": "x"}}});
        redact_json(&mut v);
        assert_eq!(v, json!({"password": REDACTED}));
    }
}
