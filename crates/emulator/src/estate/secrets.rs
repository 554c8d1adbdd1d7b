//! Every secret value the estate holds: access key secrets, pre-shared keys, BGP auth keys.
//! The secret-scan tests search gatewatch's pages, JSON answers and logs for these strings;
//! they are found by walking the serialised wire types for secret-named fields, so a secret
//! field added to a wire type later is covered without touching this file.

use super::Estate;
use serde_json::Value;

/// Field names (lower case, `_` and `-` removed) that hold a secret in either cloud's wire
/// format.
const SECRET_FIELDS: &[&str] = &["psk", "authkey", "secret", "privatekey", "password"];

impl Estate {
    /// The distinct secret strings of the estate, longest first (a short secret that is part
    /// of a longer one is then reported under the longer one).
    pub fn secrets(&self) -> Vec<String> {
        let mut found = Vec::new();
        for account in &self.accounts {
            found.push(account.aliyun_key.secret.clone());
            found.push(account.huawei_key.secret.clone());
            for r in &account.aliyun {
                collect(&to_value(&r.connections), &mut found);
                collect(&to_value(&r.hybrid.bgp_groups), &mut found);
                collect(&to_value(&r.hybrid.bgp_peers), &mut found);
                collect(&to_value(&r.ssl_certs), &mut found);
            }
            for r in &account.huawei {
                collect(&to_value(&r.connections), &mut found);
            }
        }
        found.retain(|s| !s.is_empty());
        found.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        found.dedup();
        found
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("wire types serialise")
}

fn is_secret_field(name: &str) -> bool {
    let key: String = name
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    SECRET_FIELDS.iter().any(|f| key.ends_with(f))
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if is_secret_field(k) => out.push(s.clone()),
                    _ => collect(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::{generate, EstateSize};

    #[test]
    fn lists_keys_psks_and_bgp_auth_keys() {
        let estate = generate(7, EstateSize::toy());
        let secrets = estate.secrets();
        // Two access key secrets per account, a PSK per connection of each cloud, and the
        // BGP group's auth key.
        let (ali, hw) = estate.connection_counts();
        assert!(secrets.len() > 2 + ali + hw / 2, "{}", secrets.len());
        let key = &estate.accounts[0].aliyun_key.secret;
        assert!(secrets.contains(key));
        let psk = estate.accounts[0].huawei[0].connections[0]
            .psk
            .as_ref()
            .unwrap();
        assert!(secrets.contains(&psk.0));
        let auth = estate.accounts[0].aliyun[0].hybrid.bgp_groups[0]
            .auth_key
            .as_ref()
            .unwrap();
        assert!(secrets.contains(&auth.expose().to_string()));
    }

    #[test]
    fn field_names_match_both_spellings() {
        assert!(super::is_secret_field("Psk"));
        assert!(super::is_secret_field("AuthKey"));
        assert!(super::is_secret_field("auth_key"));
        assert!(super::is_secret_field("AccessKeySecret"));
        assert!(!super::is_secret_field("PskSet"));
        assert!(!super::is_secret_field("Name"));
    }
}
