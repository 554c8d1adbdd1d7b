//! Admin → Cloud accounts: the accounts gatewatch syncs (never their secrets), with test
//! connection, enable / disable, edit and remove, and a form to add one.

use super::{refusal, reload_after_success, AdminTabs};
use crate::api::accounts_admin::{
    list_cloud_accounts, AccountRow, AddCloudAccount, EditCloudAccount, RemoveCloudAccount,
    SetCloudAccountEnabled, TestCloudAccount,
};
use crate::components::account_forms::{AddAccountForm, EditAccountForm, RemoveAccountForm};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let add = ServerAction::<AddCloudAccount>::new();
    let edit = ServerAction::<EditCloudAccount>::new();
    let enable = ServerAction::<SetCloudAccountEnabled>::new();
    let remove = ServerAction::<RemoveCloudAccount>::new();
    let test = ServerAction::<TestCloudAccount>::new();
    let reloads = RwSignal::new(0u32);
    reload_after_success(reloads, add);
    reload_after_success(reloads, edit);
    reload_after_success(reloads, enable);
    reload_after_success(reloads, remove);
    let accounts = crate::resource::json_resource(move || reloads.get(), |_| list_cloud_accounts());
    // The last answer of each action (a refusal shows as an error).
    let status = move || {
        let messages: [Option<Result<String, String>>; 5] = [
            add.value().get().map(|r| {
                r.map(|a| format!("Account “{}” added.", a.name))
                    .map_err(|e| e.to_string())
            }),
            edit.value().get().map(|r| {
                r.map(|a| format!("Account “{}” saved.", a.name))
                    .map_err(|e| e.to_string())
            }),
            enable.value().get().map(|r| {
                r.map(|a| {
                    format!(
                        "Account “{}” {}.",
                        a.name,
                        if a.enabled { "enabled" } else { "disabled" }
                    )
                })
                .map_err(|e| e.to_string())
            }),
            remove.value().get().map(|r| {
                r.map(|()| "Account removed.".to_string())
                    .map_err(|e| e.to_string())
            }),
            test.value()
                .get()
                .map(|r| r.map(|p| p.summary()).map_err(|e| e.to_string())),
        ];
        messages.into_iter().flatten().collect::<Vec<_>>()
    };
    let test_ok = move || {
        test.value()
            .get()
            .map(|r| r.is_ok_and(|p| p.code.is_none()).to_string())
    };
    view! {
        <Title text="Cloud accounts"/>
        <section class="admin">
            <h1>"Cloud accounts"</h1>
            <AdminTabs current="/admin/accounts"/>
            <div id="accounts-status" role="status" aria-live="polite" data-test-ok=test_ok>
                {move || status().into_iter().map(|m| match m {
                    Ok(text) => view! { <p class="status">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="error">{text}</p> }.into_any(),
                }).collect_view()}
            </div>
            <Transition fallback=|| view! { <p class="loading">"Loading accounts…"</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty" id="no-accounts">"No cloud accounts yet. Add one below: gatewatch starts syncing it within seconds."</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <table class="grid" id="accounts">
                                <thead><tr><th>"Name"</th><th>"Cloud"</th><th>"Access key"</th><th>"Regions"</th><th>"Endpoints"</th><th>"Sync"</th><th>"Actions"</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|a| view! { <AccountLine row=a test enable edit remove/> }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Add an account"</h2>
            <AddAccountForm action=add/>
        </section>
    }
}

#[component]
fn AccountLine(
    row: AccountRow,
    test: ServerAction<TestCloudAccount>,
    enable: ServerAction<SetCloudAccountEnabled>,
    edit: ServerAction<EditCloudAccount>,
    remove: ServerAction<RemoveCloudAccount>,
) -> impl IntoView {
    let cloud = if row.cloud == "aliyun" {
        "Alibaba Cloud"
    } else {
        "Huawei Cloud"
    };
    let endpoints = match row.endpoints.is_empty() {
        true => "public".to_string(),
        false => row
            .endpoints
            .iter()
            .map(|(r, u)| format!("{r} → {u}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let state = if row.enabled { "enabled" } else { "disabled" };
    let toggle = if row.enabled { "Disable" } else { "Enable" };
    let (test_label, toggle_label) = (
        format!("Test connection of {}", row.name),
        format!("{toggle} {}", row.name),
    );
    let (id1, id2, name) = (row.id.clone(), row.id.clone(), row.name.clone());
    let (regions, key_id) = (row.regions.join(", "), row.key_id.clone());
    let (for_edit, enabled, shown) = (row.clone(), row.enabled, row.name.clone());
    view! {
        <tr data-account=name>
            <td>{shown}</td>
            <td>{cloud}</td>
            <td><code class="key-id">{key_id}</code></td>
            <td>{regions}</td>
            <td class="endpoints">{endpoints}</td>
            <td><span class=format!("state state-{state}")>{state}</span></td>
            <td class="actions">
                <ActionForm action=test attr:class="inline-form">
                    <input type="hidden" name="id" value=id1/>
                    <button type="submit" aria-label=test_label disabled=move || test.pending().get()>"Test connection"</button>
                </ActionForm>
                <ActionForm action=enable attr:class="inline-form">
                    <input type="hidden" name="id" value=id2/>
                    <input type="hidden" name="enabled" value=(!enabled).to_string()/>
                    <button type="submit" aria-label=toggle_label>{toggle}</button>
                </ActionForm>
                <EditAccountForm action=edit row=for_edit/>
                <RemoveAccountForm action=remove row=row/>
            </td>
        </tr>
    }
}
