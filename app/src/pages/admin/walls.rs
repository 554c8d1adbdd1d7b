//! Admin → Wall tokens: create a scoped, expiring link for a NOC screen (shown once), see who
//! made each and when it was last used, revoke.

use super::token_list::{ScopeFields, TokenListing};
use super::AdminTabs;
use crate::api::wall_tokens::{list_wall_tokens, CreateWallToken, RevokeWallToken};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn WallTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateWallToken>::new();
    let revoke = ServerAction::<RevokeWallToken>::new();
    let tokens = crate::resource::json_resource(
        move || (create.version().get(), revoke.version().get()),
        |_| list_wall_tokens(),
    );
    let created = move || match create.value().get() {
        Some(Ok(c)) => {
            let (href, text) = (c.path.clone(), c.path.clone());
            view! {
                <div class="notice" id="created-wall" role="status">
                    <p>{format!("Wall “{}” created. Open this link on the wall's screen; it is shown only now:", c.name)}</p>
                    <p><a id="wall-link" href=href target="_blank" rel="noopener">{text}</a></p>
                </div>
            }
            .into_any()
        }
        Some(Err(e)) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        None => ().into_any(),
    };
    view! {
        <Title text="Wall tokens"/>
        <section class="admin">
            <h1>"Wall tokens"</h1>
            <AdminTabs current="/admin/walls"/>
            {created}
            <TokenListing tokens plural="wall tokens" empty="No wall tokens yet. Create one below for each screen." table_id="wall-tokens" revoke=move |id, label| view! {
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                </ActionForm>
            }.into_any()/>
            <h2>"Create a wall token"</h2>
            <ActionForm action=create attr:class="stacked-form" attr:id="create-wall">
                <label>"Name" <input name="name" required placeholder="NOC left screen"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="90" required/></label>
                <ScopeFields/>
                <button type="submit">"Create"</button>
            </ActionForm>
        </section>
    }
}
