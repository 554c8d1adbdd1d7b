//! Routes: the conflict report first (grouped by severity, each finding explained), then
//! "which path carries IP x" (longest-prefix match across all tables, as a hop list), then
//! every route of every source in one filterable table. Every form is a plain GET form and
//! every view is a URL, so the page works without JavaScript.

use crate::api::routes_page::{list_routes, route_conflicts, trace_ip, RouteQuery};
use crate::components::route_findings::ConflictReportPanel;
use crate::components::route_table::RouteTablePanel;
use crate::components::route_trace::TracePanel;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The IP lookup as it appears in the URL (`ip`, optional `vpc`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceParams {
    pub ip: Option<String>,
    pub vpc: Option<String>,
}

#[component]
pub fn RoutesPage() -> impl IntoView {
    let params = use_query_map();
    let get = move |k: &str| params.with(|p| p.get(k).filter(|v| !v.trim().is_empty()));
    let query = Memo::new(move |_| RouteQuery {
        cloud: get("cloud"),
        account: get("account"),
        region: get("region"),
        source: get("source"),
        dest: get("dest"),
        page: get("page").and_then(|v| v.parse().ok()),
    });
    let lookup = Memo::new(move |_| TraceParams {
        ip: get("ip").map(|v| v.trim().to_string()),
        vpc: get("vpc").map(|v| v.trim().to_string()),
    });
    let report = crate::resource::json_resource(|| (), |_| route_conflicts());
    let routes = crate::resource::json_resource(move || query.get(), list_routes);
    let trace = crate::resource::json_resource(
        move || lookup.get(),
        |p: TraceParams| async move {
            match p.ip {
                Some(ip) => trace_ip(ip, p.vpc).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text="Routes"/>
        <section class="routes-page">
            <h1>"Routes"</h1>
            <p class="lead">
                "Every route source of both clouds — VPC tables, VPN destination and policy routes, "
                "BGP, Huawei connection and gateway routes — checked for conflicts, traced hop by hop "
                "and listed in one table."
            </p>
            <ConflictReportPanel report=report/>
            <TracePanel trace=trace lookup=lookup query=query report=report/>
            <RouteTablePanel routes=routes query=query lookup=lookup/>
        </section>
    }
}
