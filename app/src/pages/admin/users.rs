//! Admin → Users: list, add, change role, reset password, remove.

use super::{refusal, reload_after_success, AdminTabs};
use crate::access::Role;
use crate::api::users_admin::{list_users, AddUser, RemoveUser, ResetUserPassword, SetUserRole};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=r == selected>{r.as_str()}</option> })
        .collect_view()
}

fn result_text<T: 'static>(
    ok: &'static str,
    value: impl Get<Value = Option<Result<T, crate::error::AppError>>>,
) -> impl Fn() -> String {
    move || match value.get() {
        Some(Ok(_)) => ok.to_string(),
        Some(Err(e)) => e.to_string(),
        None => String::new(),
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let add = ServerAction::<AddUser>::new();
    let set_role = ServerAction::<SetUserRole>::new();
    let reset = ServerAction::<ResetUserPassword>::new();
    let remove = ServerAction::<RemoveUser>::new();
    let reloads = RwSignal::new(0u32);
    reload_after_success(reloads, add);
    reload_after_success(reloads, set_role);
    reload_after_success(reloads, remove);
    let users = crate::resource::json_resource(move || reloads.get(), |_| list_users());
    let status = move || {
        [
            result_text("User added.", add.value())(),
            result_text("Role changed.", set_role.value())(),
            result_text("Password reset.", reset.value())(),
            result_text("User removed.", remove.value())(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    };
    view! {
        <Title text="Users"/>
        <section class="admin">
            <h1>"Users"</h1>
            <AdminTabs current="/admin/users"/>
            <p id="users-status" class="status" role="status" aria-live="polite">{status}</p>
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
                                        view! {
                                            <tr data-user=n1>
                                                <td>{u.name}</td>
                                                <td>
                                                    <ActionForm action=set_role attr:class="inline-form">
                                                        <input type="hidden" name="name" value=n2/>
                                                        <select name="role" aria-label=role_label>{role_options(role)}</select>
                                                        <button type="submit">"Change"</button>
                                                    </ActionForm>
                                                </td>
                                                <td>{since}</td>
                                                <td>
                                                    <ActionForm action=reset attr:class="inline-form">
                                                        <input type="hidden" name="name" value=n3/>
                                                        <input type="password" name="password" minlength="12" autocomplete="new-password" aria-label=reset_label required/>
                                                        <button type="submit">"Reset"</button>
                                                    </ActionForm>
                                                </td>
                                                <td>
                                                    <ActionForm action=remove attr:class="inline-form">
                                                        <input type="hidden" name="name" value=n4/>
                                                        <button type="submit" class="danger" aria-label=remove_label>"Remove"</button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <h2>"Add a user"</h2>
                            <ActionForm action=add attr:class="stacked-form" attr:id="add-user">
                                <label>"User name" <input name="name" required autocomplete="off"/></label>
                                <label>"Password (at least 12 characters)" <input name="password" type="password" minlength="12" autocomplete="new-password" required/></label>
                                <label>"Role" <select name="role">{role_options(Role::Viewer)}</select></label>
                                <button type="submit">"Add user"</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
