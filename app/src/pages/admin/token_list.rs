//! The listing both token pages show (wall tokens, API tokens): name, scope, expiry, status,
//! who made it and when it was last used, and a revoke form for each token not yet revoked.
//! The pages pass their own revoke form, since each posts to its own server function.

use super::refusal;
use crate::api::scoped_tokens::TokenRow;
use crate::error::AppError;
use crate::resource::JsonResource;
use leptos::prelude::*;

const STAMP: &str = "%Y-%m-%d %H:%M";

/// `revoke(id, label)` renders the revoke form of one token.
#[component]
pub fn TokenListing<F>(
    tokens: JsonResource<Result<Vec<TokenRow>, AppError>>,
    /// "API tokens", "wall tokens".
    plural: &'static str,
    /// What to say when there are none.
    empty: &'static str,
    table_id: &'static str,
    revoke: F,
) -> impl IntoView
where
    F: Fn(String, String) -> AnyView + Clone + Send + Sync + 'static,
{
    let loading = format!("Loading {plural}…");
    view! {
        <Transition fallback=move || view! { <p class="loading">{loading.clone()}</p> }>
            {move || {
                let revoke = revoke.clone();
                Suspend::new(async move {
                    match tokens.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{empty}</p> }.into_any(),
                        Ok(list) => token_table(list, table_id, &revoke).into_any(),
                    }
                })
            }}
        </Transition>
    }
}

fn token_table(
    list: Vec<TokenRow>,
    table_id: &'static str,
    revoke: &impl Fn(String, String) -> AnyView,
) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|t| {
            let status = t.status();
            let form = (!t.revoked).then(|| revoke(t.id.clone(), format!("Revoke {}", t.name)));
            let last_used = t
                .last_used_at
                .map(|d| d.format(STAMP).to_string())
                .unwrap_or_else(|| "never".into());
            let name = t.name.clone();
            view! {
                <tr data-token=name data-status=status>
                    <td>{t.name}</td>
                    <td>{t.scope}</td>
                    <td>{t.expires_at.format(STAMP).to_string()}</td>
                    <td><span class=format!("state state-{status}")>{status}</span></td>
                    <td>{t.created_by}</td>
                    <td>{last_used}</td>
                    <td>{form}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="grid" id=table_id>
            <thead><tr><th>"Name"</th><th>"Scope"</th><th>"Expires"</th><th>"Status"</th><th>"Created by"</th><th>"Last used"</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The scope part of both create forms: comma-separated lists, posted as the server functions'
/// `clouds`, `accounts`, `regions` and `sites`.
#[component]
pub fn ScopeFields() -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Scope (comma-separated; empty = everything)"</legend>
            <label>"Clouds" <input name="clouds" placeholder="aliyun, huawei"/></label>
            <label>"Accounts" <input name="accounts"/></label>
            <label>"Regions" <input name="regions" placeholder="cn-shanghai"/></label>
            <label>"Sites" <input name="sites"/></label>
        </fieldset>
    }
}
