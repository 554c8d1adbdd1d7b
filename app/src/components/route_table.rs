//! Every route of every source in one table, filtered on the server by cloud, account,
//! region, source and destination text through a GET form, and paged with plain links.

use crate::api::routes_page::{source_label, RoutePage, RouteQuery, RouteRow, SOURCES};
use crate::components::rollups::cloud_label;
use crate::error::AppError;
use crate::pages::routes::TraceParams;
use leptos::prelude::*;

#[component]
pub fn RouteTablePanel(
    routes: crate::resource::JsonResource<Result<RoutePage, AppError>>,
    query: Memo<RouteQuery>,
    lookup: Memo<TraceParams>,
) -> impl IntoView {
    view! {
        <section class="panel route-list" aria-labelledby="routes-title">
            <h2 id="routes-title">"All routes"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading routes…"</p> }>
                {move || Suspend::new(async move {
                    let (q, l) = (query.get_untracked(), lookup.get_untracked());
                    match routes.await {
                        Ok(page) => view! {
                            <Filters query=q.clone() page=page.clone() lookup=l.clone()/>
                            <Results query=q page=page lookup=l/>
                        }.into_any(),
                        Err(e) => view! { <p class="error">{format!("Routes unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filters(query: RouteQuery, page: RoutePage, lookup: TraceParams) -> impl IntoView {
    let select = move |name: &'static str,
                       label: &'static str,
                       values: Vec<(String, String)>,
                       current: Option<String>| {
        view! {
            <label>{label}
                <select name=name>
                    <option value="">"all"</option>
                    {values.into_iter().map(|(v, l)| {
                        let selected = current.as_deref() == Some(v.as_str());
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let pairs = |v: Vec<String>| v.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>();
    let clouds = ["aliyun", "huawei"]
        .map(|c| (c.to_string(), cloud_label(c).to_string()))
        .to_vec();
    let sources = SOURCES
        .map(|(t, l)| (t.to_string(), l.to_string()))
        .to_vec();
    view! {
        <form method="get" action="/routes" class="filters" id="route-filters">
            {select("cloud", "Cloud", clouds, query.cloud.clone())}
            {select("account", "Account", pairs(page.accounts.clone()), query.account.clone())}
            {select("region", "Region", pairs(page.regions.clone()), query.region.clone())}
            {select("source", "Source", sources, query.source.clone())}
            <label>"Destination"
                <input type="search" name="dest" value=query.dest.clone().unwrap_or_default()
                    placeholder="CIDR, table, next hop"/>
            </label>
            {lookup.ip.map(|v| view! { <input type="hidden" name="ip" value=v/> })}
            {lookup.vpc.map(|v| view! { <input type="hidden" name="vpc" value=v/> })}
            <button type="submit">"Apply"</button>
            <a href="/routes">"Reset"</a>
        </form>
    }
}

#[component]
fn Results(query: RouteQuery, page: RoutePage, lookup: TraceParams) -> impl IntoView {
    let RoutePage {
        rows,
        total,
        page: current,
        pages,
        ..
    } = page;
    let extra: String = [("ip", lookup.ip), ("vpc", lookup.vpc)]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("&{k}={}", v.replace(['&', '#', ' '], ""))))
        .collect();
    let link = move |p: i64| format!("/routes?{}{extra}", query.to_query_string(Some(p)));
    view! {
        <p class="summary" id="route-summary">
            {format!("{total} route(s)")}
            {(pages > 1).then(|| format!(" · page {current} of {pages}"))}
        </p>
        {if rows.is_empty() {
            view! { <p class="empty" id="no-routes">"No route matches these filters."</p> }.into_any()
        } else {
            view! { <RouteTable rows=rows/> }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label="Pages">
                {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">"← Previous"</a> })}
                {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">"Next →"</a> })}
            </nav>
        })}
    }
}

#[component]
fn RouteTable(rows: Vec<RouteRow>) -> impl IntoView {
    view! {
        <table class="grid" id="routes">
            <thead>
                <tr>
                    <th>"Destination"</th><th>"Source"</th><th>"Table"</th><th>"Next hop"</th>
                    <th>"Weight"</th><th>"Published"</th><th>"State"</th><th>"Where"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let published = match r.published { Some(true) => "yes", Some(false) => "no", None => "—" };
                    view! {
                        <tr data-source=r.source.clone()>
                            <td><code>{r.destination}</code></td>
                            <td>{source_label(&r.source)}</td>
                            <td><code>{r.table}</code></td>
                            <td>
                                <code>{r.next_hop.unwrap_or_else(|| "—".into())}</code>
                                {r.next_hop_type.map(|t| view! { <div class="muted">{t}</div> })}
                            </td>
                            <td>{r.weight.map(|w| w.to_string()).unwrap_or_else(|| "—".into())}</td>
                            <td>{published}</td>
                            <td><span class=format!("badge {}", r.state)>{r.state.clone()}</span></td>
                            <td>{cloud_label(&r.cloud)}<div class="muted">{format!("{} · {}", r.account, r.region)}</div></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
