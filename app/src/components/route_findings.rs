//! The conflict report: findings grouped by severity (errors first), each with the rule that
//! found it, its explanation and the ids of the objects involved; plus how many values the
//! analysis had to leave out because their CIDR did not parse.

use crate::api::routes_page::{token_label, ConflictReport, FindingRow};
use crate::error::AppError;
use leptos::prelude::*;

const GROUPS: [(&str, &str); 3] = [
    ("error", "Errors"),
    ("warning", "Warnings"),
    ("info", "Information"),
];

#[component]
pub fn ConflictReportPanel(
    report: crate::resource::JsonResource<Result<ConflictReport, AppError>>,
) -> impl IntoView {
    view! {
        <section class="panel conflicts" id="conflicts" aria-labelledby="conflicts-title">
            <h2 id="conflicts-title">"Conflict report"</h2>
            <Transition fallback=|| view! { <p class="loading">"Analysing routes…"</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok(r) => view! { <Report report=r/> }.into_any(),
                        Err(e) => view! { <p class="error">{format!("Conflict report unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Report(report: ConflictReport) -> impl IntoView {
    let skipped = report
        .skipped
        .iter()
        .map(|(what, n)| view! { <li>{format!("{n} {what} could not be analysed: bad CIDR")}</li> })
        .collect_view();
    let notice = (!report.skipped.is_empty())
        .then(|| view! { <ul class="notice skipped" id="skipped">{skipped}</ul> });
    if report.routes == 0 {
        return view! {
            {notice}
            <p class="empty" id="no-findings">
                "No routes are stored yet: the report fills once the sync engine has crawled an account."
            </p>
        }
        .into_any();
    }
    let summary = format!(
        "{} finding(s) in {} route(s).",
        report.findings.len(),
        report.routes
    );
    if report.findings.is_empty() {
        return view! {
            {notice}
            <p class="empty" id="no-findings">{format!("No conflicts found in {} route(s).", report.routes)}</p>
        }
        .into_any();
    }
    let groups = GROUPS
        .iter()
        .filter_map(|(severity, title)| {
            let items: Vec<FindingRow> = report
                .findings
                .iter()
                .filter(|f| f.severity == *severity)
                .cloned()
                .collect();
            (!items.is_empty()).then(|| {
                view! {
                    <section class=format!("severity {severity}") data-severity=*severity>
                        <h3>{format!("{title} ({})", items.len())}</h3>
                        <ul class="findings">
                            {items.into_iter().map(|f| view! { <Finding finding=f/> }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view();
    view! {
        {notice}
        <p class="summary" id="findings-summary">{summary}</p>
        {groups}
    }
    .into_any()
}

#[component]
fn Finding(finding: FindingRow) -> impl IntoView {
    view! {
        <li class="finding" data-kind=finding.kind.clone()>
            <span class=format!("badge {}", finding.severity)>{token_label(&finding.kind)}</span>
            <p class="explanation">{finding.message}</p>
            <p class="objects muted">
                {finding.objects.into_iter().map(|o| view! { <code>{o}</code>" " }).collect_view()}
            </p>
        </li>
    }
}
