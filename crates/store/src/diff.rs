//! Field-level diff of two JSON values, for "what changed since yesterday". Objects are
//! walked key by key; arrays and scalars compare as whole values, because a reordered CIDR
//! list element-by-element would read as many changes where the user sees one.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What happened to one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Present only in the new value.
    Added,
    /// Present only in the old value.
    Removed,
    /// Present in both, different.
    Changed,
}

/// One changed field, addressed by a dotted path (`ike.enc_alg`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Dotted path from the root; empty for the root itself.
    pub path: String,
    /// Kind of change.
    pub change: ChangeKind,
    /// Old value (absent for added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// New value (absent for removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// The changes from `old` to `new`, sorted by path. Null fields count as absent, so an
/// optional field turning from `null` into a value reads as "added".
pub fn json_diff(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    walk("", old, new, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn walk(path: &str, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            // Null old fields are skipped here: the second loop reports them as added.
            for (k, va) in a.iter().filter(|(_, v)| !v.is_null()) {
                match b.get(k).filter(|v| !v.is_null()) {
                    Some(vb) => walk(&join(path, k), va, vb, out),
                    None => out.push(FieldChange {
                        path: join(path, k),
                        change: ChangeKind::Removed,
                        old: Some(va.clone()),
                        new: None,
                    }),
                }
            }
            for (k, vb) in b {
                if !vb.is_null() && a.get(k).is_none_or(Value::is_null) {
                    out.push(FieldChange {
                        path: join(path, k),
                        change: ChangeKind::Added,
                        old: None,
                        new: Some(vb.clone()),
                    });
                }
            }
        }
        (a, b) if a != b => out.push(FieldChange {
            path: path.to_owned(),
            change: ChangeKind::Changed,
            old: Some(a.clone()),
            new: Some(b.clone()),
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_values_have_no_changes() {
        let v = json!({"a": 1, "b": {"c": [1, 2]}});
        assert!(json_diff(&v, &v).is_empty());
    }

    #[test]
    fn nested_added_removed_changed() {
        let old = json!({"name": "a", "ike": {"enc": "aes", "pfs": "group2"}, "gone": 1});
        let new = json!({"name": "b", "ike": {"enc": "aes256", "pfs": "group2", "life": 86400}});
        let d = json_diff(&old, &new);
        let paths: Vec<_> = d.iter().map(|c| (c.path.as_str(), c.change)).collect();
        assert_eq!(
            paths,
            vec![
                ("gone", ChangeKind::Removed),
                ("ike.enc", ChangeKind::Changed),
                ("ike.life", ChangeKind::Added),
                ("name", ChangeKind::Changed),
            ]
        );
        assert_eq!(d[1].old, Some(json!("aes")));
        assert_eq!(d[1].new, Some(json!("aes256")));
    }

    #[test]
    fn arrays_compare_whole_and_null_is_absent() {
        let d = json_diff(
            &json!({"p": ["a", "b"], "x": null}),
            &json!({"p": ["b", "a"], "x": 3}),
        );
        assert_eq!(d.len(), 2);
        assert_eq!(
            (d[0].path.as_str(), d[0].change),
            ("p", ChangeKind::Changed)
        );
        assert_eq!((d[1].path.as_str(), d[1].change), ("x", ChangeKind::Added));
        assert!(json_diff(&json!({"x": null}), &json!({})).is_empty());
    }

    #[test]
    fn type_change_at_root() {
        let d = json_diff(&json!(1), &json!("1"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "");
    }
}
