//! The side panel of the topology: the selected node's kind, state (symbol and word, not
//! colour alone), place, facts and links to the pages that go deeper; for a collapsed group a
//! link that expands it; for a pinned node a button that lets it move again.

use super::topology_state::TopologyUi;
use crate::api::topology::NodeDetail;
use leptos::prelude::*;

fn mark(state: &str) -> &'static str {
    match state {
        "up" => "✓",
        "degraded" => "!",
        "down" => "✕",
        _ => "?",
    }
}

#[component]
pub fn TopologyPanel(details: Vec<NodeDetail>, expanded: Vec<String>) -> impl IntoView {
    let ui = expect_context::<TopologyUi>();
    let details = StoredValue::new(details);
    let expanded = StoredValue::new(expanded);
    let chosen = move || {
        let id = ui.selected.get()?;
        details.with_value(|d| d.iter().find(|n| n.id == id).cloned())
    };
    move || match chosen() {
        None => view! {
            <aside class="topology-panel" id="topology-panel">
                <p class="muted">"Select a node to see its details. Drag a node to pin it."</p>
            </aside>
        }
        .into_any(),
        Some(d) => {
            let expand = d.group.clone().map(|g| {
                let mut with: Vec<String> = expanded.get_value();
                with.push(g);
                view! { <p><a href=crate::pages::topology::link(&with) data-action="expand">"Expand this group"</a></p> }
            });
            let id = d.id.clone();
            let pin = if d.pinned {
                view! {
                    <p>
                        <span class="badge">"● pinned"</span>" "
                        <button id="unpin" on:click=move |_| ui.unpin.dispatch_and_refresh(vec![("id", id.clone())])>"Unpin"</button>
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="muted">"Drag it to pin it in place."</p> }.into_any()
            };
            view! {
                <aside class="topology-panel" id="topology-panel" aria-live="polite" data-id=d.id.clone()>
                    <button class="close" aria-label="Close the details" on:click=move |_| ui.selected.set(None)>"×"</button>
                    <h2>{d.label}</h2>
                    <p>
                        {d.kind}" · "
                        <span class=format!("badge {}", d.state)>{format!("{} {}", mark(&d.state), d.state)}</span>
                    </p>
                    {d.place.map(|p| view! { <p class="muted">{p}</p> })}
                    <dl class="facts">
                        {d.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                    <ul class="links">
                        {d.links.into_iter().map(|(text, href)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                    </ul>
                    {expand}
                    {pin}
                </aside>
            }
            .into_any()
        }
    }
}
