//! Admin → Cloud accounts: the accounts gatewatch syncs (never their secrets), with test
//! connection, enable / disable, edit and remove, and a form to add one.

use super::{refusal, AdminTabs};
use crate::api::accounts_admin::{
    list_cloud_accounts, AccountRow, SetCloudAccountEnabled, TestCloudAccount,
};
use crate::components::account_forms::{AddAccountForm, EditAccountForm, RemoveAccountForm};
use crate::components::server_form::{url_of, Answer, ServerForm};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let accounts = crate::resource::json_resource(|| (), |_| list_cloud_accounts());
    view! {
        <Title text="Cloud accounts"/>
        <section class="admin">
            <h1>"Cloud accounts"</h1>
            <AdminTabs current="/admin/accounts"/>
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
                                    {list.into_iter().map(|a| view! { <AccountLine row=a/> }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Add an account"</h2>
            <AddAccountForm/>
        </section>
    }
}

#[component]
fn AccountLine(row: AccountRow) -> impl IntoView {
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
    let toggled = format!(
        "Account “{}” {}.",
        row.name,
        if enabled { "disabled" } else { "enabled" }
    );
    view! {
        <tr data-account=name>
            <td>{shown}</td>
            <td>{cloud}</td>
            <td><code class="key-id">{key_id}</code></td>
            <td>{regions}</td>
            <td class="endpoints">{endpoints}</td>
            <td><span class=format!("state state-{state}")>{state}</span></td>
            <td class="actions">
                <ServerForm action={url_of::<TestCloudAccount>()} answer=Answer::AccountTest class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=id1/>
                    <button type="submit" aria-label=test_label>"Test connection"</button>
                </ServerForm>
                <ServerForm action={url_of::<SetCloudAccountEnabled>()} done=toggled class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=id2/>
                    <input type="hidden" name="enabled" value=(!enabled).to_string()/>
                    <button type="submit" aria-label=toggle_label>{toggle}</button>
                </ServerForm>
                <EditAccountForm row=for_edit/>
                <RemoveAccountForm row=row/>
            </td>
        </tr>
    }
}
