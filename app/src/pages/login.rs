//! Sign in, and the first admin's setup (reached through the link the server prints on its
//! first start). Both are plain forms (no island): the server answers a sign-in with a
//! redirect to the page asked for, a refusal with a redirect back that the console's form
//! notice shows, naming what was wrong.

use crate::api::plain_form::safe_next;
use crate::api::session::{Login, SetupAdmin};
use crate::components::server_form::url_of;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || safe_next(query.read().get("next"));
    view! {
        <Title text="Sign in"/>
        <section class="auth-page">
            <h1>"Sign in"</h1>
            <form method="post" action={url_of::<Login>()} class="stacked-form" id="login-form">
                <label>"User name" <input name="name" autocomplete="username" required autofocus/></label>
                <label>"Password" <input name="password" type="password" autocomplete="current-password" required/></label>
                <input type="hidden" name="next" value=next/>
                <button type="submit">"Sign in"</button>
            </form>
        </section>
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <Title text="Create the first admin"/>
        <section class="auth-page">
            <h1>"Create the first admin"</h1>
            <p class="lead">
                "gatewatch has no admin yet. The link printed on the server's console when it "
                "started carries a one-time token; it works once, for 24 hours."
            </p>
            <form method="post" action={url_of::<SetupAdmin>()} class="stacked-form" id="setup-form">
                <label>"Setup token" <input name="token" value=token required autocomplete="off"/></label>
                <label>"Admin user name" <input name="name" autocomplete="username" required/></label>
                <label>
                    "Password (at least 12 characters)"
                    <input name="password" type="password" autocomplete="new-password" minlength="12" required/>
                </label>
                <button type="submit">"Create admin and sign in"</button>
            </form>
        </section>
    }
}
