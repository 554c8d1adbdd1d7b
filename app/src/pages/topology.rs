//! Topology: the connectivity graph drawn on the server (readable without JavaScript); an
//! island adds pan, zoom, selection with a side panel, drag to pin and export; saved layouts
//! are forms.
//! Groups expand and collapse by links, so the expansion is the URL; pins live in the session.

use crate::api::topology::{get_topology, NodeDetail, TopologyView};
use crate::components::topology_canvas::TopologyCanvas;
use crate::components::topology_export::TopologyExport;
use crate::components::topology_layouts::TopologyLayouts;
use crate::components::topology_panel::TopologyPanel;
use crate::components::topology_state::TopologyUi;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The page with exactly `expanded` groups open.
pub fn link(expanded: &[String]) -> String {
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
    let view = crate::resource::json_resource(move || expand.get(), get_topology);
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
            <TopologyLayouts/>
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
        details,
        pinned,
    } = view;
    if total_nodes == 0 {
        return view! { <p class="empty">"Nothing to draw yet: no cloud account has been synced."</p> }.into_any();
    }
    let summary = if nodes < total_nodes {
        format!("{nodes} of {total_nodes} nodes shown, {edges} edges — groups are collapsed; expand them below")
    } else {
        format!("{nodes} nodes, {edges} edges")
    };
    let json_href = crate::api::topology_export::link(&expanded);
    view! {
        <p class="summary" id="topology-summary">{summary}</p>
        <TopologyWorkbench json_href pinned details expanded=expanded.clone()>
            // The SVG is produced by `layout::svg::render`, which escapes every text it writes.
            <div class="drawing" inner_html=svg></div>
        </TopologyWorkbench>
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

/// The interactive part of the page: the toolbar, the drawing (as children: the server's SVG)
/// and the side panel, sharing the shown rectangle and the selection.
#[island]
fn TopologyWorkbench(
    json_href: String,
    pinned: usize,
    details: Vec<NodeDetail>,
    expanded: Vec<String>,
    children: Children,
) -> impl IntoView {
    let ui = TopologyUi::new();
    provide_context(ui);
    view! {
        <div class="topology-toolbar" role="toolbar" aria-label="Drawing">
            <button id="zoom-in" aria-label="Zoom in" on:click=move |_| ui.zoom_in()>"+"</button>
            <button id="zoom-out" aria-label="Zoom out" on:click=move |_| ui.zoom_out()>"−"</button>
            <button id="zoom-reset" on:click=move |_| ui.reset()>"Whole drawing"</button>
            " "
            <span class="muted" id="pinned-count">{format!("{pinned} pinned")}</span>
            " "
            <button id="unpin-all" disabled=pinned == 0 on:click=move |_| ui.unpin_all.dispatch_and_refresh(Vec::new())>"Unpin all"</button>
            " "
            <TopologyExport json_href/>
        </div>
        <div class="topology-canvas">
            <TopologyCanvas>{children()}</TopologyCanvas>
            <TopologyPanel details expanded/>
        </div>
    }
}
