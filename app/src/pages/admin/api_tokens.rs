//! Admin → API tokens: create a scoped, expiring bearer token for the JSON API (shown once),
//! see who made each and when it was last used, revoke.

use super::{refusal, AdminTabs};
use crate::api::api_tokens::{list_api_tokens, CreateApiToken, RevokeApiToken};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = crate::resource::json_resource(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    let created = move || {
        match create.value().get() {
        Some(Ok(c)) => {
            view! {
                <div class="notice" id="created-api-token" role="status">
                    <p>{format!("API token “{}” created. Copy it now; it is shown only once. Send it as 'Authorization: Bearer <token>':", c.name)}</p>
                    <p><code id="api-token">{c.token}</code></p>
                </div>
            }
            .into_any()
        }
        Some(Err(e)) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        None => ().into_any(),
    }
    };
    view! {
        <Title text="API tokens"/>
        <section class="admin">
            <h1>"API tokens"</h1>
            <AdminTabs current="/admin/api-tokens"/>
            {created}
            <Transition fallback=|| view! { <p class="loading">"Loading API tokens…"</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">"No API tokens yet. Create one below for each script or tool; the API is described at /api/v1/openapi.json."</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <table class="grid" id="api-tokens">
                                <thead><tr><th>"Name"</th><th>"Scope"</th><th>"Expires"</th><th>"Status"</th><th>"Created by"</th><th>"Last used"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|t| {
                                        let status = if t.revoked { "revoked" } else if t.expired { "expired" } else { "active" };
                                        let revocable = !t.revoked;
                                        let label = format!("Revoke {}", t.name);
                                        let id = t.id.clone();
                                        view! {
                                            <tr data-api-token=t.name.clone() data-status=status>
                                                <td>{t.name.clone()}</td>
                                                <td>{t.scope}</td>
                                                <td>{t.expires_at.format("%Y-%m-%d %H:%M").to_string()}</td>
                                                <td><span class=format!("state state-{status}")>{status}</span></td>
                                                <td>{t.created_by}</td>
                                                <td>{t.last_used_at.map(|d| d.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "never".into())}</td>
                                                <td>
                                                    {revocable.then(|| view! {
                                                        <ActionForm action=revoke attr:class="inline-form">
                                                            <input type="hidden" name="id" value=id/>
                                                            <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                                                        </ActionForm>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Create an API token"</h2>
            <ActionForm action=create attr:class="stacked-form" attr:id="create-api-token">
                <label>"Name" <input name="name" required placeholder="inventory export"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="30" required/></label>
                <fieldset>
                    <legend>"Scope (comma-separated; empty = everything)"</legend>
                    <label>"Clouds" <input name="clouds" placeholder="aliyun, huawei"/></label>
                    <label>"Accounts" <input name="accounts"/></label>
                    <label>"Regions" <input name="regions" placeholder="cn-shanghai"/></label>
                    <label>"Sites" <input name="sites"/></label>
                </fieldset>
                <button type="submit">"Create"</button>
            </ActionForm>
        </section>
    }
}
