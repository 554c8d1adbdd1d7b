//! JSON inputs for fuzzing response parsers: arbitrary values, and the real seed examples
//! (taken from the seed tests' own source text, so new seed tests are fuzzed too) mutated
//! the way a misbehaving cloud would — truncated, fields swapped between string / number /
//! bool / object / array, lists sent as one object, huge numbers, nesting past the parser's
//! depth limit, stray bytes.

use proptest::prelude::*;
use serde_json::{Map, Number, Value};

use super::mutate::{apply, damage, mutation, text_damage};

/// Every `r#"…"#` literal in `sources` that is a JSON document.
pub fn seeds_from_sources(sources: &[&str]) -> Vec<Value> {
    let mut out = Vec::new();
    for src in sources {
        let mut rest = *src;
        while let Some(start) = rest.find("r#\"") {
            let body = &rest[start + 3..];
            let Some(end) = body.find("\"#") else { break };
            if let Ok(v) = serde_json::from_str::<Value>(&body[..end]) {
                out.push(v);
            }
            rest = &body[end + 2..];
        }
    }
    out
}

/// Every object key used anywhere in `values`, sorted and unique: arbitrary objects built
/// from these reach the typed fields instead of only the `extra` catch-all.
pub fn keys_of(values: &[Value]) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                out.push(k.clone());
                walk(x, out);
            }),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    values.iter().for_each(|v| walk(v, &mut out));
    out.sort();
    out.dedup();
    out
}

/// Numbers at the edges of every integer and float type a wire field may use.
pub(super) fn edge_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            0i64,
            -1,
            1,
            i64::MIN,
            i64::MAX,
            u32::MAX as i64,
            u32::MAX as i64 + 1,
            i32::MIN as i64,
        ])
        .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(Value::from(1e308)),
        Just(Value::from(-1e308)),
        Just(Value::from(0.5)),
    ]
}

/// Strings that numeric, boolean, time and CIDR parsers choke on.
pub(super) fn edge_string() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,24}",
        prop::sample::select(vec![
            "",
            " ",
            "0",
            "-1",
            "1e999",
            "18446744073709551616",
            "NaN",
            "true",
            "True",
            "1",
            "null",
            "{",
            "{\"Psk\":\"x\"}",
            "[]",
            "2017-06-08T12:20Z",
            "9999-99-99T99:99:99Z",
            "10.0.0.0/33",
            "::/0",
            "主",
            "\u{0}",
            "%ZZ",
            "a\"b",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Arbitrary JSON whose object keys are drawn mostly from `keys`.
pub fn arb_json(keys: Vec<String>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        edge_number(),
        edge_string().prop_map(Value::String),
    ];
    let key = prop_oneof![3 => prop::sample::select(keys), 1 => "[A-Za-z_]{0,10}"];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..10)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}
/// A seed example, mutated up to 6 times, serialized and possibly damaged: the body bytes.
pub fn mutated_seed(seeds: Vec<Value>) -> impl Strategy<Value = Vec<u8>> {
    let n = seeds.len();
    (
        0..n,
        prop::collection::vec((any::<usize>(), mutation()), 0..6),
        text_damage(),
    )
        .prop_map(move |(i, muts, d)| {
            let mut doc = seeds[i].clone();
            for (at, m) in &muts {
                apply(&mut doc, *at, m);
            }
            damage(&doc.to_string(), &d)
        })
}

/// Any body: raw bytes, arbitrary JSON, or a mutated seed.
pub fn any_body(seeds: Vec<Value>) -> impl Strategy<Value = Vec<u8>> {
    let keys = keys_of(&seeds);
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..512),
        2 => arb_json(keys).prop_map(|v| v.to_string().into_bytes()),
        4 => mutated_seed(seeds),
    ]
}
