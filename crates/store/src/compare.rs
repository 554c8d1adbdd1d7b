//! The pure half of applying a snapshot: given a stored row (if any) and the incoming item,
//! what is added, which config fields changed and which states transitioned. Kept free of
//! SQL so the rules are unit-tested directly.

use crate::diff::{json_diff, FieldChange};
use crate::model::{Facet, ResourceItem, StateValue};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// What the store already knows of a resource.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OldRow {
    pub name: Option<String>,
    pub parent_id: Option<String>,
    pub state: StateValue,
    pub facets: BTreeMap<Facet, StateValue>,
    pub attrs: Value,
    pub gone: bool,
}

/// One state change; `facet: None` is the main state.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Transition {
    pub facet: Option<Facet>,
    pub old: Option<StateValue>,
    pub new: StateValue,
}

impl Transition {
    /// Token stored in `state_transition.facet`.
    pub fn facet_str(&self) -> &'static str {
        self.facet.map(Facet::as_str).unwrap_or("main")
    }
}

/// The outcome for one item.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Comparison {
    /// New, or back after being gone.
    pub added: bool,
    /// Config fields that changed (empty when added).
    pub config: Vec<FieldChange>,
    /// State changes (none for a resource seen for the first time: there is no "from").
    pub transitions: Vec<Transition>,
}

impl Comparison {
    /// Whether the main state changed (for `state_since`).
    pub fn main_state_changed(&self) -> bool {
        self.transitions.iter().any(|t| t.facet.is_none())
    }
    /// Whether anything the UI shows changed.
    pub fn is_change(&self) -> bool {
        !self.config.is_empty() || !self.transitions.is_empty()
    }
}

/// The comparable configuration of a row: name, owner and attributes without counters.
pub(crate) fn config_view(
    name: Option<&str>,
    parent_id: Option<&str>,
    attrs: &Value,
    volatile: &[&str],
) -> Value {
    let mut attrs = attrs.clone();
    if let Value::Object(m) = &mut attrs {
        for k in volatile {
            m.remove(*k);
        }
    }
    json!({ "name": name, "parent_id": parent_id, "attrs": attrs })
}

/// Compares a stored row with an incoming item whose attrs are `new_attrs`.
pub(crate) fn compare(old: Option<&OldRow>, item: &ResourceItem, new_attrs: &Value) -> Comparison {
    let Some(old) = old else {
        return Comparison {
            added: true,
            ..Comparison::default()
        };
    };
    let volatile = item.spec.volatile_fields();
    let before = config_view(
        old.name.as_deref(),
        old.parent_id.as_deref(),
        &old.attrs,
        volatile,
    );
    let after = config_view(
        item.name.as_deref(),
        item.parent_id.as_deref(),
        new_attrs,
        volatile,
    );
    let mut transitions = Vec::new();
    if item.state.is_transition_from(&old.state) {
        transitions.push(Transition {
            facet: None,
            old: Some(old.state.clone()),
            new: item.state.clone(),
        });
    }
    for (facet, new) in &item.facets {
        match old.facets.get(facet) {
            Some(prev) if !new.is_transition_from(prev) => {}
            prev => transitions.push(Transition {
                facet: Some(*facet),
                old: prev.cloned(),
                new: new.clone(),
            }),
        }
    }
    Comparison {
        added: old.gone,
        // A returning resource is reported as added; its config diff would be noise.
        config: if old.gone {
            Vec::new()
        } else {
            json_diff(&before, &after)
        },
        transitions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Spec, State, Tunnel};

    fn item(state: State, raw: &str) -> ResourceItem {
        let mut it = ResourceItem::new(
            "t-1",
            Spec::Tunnel(Tunnel {
                connection_id: "vco-1".into(),
                ..Tunnel::default()
            }),
            json!({}),
        );
        it.state = StateValue::new(state, Some(raw));
        it.facets
            .insert(Facet::Bgp, StateValue::new(State::Up, Some("success")));
        it
    }

    fn old_of(it: &ResourceItem) -> OldRow {
        OldRow {
            name: it.name.clone(),
            parent_id: it.parent_id.clone(),
            state: it.state.clone(),
            facets: it.facets.clone(),
            attrs: serde_json::to_value(&it.spec).unwrap(),
            gone: false,
        }
    }

    #[test]
    fn first_sight_is_added_without_transitions() {
        let it = item(State::Up, "ipsec_sa_established");
        let c = compare(None, &it, &serde_json::to_value(&it.spec).unwrap());
        assert!(c.added && c.transitions.is_empty() && c.config.is_empty());
    }

    #[test]
    fn state_and_facet_transitions() {
        let before = item(State::Up, "ipsec_sa_established");
        let mut now = item(State::Down, "ike_sa_not_established");
        now.facets
            .insert(Facet::Bgp, StateValue::new(State::Down, Some("false")));
        now.facets
            .insert(Facet::Health, StateValue::new(State::Down, Some("failed")));
        let attrs = serde_json::to_value(&now.spec).unwrap();
        let c = compare(Some(&old_of(&before)), &now, &attrs);
        assert!(!c.added && c.config.is_empty());
        let facets: Vec<_> = c.transitions.iter().map(Transition::facet_str).collect();
        assert_eq!(facets, vec!["main", "health", "bgp"]);
        assert!(c.transitions[1].old.is_none());
        assert!(c.main_state_changed());
    }

    #[test]
    fn config_change_and_return_from_gone() {
        let before = item(State::Up, "x");
        let mut now = before.clone();
        now.name = Some("renamed".into());
        let attrs = serde_json::to_value(&now.spec).unwrap();
        let c = compare(Some(&old_of(&before)), &now, &attrs);
        assert_eq!(c.config.len(), 1);
        assert_eq!(c.config[0].path, "name");
        let mut gone = old_of(&before);
        gone.gone = true;
        let c = compare(Some(&gone), &now, &attrs);
        assert!(c.added && c.config.is_empty());
    }

    #[test]
    fn volatile_fields_are_not_config() {
        let v = config_view(
            None,
            None,
            &json!({"connections": 3, "port": 1}),
            &["connections"],
        );
        assert_eq!(v["attrs"], json!({"port": 1}));
    }
}
