//! What a misbehaving cloud does to a document: a node replaced by another type, turned
//! into a string, a list sent as its one element, a key dropped, extra nesting; and to its
//! text: cut short, a byte overwritten, buried in brackets past the parser's depth limit.

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::json::{edge_number, edge_string};

/// One change to one node of a document (the node is picked by `at` in pre-order).
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Replace the node by a value of another type.
    Replace(Value),
    /// A scalar as its string form, a container as its JSON text (config-as-string).
    Stringify,
    /// A list sent as its first element (the single-element quirk), an object as `[it]`.
    ListAsObject,
    /// Drop one key of an object.
    RemoveKey(usize),
    /// Wrap the node in `depth` arrays.
    Nest(usize),
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let other = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        edge_number(),
        edge_string().prop_map(Value::String),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(Map::new())),
    ];
    prop_oneof![
        3 => other.prop_map(Mutation::Replace),
        2 => Just(Mutation::Stringify),
        2 => Just(Mutation::ListAsObject),
        2 => any::<usize>().prop_map(Mutation::RemoveKey),
        1 => (1usize..40).prop_map(Mutation::Nest),
    ]
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(m) => m.values().map(count).sum(),
        _ => 0,
    }
}

fn node_mut(v: &mut Value, at: usize) -> &mut Value {
    if at == 0 || !(v.is_array() || v.is_object()) {
        return v;
    }
    let mut at = at - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(a) => a.iter_mut().collect(),
        Value::Object(m) => m.values_mut().collect(),
        _ => Vec::new(),
    };
    for child in children {
        let size = count(child);
        if at < size {
            return node_mut(child, at);
        }
        at -= size;
    }
    unreachable!("`at` is below the node count")
}

/// Applies `m` to the node `at` (modulo the node count) of `doc`.
pub fn apply(doc: &mut Value, at: usize, m: &Mutation) {
    let at = at % count(doc);
    let node = node_mut(doc, at);
    let old = std::mem::take(node);
    *node = match m {
        Mutation::Replace(v) => v.clone(),
        Mutation::Stringify => match old {
            Value::String(s) => Value::String(s),
            other => Value::String(other.to_string().trim_matches('"').to_owned()),
        },
        Mutation::ListAsObject => match old {
            Value::Array(mut a) if !a.is_empty() => a.swap_remove(0),
            other => Value::Array(vec![other]),
        },
        Mutation::RemoveKey(i) => match old {
            Value::Object(mut map) if !map.is_empty() => {
                let key = map.keys().nth(i % map.len()).cloned().unwrap_or_default();
                map.remove(&key);
                Value::Object(map)
            }
            other => other,
        },
        Mutation::Nest(depth) => (0..*depth).fold(old, |v, _| Value::Array(vec![v])),
    };
}

/// Damage to the serialized text: cut it short, overwrite a byte, or bury it in brackets.
#[derive(Debug, Clone)]
pub enum TextDamage {
    None,
    Truncate(usize),
    Overwrite(usize, u8),
    DeepNest(usize),
}

pub fn text_damage() -> impl Strategy<Value = TextDamage> {
    prop_oneof![
        4 => Just(TextDamage::None),
        2 => any::<usize>().prop_map(TextDamage::Truncate),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| TextDamage::Overwrite(i, b)),
        1 => (100usize..5000).prop_map(TextDamage::DeepNest),
    ]
}

/// The response body a damaged document arrives as (bytes; lossy UTF-8 where text is needed).
pub fn damage(text: &str, d: &TextDamage) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    match *d {
        TextDamage::None => {}
        TextDamage::Truncate(i) => bytes.truncate(i % (bytes.len() + 1)),
        TextDamage::Overwrite(i, b) if !bytes.is_empty() => {
            let at = i % bytes.len();
            bytes[at] = b;
        }
        TextDamage::Overwrite(..) => {}
        TextDamage::DeepNest(depth) => {
            let mut nested = vec![b'['; depth];
            nested.extend_from_slice(&bytes);
            nested.extend(std::iter::repeat_n(b']', depth));
            bytes = nested;
        }
    }
    bytes
}
