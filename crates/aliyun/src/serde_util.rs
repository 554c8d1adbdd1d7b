//! Tolerant serde helpers for the shapes the API really sends (spec `alibaba.md` §5.1, §5.4,
//! §5.5, §5.7). Use them on wire types with `deserialize_with`; serialization stays the
//! canonical form (arrays, JSON numbers and booleans), so types round-trip.
//!
//! * [`one_or_many`]: `{"Item":[…]}`, `{"Item":{…}}` (single element), `""`, `null`.
//! * [`lenient`]: a container that may be `""`/`null`/missing → its `Default`.
//! * [`string_or_number::opt`]: `1194` or `"1194"` (or `""` → `None`).
//! * [`bool_or_string::opt`]: `true`, `"true"`, `"True"`, `"1"`, `1`.
//! * [`json_string_or_object::opt`]: a nested config sent as an object or as a JSON string.
//! * [`StrBool`]: a boolean the cloud sends as the *string* `"true"`/`"false"`.

use std::str::FromStr;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Deserializes a list item key that may hold an array, a single object/scalar, `""` or
/// `null` (§5.1: single-element lists sometimes arrive as an object).
pub fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    match Value::deserialize(d)? {
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        Value::Array(items) => items
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(D::Error::custom))
            .collect(),
        other => serde_json::from_value(other)
            .map(|one| vec![one])
            .map_err(D::Error::custom),
    }
}

/// Deserializes a container object that may be `""` or `null` instead of an object.
pub fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    match Value::deserialize(d)? {
        Value::Null => Ok(T::default()),
        Value::String(s) if s.is_empty() => Ok(T::default()),
        other => serde_json::from_value(other).map_err(D::Error::custom),
    }
}

/// Numbers that may arrive as JSON numbers or numeric strings (§2 type quirks, §5.4).
pub mod string_or_number {
    use super::*;

    /// For `Option<T>` fields; `""` and `null` become `None`.
    pub fn opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr + DeserializeOwned,
        T::Err: std::fmt::Display,
    {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::String(s) => {
                let t = s.trim();
                if t.is_empty() {
                    Ok(None)
                } else {
                    t.parse()
                        .map(Some)
                        .map_err(|e| D::Error::custom(format!("expected a number, got {t:?}: {e}")))
                }
            }
            other => serde_json::from_value(other)
                .map(Some)
                .map_err(D::Error::custom),
        }
    }
}

/// Parses the boolean spellings the API uses (§5.4); `None` for anything else.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// Booleans that may arrive as JSON booleans, strings or 0/1 (§5.4).
pub mod bool_or_string {
    use super::*;

    /// For `Option<bool>` fields; `""` and `null` become `None`.
    pub fn opt<'de, D>(d: D) -> Result<Option<bool>, D::Error>
    where
        D: Deserializer<'de>,
    {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(b)),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => parse_bool(&s)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("expected a boolean, got {s:?}"))),
            Value::Number(n) => match n.as_i64() {
                Some(0) => Ok(Some(false)),
                Some(1) => Ok(Some(true)),
                _ => Err(D::Error::custom(format!("expected 0 or 1, got {n}"))),
            },
            other => Err(D::Error::custom(format!("expected a boolean, got {other}"))),
        }
    }
}

/// Nested configuration objects that may be sent as a JSON document in a string (§5.5).
pub mod json_string_or_object {
    use super::*;

    /// For `Option<T>` fields; `""` and `null` become `None`.
    pub fn opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: DeserializeOwned,
    {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => serde_json::from_str(&s).map(Some).map_err(D::Error::custom),
            other => serde_json::from_value(other)
                .map(Some)
                .map_err(D::Error::custom),
        }
    }
}

/// A boolean the cloud renders as the string `"true"`/`"false"`
/// (`VcoHealthCheck.Enable`, `VpnBgpConfig.EnableBgp`, §5.4). Serializes back as a string so
/// the emulator reproduces the documented shape; deserializes any boolean spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StrBool(pub bool);

impl Serialize for StrBool {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if self.0 { "true" } else { "false" })
    }
}

impl<'de> Deserialize<'de> for StrBool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        bool_or_string::opt(d)?
            .map(StrBool)
            .ok_or_else(|| D::Error::custom("expected a boolean"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, Serialize, PartialEq, Default)]
    struct Holder {
        #[serde(rename = "Item", default, deserialize_with = "one_or_many")]
        items: Vec<u32>,
        #[serde(rename = "N", default, deserialize_with = "string_or_number::opt")]
        n: Option<u64>,
        #[serde(rename = "B", default, deserialize_with = "bool_or_string::opt")]
        b: Option<bool>,
        #[serde(rename = "S", default, skip_serializing_if = "Option::is_none")]
        s: Option<StrBool>,
    }

    fn parse(j: &str) -> Holder {
        serde_json::from_str(j).unwrap()
    }

    #[test]
    fn one_or_many_accepts_all_documented_shapes() {
        assert_eq!(parse(r#"{"Item":[1,2]}"#).items, vec![1, 2]);
        assert_eq!(parse(r#"{"Item":7}"#).items, vec![7]);
        assert_eq!(parse(r#"{"Item":""}"#).items, Vec::<u32>::new());
        assert_eq!(parse(r#"{"Item":null}"#).items, Vec::<u32>::new());
        assert_eq!(parse(r#"{}"#).items, Vec::<u32>::new());
    }

    #[test]
    fn numbers_and_booleans_accept_strings() {
        let h = parse(r#"{"N":"1194","B":"True","S":"false"}"#);
        assert_eq!(
            (h.n, h.b, h.s),
            (Some(1194), Some(true), Some(StrBool(false)))
        );
        let h = parse(r#"{"N":1194,"B":0,"S":true}"#);
        assert_eq!(
            (h.n, h.b, h.s),
            (Some(1194), Some(false), Some(StrBool(true)))
        );
        assert_eq!(parse(r#"{"N":"","B":""}"#).n, None);
        assert!(serde_json::from_str::<Holder>(r#"{"N":"12x"}"#).is_err());
        assert!(serde_json::from_str::<Holder>(r#"{"B":"maybe"}"#).is_err());
    }

    #[test]
    fn serialization_is_canonical_and_round_trips() {
        let h = parse(r#"{"Item":5,"N":"3","B":"1","S":"true"}"#);
        let out = serde_json::to_string(&h).unwrap();
        assert_eq!(out, r#"{"Item":[5],"N":3,"B":true,"S":"true"}"#);
        assert_eq!(parse(&out), h);
    }

    #[test]
    fn nested_config_may_be_a_json_string() {
        #[derive(Deserialize)]
        struct W {
            #[serde(default, deserialize_with = "json_string_or_object::opt")]
            c: Option<Value>,
        }
        let w: W = serde_json::from_str(r#"{"c":"{\"Psk\":\"x\"}"}"#).unwrap();
        assert_eq!(w.c.unwrap()["Psk"], "x");
        let w: W = serde_json::from_str(r#"{"c":{"Psk":"y"}}"#).unwrap();
        assert_eq!(w.c.unwrap()["Psk"], "y");
        let w: W = serde_json::from_str(r#"{"c":""}"#).unwrap();
        assert!(w.c.is_none());
    }
}
