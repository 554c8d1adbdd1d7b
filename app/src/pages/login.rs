//! Sign in, and the first admin's setup (reached through the link the server prints on its
//! first start). Both are plain forms: they work before the WASM bundle has loaded, and
//! without JavaScript (a refusal then shows in the console's form notice).

use crate::api::plain_form::safe_next;
use crate::api::session::{Login, SetupAdmin};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// After a successful action, a full navigation: the navigation bar and every page's data
/// are loaded again under the new session.
fn go_to_after_success<T: 'static>(
    value: impl Get<Value = Option<Result<T, crate::error::AppError>>> + Send + Sync + 'static,
    next: impl Fn() -> String + Send + Sync + 'static,
) {
    Effect::new(move |_| {
        if let Some(Ok(_)) = value.get() {
            let _ = window().location().set_href(&next());
        }
    });
}

fn error_text<T: 'static>(
    value: impl Get<Value = Option<Result<T, crate::error::AppError>>> + Send + Sync + 'static,
) -> impl Fn() -> String {
    move || match value.get() {
        Some(Err(e)) => e.to_string(),
        _ => String::new(),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || safe_next(query.read().get("next"));
    let action = ServerAction::<Login>::new();
    go_to_after_success(action.value(), next);
    view! {
        <Title text="Sign in"/>
        <section class="auth-page">
            <h1>"Sign in"</h1>
            <ActionForm action=action attr:class="stacked-form" attr:id="login-form">
                <label>"User name" <input name="name" autocomplete="username" required autofocus/></label>
                <label>"Password" <input name="password" type="password" autocomplete="current-password" required/></label>
                <input type="hidden" name="next" value=next/>
                <button type="submit" disabled=move || action.pending().get()>"Sign in"</button>
            </ActionForm>
            <p id="login-error" class="error" role="alert">{error_text(action.value())}</p>
        </section>
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<SetupAdmin>::new();
    go_to_after_success(action.value(), || "/admin/users".to_string());
    view! {
        <Title text="Create the first admin"/>
        <section class="auth-page">
            <h1>"Create the first admin"</h1>
            <p class="lead">
                "gatewatch has no admin yet. The link printed on the server's console when it "
                "started carries a one-time token; it works once, for 24 hours."
            </p>
            <ActionForm action=action attr:class="stacked-form" attr:id="setup-form">
                <label>"Setup token" <input name="token" value=token required autocomplete="off"/></label>
                <label>"Admin user name" <input name="name" autocomplete="username" required/></label>
                <label>
                    "Password (at least 12 characters)"
                    <input name="password" type="password" autocomplete="new-password" minlength="12" required/>
                </label>
                <button type="submit" disabled=move || action.pending().get()>"Create admin and sign in"</button>
            </ActionForm>
            <p id="setup-error" class="error" role="alert">{error_text(action.value())}</p>
        </section>
    }
}
