//! Admin pages: users, wall tokens, API tokens and the audit log. The server refuses every
//! admin server function to other roles; these pages only say so plainly instead of showing
//! empty tables.

pub mod accounts;
pub mod alert_deliveries;
pub mod alerts;
pub mod api_tokens;
pub mod audit;
pub mod sync;
mod token_list;
pub mod users;
pub mod walls;

use leptos::prelude::*;

/// The admin pages' shared header: links between them, the current one marked.
#[component]
pub fn AdminTabs(current: &'static str) -> impl IntoView {
    const TABS: &[(&str, &str)] = &[
        ("/admin/users", "Users"),
        ("/admin/accounts", "Cloud accounts"),
        ("/admin/sync", "Sync & retention"),
        ("/admin/walls", "Wall tokens"),
        ("/admin/api-tokens", "API tokens"),
        ("/admin/alerts", "Alerts"),
        ("/admin/audit", "Audit log"),
    ];
    view! {
        <nav class="tabs" aria-label="Admin">
            {TABS
                .iter()
                .map(|(href, label)| {
                    let here = *href == current;
                    view! {
                        <a href=*href aria-current=here.then_some("page")>{*label}</a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// An error from an admin server function, worded for the person looking at the page.
pub fn refusal(e: &crate::error::AppError) -> String {
    use crate::error::AppError;
    match e {
        AppError::Unauthorized => "Sign in as an admin to see this page.".into(),
        AppError::Forbidden => "Only admins may see this page.".into(),
        other => other.to_string(),
    }
}
