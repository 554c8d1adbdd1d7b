//! Admin → Users: list, add, change role, reset password, remove.

use super::{refusal, AdminTabs};
use crate::access::Role;
use crate::api::users_admin::{list_users, AddUser, RemoveUser, ResetUserPassword, SetUserRole};
use crate::components::server_form::{url_of, ServerForm};
use leptos::prelude::*;
use leptos_meta::Title;

fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=r == selected>{r.as_str()}</option> })
        .collect_view()
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let users = crate::resource::json_resource(|| (), |_| list_users());
    view! {
        <Title text="Users"/>
        <section class="admin">
            <h1>"Users"</h1>
            <AdminTabs current="/admin/users"/>
            <Transition fallback=|| view! { <p class="loading">"Loading users…"</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="grid" id="users">
                                <thead><tr><th>"User"</th><th>"Role"</th><th>"Since"</th><th>"Reset password"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|u| {
                                        let (n1, n2, n3, n4) = (u.name.clone(), u.name.clone(), u.name.clone(), u.name.clone());
                                        let role_label = format!("Role of {}", u.name);
                                        let reset_label = format!("New password for {}", u.name);
                                        let remove_label = format!("Remove {}", u.name);
                                        let since = u.created_at.format("%Y-%m-%d").to_string();
                                        let role = u.role;
                                        let role_done = format!("Role of {} changed.", u.name);
                                        let reset_done = format!("Password of {} reset.", u.name);
                                        let remove_done = format!("User {} removed.", u.name);
                                        view! {
                                            <tr data-user=n1>
                                                <td>{u.name}</td>
                                                <td>
                                                    <ServerForm action={url_of::<SetUserRole>()} done=role_done class={"inline-form".to_string()}>
                                                        <input type="hidden" name="name" value=n2/>
                                                        <select name="role" aria-label=role_label>{role_options(role)}</select>
                                                        <button type="submit">"Change"</button>
                                                    </ServerForm>
                                                </td>
                                                <td>{since}</td>
                                                <td>
                                                    <ServerForm action={url_of::<ResetUserPassword>()} done=reset_done class={"inline-form".to_string()}>
                                                        <input type="hidden" name="name" value=n3/>
                                                        <input type="password" name="password" minlength="12" autocomplete="new-password" aria-label=reset_label required/>
                                                        <button type="submit">"Reset"</button>
                                                    </ServerForm>
                                                </td>
                                                <td>
                                                    <ServerForm action={url_of::<RemoveUser>()} done=remove_done class={"inline-form".to_string()}>
                                                        <input type="hidden" name="name" value=n4/>
                                                        <button type="submit" class="danger" aria-label=remove_label>"Remove"</button>
                                                    </ServerForm>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <h2>"Add a user"</h2>
                            <ServerForm action={url_of::<AddUser>()} done={"User added.".to_string()} class={"stacked-form".to_string()} id={"add-user".to_string()}>
                                <label>"User name" <input name="name" required autocomplete="off"/></label>
                                <label>"Password (at least 12 characters)" <input name="password" type="password" minlength="12" autocomplete="new-password" required/></label>
                                <label>"Role" <select name="role">{role_options(Role::Viewer)}</select></label>
                                <button type="submit">"Add user"</button>
                            </ServerForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
