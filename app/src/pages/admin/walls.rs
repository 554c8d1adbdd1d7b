//! Admin → Wall tokens: create a scoped, expiring link for a NOC screen (shown once), see who
//! made each and when it was last used, revoke.

use super::token_list::{ScopeFields, TokenListing};
use super::AdminTabs;
use crate::api::wall_tokens::{list_wall_tokens, CreateWallToken, RevokeWallToken};
use crate::components::server_form::{url_of, Answer, ServerForm};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn WallTokensPage() -> impl IntoView {
    let tokens = crate::resource::json_resource(|| (), |_| list_wall_tokens());
    view! {
        <Title text="Wall tokens"/>
        <section class="admin">
            <h1>"Wall tokens"</h1>
            <AdminTabs current="/admin/walls"/>
            <TokenListing tokens plural="wall tokens" empty="No wall tokens yet. Create one below for each screen." table_id="wall-tokens" revoke=move |id, label| view! {
                <ServerForm action={url_of::<RevokeWallToken>()} done={"Token revoked.".to_string()} class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                </ServerForm>
            }.into_any()/>
            <h2>"Create a wall token"</h2>
            <ServerForm action={url_of::<CreateWallToken>()} answer=Answer::NewWall class={"stacked-form".to_string()} id={"create-wall".to_string()}>
                <label>"Name" <input name="name" required placeholder="NOC left screen"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="90" required/></label>
                <ScopeFields/>
                <button type="submit">"Create"</button>
            </ServerForm>
        </section>
    }
}
