//! Admin → Audit log: filter by action, actor, outcome and age (a GET form, so the filter is in
//! the URL), and export the filtered log as CSV.

use super::{refusal, AdminTabs};
use crate::api::audit::{list_audit, AuditQuery};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        AuditQuery {
            action: p.get("action"),
            actor: p.get("actor"),
            outcome: p.get("outcome"),
            window: p.get("window"),
        }
    };
    let page = crate::resource::json_resource(query, list_audit);
    let csv_href = move || {
        let q = query();
        format!(
            "/admin/audit.csv?{}",
            crate::url::query_string([
                ("action", q.action),
                ("actor", q.actor),
                ("outcome", q.outcome),
                ("window", q.window),
            ])
        )
    };
    view! {
        <Title text="Audit log"/>
        <section class="admin">
            <h1>"Audit log"</h1>
            <AdminTabs current="/admin/audit"/>
            <Transition fallback=|| view! { <p class="loading">"Loading the audit log…"</p> }>
                {move || Suspend::new(async move {
                    let q = query();
                    match page.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(p) => view! {
                            <form method="get" class="filters" id="audit-filters">
                                <label>"Action"
                                    <select name="action">
                                        <option value="">"any"</option>
                                        {p.actions.iter().map(|a| view! {
                                            <option value=a.clone() selected=q.action.as_deref() == Some(a.as_str())>{a.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label>"Actor" <input name="actor" value=q.actor.clone().unwrap_or_default()/></label>
                                <label>"Outcome"
                                    <select name="outcome">
                                        {["", "ok", "denied", "failed"].into_iter().map(|o| view! {
                                            <option value=o selected=q.outcome.as_deref().unwrap_or("") == o>{if o.is_empty() { "any" } else { o }}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label>"Since"
                                    <select name="window">
                                        {[("", "ever"), ("1h", "1 hour"), ("24h", "24 hours"), ("7d", "7 days"), ("30d", "30 days")].into_iter().map(|(v, l)| view! {
                                            <option value=v selected=q.window.as_deref().unwrap_or("") == v>{l}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                                <button type="submit">"Filter"</button>
                                <a class="button" id="audit-csv" href=csv_href download="audit.csv">"Export CSV"</a>
                            </form>
                            {if p.rows.is_empty() {
                                view! { <p class="empty">"No audit entries match this filter."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="grid" id="audit">
                                        <thead><tr><th>"When (UTC)"</th><th>"Actor"</th><th>"Address"</th><th>"Action"</th><th>"Target"</th><th>"Outcome"</th><th>"Detail"</th></tr></thead>
                                        <tbody>
                                            {p.rows.into_iter().map(|r| { let (action, outcome) = (r.action.clone(), r.outcome.clone()); view! {
                                                <tr data-action=action data-outcome=outcome>
                                                    <td>{r.at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
                                                    <td>{r.actor}</td>
                                                    <td>{r.address.unwrap_or_default()}</td>
                                                    <td>{r.action}</td>
                                                    <td>{r.target.unwrap_or_default()}</td>
                                                    <td><span class=format!("state state-{}", r.outcome)>{r.outcome.clone()}</span></td>
                                                    <td class="mono">{r.detail}</td>
                                                </tr>
                                            }}).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
