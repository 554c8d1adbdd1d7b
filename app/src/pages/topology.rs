//! Topology: the connectivity graph drawn on the server (readable without JavaScript).
//! Groups expand and collapse by links, so the state of the view is its URL.

use crate::api::topology::{get_topology, TopologyView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn link(expanded: &[String]) -> String {
    if expanded.is_empty() {
        // An explicit empty expansion: everything collapsed (no parameter means "automatic").
        return "/topology?expand=".to_string();
    }
    format!(
        "/topology?{}",
        crate::url::query_string(expanded.iter().map(|g| ("expand", Some(g.clone()))))
    )
}

#[component]
pub fn TopologyPage() -> impl IntoView {
    let params = use_query_map();
    let expand = Memo::new(move |_| params.get().get_all("expand"));
    let view = Resource::new(move || expand.get(), get_topology);
    view! {
        <Title text="Topology"/>
        <section class="topology">
            <h1>"Topology"</h1>
            <Transition fallback=|| view! { <p class="loading">"Laying out the graph…"</p> }>
                {move || Suspend::new(async move {
                    match view.await {
                        Ok(v) => view! { <Drawing view=v/> }.into_any(),
                        Err(e) => view! { <p class="error">{format!("The topology is unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Drawing(view: TopologyView) -> impl IntoView {
    let TopologyView {
        svg,
        nodes,
        edges,
        total_nodes,
        groups,
        expanded,
    } = view;
    if total_nodes == 0 {
        return view! { <p class="empty">"Nothing to draw yet: no cloud account has been synced."</p> }.into_any();
    }
    let summary = if nodes < total_nodes {
        format!("{nodes} of {total_nodes} nodes shown, {edges} edges — groups are collapsed; expand them below")
    } else {
        format!("{nodes} nodes, {edges} edges")
    };
    view! {
        <p class="summary" id="topology-summary">{summary}</p>
        // The SVG is produced by `layout::svg::render`, which escapes every text it writes.
        <div class="graph" id="graph" inner_html=svg></div>
        <h2>"Groups"</h2>
        <ul class="groups" id="groups">
            {groups.into_iter().map(|g| {
                let toggled: Vec<String> = if g.expanded {
                    expanded.iter().filter(|e| **e != g.name).cloned().collect()
                } else {
                    expanded.iter().cloned().chain([g.name.clone()]).collect()
                };
                let action = if g.expanded { "collapse" } else { "expand" };
                view! {
                    <li>
                        <a href=link(&toggled) data-action=action>{format!("{action} ")}</a>
                        {g.name} <span class="muted">{format!(" ({} nodes)", g.members)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
