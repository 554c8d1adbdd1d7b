//! Connections: every IPsec connection of both clouds with tunnel 1 and tunnel 2 side by side.
//! The filter form is a plain GET form, so the page works without JavaScript and every view is
//! a shareable link; the CSV link exports the same filtered set.

use crate::api::connections::{list_connections, ConnectionPage, ConnectionQuery};
use crate::components::connection_table::ConnectionTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.get();
        let get = |k: &str| p.get(k).filter(|v| !v.is_empty());
        ConnectionQuery {
            cloud: get("cloud"),
            account: get("account"),
            region: get("region"),
            state: get("state"),
            site: get("site"),
            q: get("q"),
            sort: get("sort"),
            page: get("page").and_then(|v| v.parse().ok()),
        }
    });
    let data = crate::resource::json_resource(move || query.get(), list_connections);
    view! {
        <Title text="Connections"/>
        <section class="connections">
            <h1>"Connections"</h1>
            <Transition fallback=|| view! { <p class="loading">"Loading connections…"</p> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    match data.await {
                        Ok(page) => view! { <Filters query=q.clone() page=page.clone()/> <Results query=q page=page/> }.into_any(),
                        Err(e) => view! { <p class="error">{format!("Connections unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filters(query: ConnectionQuery, page: ConnectionPage) -> impl IntoView {
    let option = move |value: &str, label: &str, current: &Option<String>| {
        let selected = current.as_deref() == Some(value);
        view! { <option value=value.to_string() selected=selected>{label.to_string()}</option> }
    };
    let select = move |name: &'static str,
                       label: &'static str,
                       values: Vec<(String, String)>,
                       current: Option<String>| {
        view! {
            <label>{label}
                <select name=name>
                    <option value="">"all"</option>
                    {values.iter().map(|(v, l)| option(v, l, &current)).collect_view()}
                </select>
            </label>
        }
    };
    let pairs = |v: Vec<String>| v.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>();
    let clouds = vec![
        ("aliyun".to_string(), "Alibaba Cloud".to_string()),
        ("huawei".to_string(), "Huawei Cloud".to_string()),
    ];
    let states = ["down", "partial", "pending", "unknown", "up"]
        .map(|s| (s.to_string(), s.to_string()))
        .to_vec();
    view! {
        <form method="get" action="/connections" class="filters" id="filters">
            {select("cloud", "Cloud", clouds, query.cloud.clone())}
            {select("account", "Account", pairs(page.accounts.clone()), query.account.clone())}
            {select("region", "Region", pairs(page.regions.clone()), query.region.clone())}
            {select("state", "State", states, query.state.clone())}
            <label>"Search"
                <input type="search" name="q" value=query.q.clone().unwrap_or_default() placeholder="name, id, site, IP"/>
            </label>
            {query.sort.clone().map(|s| view! { <input type="hidden" name="sort" value=s/> })}
            <button type="submit">"Apply"</button>
            <a href="/connections">"Reset"</a>
        </form>
    }
}

#[component]
fn Results(query: ConnectionQuery, page: ConnectionPage) -> impl IntoView {
    let ConnectionPage {
        rows,
        total,
        page: current,
        pages,
        ..
    } = page;
    let link = {
        let query = query.clone();
        move |p: i64| format!("/connections?{}", query.to_query_string(Some(p)))
    };
    let csv = format!("/connections.csv?{}", query.to_query_string(None));
    view! {
        <p class="summary" id="summary">
            {format!("{total} connection(s)")}
            {(pages > 1).then(|| format!(" · page {current} of {pages}"))}
            " · " <a href=csv id="csv-export" download="connections.csv">"Export CSV"</a>
        </p>
        <ConnectionTable rows=rows query=query.clone()/>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label="Pages">
                {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">"← Previous"</a> })}
                {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">"Next →"</a> })}
            </nav>
        })}
    }
}
