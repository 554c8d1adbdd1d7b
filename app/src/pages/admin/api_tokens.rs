//! Admin → API tokens: create a scoped, expiring bearer token for the JSON API (shown once),
//! see who made each and when it was last used, revoke.

use super::token_list::{ScopeFields, TokenListing};
use super::AdminTabs;
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
            <TokenListing tokens plural="API tokens" empty="No API tokens yet. Create one below for each script or tool; the API is described at /api/v1/openapi.json." table_id="api-tokens" revoke=move |id, label| view! {
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                </ActionForm>
            }.into_any()/>
            <h2>"Create an API token"</h2>
            <ActionForm action=create attr:class="stacked-form" attr:id="create-api-token">
                <label>"Name" <input name="name" required placeholder="inventory export"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="30" required/></label>
                <ScopeFields/>
                <button type="submit">"Create"</button>
            </ActionForm>
        </section>
    }
}
