//! Admin → API tokens: create a scoped, expiring bearer token for the JSON API (shown once),
//! see who made each and when it was last used, revoke.

use super::token_list::{ScopeFields, TokenListing};
use super::AdminTabs;
use crate::api::api_tokens::{list_api_tokens, CreateApiToken, RevokeApiToken};
use crate::components::server_form::{url_of, Answer, ServerForm};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let tokens = crate::resource::json_resource(|| (), |_| list_api_tokens());
    view! {
        <Title text="API tokens"/>
        <section class="admin">
            <h1>"API tokens"</h1>
            <AdminTabs current="/admin/api-tokens"/>
            <TokenListing tokens plural="API tokens" empty="No API tokens yet. Create one below for each script or tool; the API is described at /api/v1/openapi.json." table_id="api-tokens" revoke=move |id, label| view! {
                <ServerForm action={url_of::<RevokeApiToken>()} done={"Token revoked.".to_string()} class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                </ServerForm>
            }.into_any()/>
            <h2>"Create an API token"</h2>
            <ServerForm action={url_of::<CreateApiToken>()} answer=Answer::NewApiToken class={"stacked-form".to_string()} id={"create-api-token".to_string()}>
                <label>"Name" <input name="name" required placeholder="inventory export"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="30" required/></label>
                <ScopeFields/>
                <button type="submit">"Create"</button>
            </ServerForm>
        </section>
    }
}
