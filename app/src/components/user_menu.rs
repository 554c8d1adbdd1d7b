//! The right end of the navigation bar: who is signed in and with which role, sign in / out,
//! and the admin link for admins.

use crate::access::{Me, Role};
use crate::api::session::{get_me, Logout};
use crate::components::server_form::url_of;
use leptos::prelude::*;

#[component]
pub fn UserMenu() -> impl IntoView {
    let me = crate::resource::json_resource(|| (), |_| get_me());
    view! {
        <div class="user-menu">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let me: Me = me.await.unwrap_or_default();
                    let admin = me.may(Role::Admin).then(|| view! { <a href="/admin/users" id="nav-admin">"Admin"</a> });
                    let who = match (&me.name, me.role) {
                        (Some(name), Some(role)) => view! {
                            <span id="signed-in-as" data-role=role.as_str()>{format!("{name} · {role}")}</span>
                            // A plain form: the server answers with a redirect to the sign-in page.
                            <form method="post" action={url_of::<Logout>()} class="inline-form sign-out">
                                <button type="submit" class="link" id="sign-out">"Sign out"</button>
                            </form>
                        }.into_any(),
                        _ => view! {
                            <span class="muted" id="signed-in-as" data-role=me.role.map(|r| r.as_str()).unwrap_or("none")>
                                {if me.role.is_some() { "guest (read-only)" } else { "" }}
                            </span>
                            <a href="/login" id="sign-in">"Sign in"</a>
                            {me.setup_pending.then(|| view! { <a href="/setup" class="muted">"First admin setup"</a> })}
                        }.into_any(),
                    };
                    view! { {admin} {who} }
                })}
            </Transition>
        </div>
    }
}
