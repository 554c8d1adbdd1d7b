//! Tolerant field deserializers: Huawei examples sometimes send numbers and booleans as
//! strings (e.g. the tag filter's `"without_any_tag": "false"`, spec §6), and fields are often
//! missing or `null`. Unparseable scalars become `None` rather than failing a whole list.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `Option<i64>` from a number, a numeric string, `null` or absence.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// `Option<u64>` (large ASNs up to 4294967295, byte counters).
pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// `Option<bool>` from `true`/`false`, `"true"`/`"false"` (any case), or `0`/`1`.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
        Some(Value::Number(n)) => n.as_i64().map(|i| i != 0),
        _ => None,
    })
}

/// `Option<String>` that also accepts a number (e.g. `as_path` sent as `64513`).
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    })
}

/// `Vec<T>` where `null` or absence means empty.
pub fn vec_or_null<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::opt_i64")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "super::opt_u64")]
        u: Option<u64>,
        #[serde(default, deserialize_with = "super::opt_bool")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "super::opt_string")]
        s: Option<String>,
        #[serde(default, deserialize_with = "super::vec_or_null")]
        v: Vec<String>,
    }

    #[test]
    fn accepts_strings_numbers_nulls_and_absence() {
        let t: T =
            serde_json::from_str(r#"{"i":"42","u":"4294967295","b":"False","s":64513,"v":null}"#)
                .unwrap();
        assert_eq!(
            (t.i, t.u, t.b, t.s.as_deref()),
            (Some(42), Some(4294967295), Some(false), Some("64513"))
        );
        assert!(t.v.is_empty());
        let t: T = serde_json::from_str(r#"{"i":null,"b":1,"u":"n/a"}"#).unwrap();
        assert_eq!((t.i, t.b, t.u), (None, Some(true), None));
        let t: T = serde_json::from_str("{}").unwrap();
        assert_eq!((t.i, t.b, t.s), (None, None, None));
    }
}
