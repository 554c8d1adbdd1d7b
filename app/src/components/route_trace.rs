//! "Which path carries IP x": a GET form (`ip`, optional `vpc`) and the resulting hop list —
//! table → gateway → connection → tunnel → site, or VBR → leased line — with why each hop
//! matched and how the lookup ended.

use crate::api::routes_page::{token_label, ConflictReport, HopRow, RouteQuery, TraceResult};
use crate::error::AppError;
use crate::pages::routes::TraceParams;
use leptos::prelude::*;

/// Hidden inputs that carry the route filters through the lookup form.
pub fn keep_filters(query: &RouteQuery) -> impl IntoView {
    [
        ("cloud", query.cloud.clone()),
        ("account", query.account.clone()),
        ("region", query.region.clone()),
        ("source", query.source.clone()),
        ("dest", query.dest.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| view! { <input type="hidden" name=k value=v/> }))
    .collect_view()
}

#[component]
pub fn TracePanel(
    trace: crate::resource::JsonResource<Result<Option<TraceResult>, AppError>>,
    lookup: Memo<TraceParams>,
    query: Memo<RouteQuery>,
    /// The page's conflict report, for the VPCs the form suggests.
    report: crate::resource::JsonResource<Result<ConflictReport, AppError>>,
) -> impl IntoView {
    view! {
        <section class="panel trace" id="trace-panel" aria-labelledby="trace-title">
            <h2 id="trace-title">"Which path carries IP x"</h2>
            {move || {
                let p = lookup.get();
                view! {
                    <form method="get" action="/routes" class="filters" id="trace-form">
                        <label>"IP address"
                            <input type="text" name="ip" required=true value=p.ip.unwrap_or_default()
                                placeholder="192.168.10.7" inputmode="decimal"/>
                        </label>
                        <label>"From VPC (optional)"
                            <input type="text" name="vpc" list="trace-vpcs" value=p.vpc.unwrap_or_default() placeholder="vpc-…"/>
                        </label>
                        {keep_filters(&query.get())}
                        <button type="submit">"Trace"</button>
                    </form>
                }
            }}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    report.await.ok().map(|r| view! {
                        <datalist id="trace-vpcs">
                            {r.vpcs.into_iter().map(|v| view! { <option value=v.id>{v.label}</option> }).collect_view()}
                        </datalist>
                    })
                })}
            </Transition>
            <Transition fallback=|| view! { <p class="loading">"Tracing…"</p> }>
                {move || Suspend::new(async move {
                    match trace.await {
                        Ok(Some(t)) => view! { <TraceView trace=t/> }.into_any(),
                        Ok(None) => view! {
                            <p class="muted" id="trace-hint">
                                "Enter an address: the longest-prefix match is followed across every table "
                                "until the packet reaches a site, a leased line or an instance. Without a VPC "
                                "the lookup starts at the table with the most specific match."
                            </p>
                        }.into_any(),
                        Err(e) => view! { <p class="error" id="trace-error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn TraceView(trace: TraceResult) -> impl IntoView {
    let from = trace
        .vpc
        .clone()
        .map(|v| format!(" from {v}"))
        .unwrap_or_default();
    let class = if trace.delivered {
        "outcome delivered"
    } else {
        "outcome failed"
    };
    view! {
        <p class="summary">{format!("Path for {}{from}:", trace.ip)}</p>
        {if trace.hops.is_empty() {
            view! { <p class="empty">"No table has a route for this address."</p> }.into_any()
        } else {
            view! {
                <ol class="hops" id="trace">
                    {trace.hops.into_iter().map(|h| view! { <HopItem hop=h/> }).collect_view()}
                </ol>
            }.into_any()
        }}
        <p class=class id="trace-outcome">{trace.outcome}</p>
    }
}

#[component]
fn HopItem(hop: HopRow) -> impl IntoView {
    view! {
        <li class="hop" data-kind=hop.kind.clone() data-id=hop.id.clone()>
            <span class="hop-kind">{token_label(&hop.kind)}</span>
            " " <code>{hop.id.clone()}</code>
            {hop.matched.map(|m| view! { <span class="muted">{format!(" matched {m}")}</span> })}
            {(!hop.why.is_empty()).then(|| view! { <div class="why">{hop.why}</div> })}
        </li>
    }
}
