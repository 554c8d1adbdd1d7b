//! "Data as of …": how fresh the figures on a page are, said the same way on every page that
//! reads the synced store.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The oldest successful sync behind the page (`None`: nothing synced yet) and when the
/// server built the page.
#[component]
pub fn DataAsOf(as_of: Option<DateTime<Utc>>, generated_at: DateTime<Utc>) -> impl IntoView {
    let text = match as_of {
        Some(t) => format!("Data as of {} UTC", t.format("%Y-%m-%d %H:%M:%S")),
        None => "No data synced yet".to_string(),
    };
    view! {
        <p class="banner" id="data-as-of" role="status">
            <strong>{text}</strong>
            <span class="muted">{format!(" · page built {} UTC", generated_at.format("%H:%M:%S"))}</span>
        </p>
    }
}
