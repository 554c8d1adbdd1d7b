//! The forms of Admin → Cloud accounts: add, edit (a blank key id or secret keeps the stored one) and
//! remove (the admin types the account's name). Secret inputs are `password` fields that are
//! never filled from the server: the page has no secret to fill them with.

use crate::api::accounts_admin::{
    AccountRow, AddCloudAccount, EditCloudAccount, RemoveCloudAccount,
};
use crate::components::server_form::{url_of, ServerForm};
use leptos::prelude::*;

/// The endpoint overrides as the textarea shows them: one `REGION=URL` per line.
pub fn endpoint_lines(endpoints: &[(String, String)]) -> String {
    endpoints
        .iter()
        .map(|(r, u)| format!("{r}={u}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields add and edit share; `row` fills them for an edit (never the secret).
#[component]
fn AccountFields(row: Option<AccountRow>, prefix: String) -> impl IntoView {
    let editing = row.is_some();
    let (name, regions, endpoints, key_id) = row.map_or_else(Default::default, |r| {
        let key = format!("blank: keep {}", r.key_id);
        (
            r.name,
            r.regions.join(", "),
            endpoint_lines(&r.endpoints),
            key,
        )
    });
    let secret_label = if editing {
        "Access key secret (leave blank to keep the stored one)"
    } else {
        "Access key secret"
    };
    view! {
        <label>"Name" <input name="name" value=name required autocomplete="off" id=format!("{prefix}-name")/></label>
        <label>
            "Access key id"
            <input name="access_key_id" required=!editing autocomplete="off" spellcheck="false"
                id=format!("{prefix}-key-id") placeholder=key_id/>
        </label>
        <label>
            {secret_label}
            <input name="secret" type="password" autocomplete="new-password" required=!editing id=format!("{prefix}-secret")/>
        </label>
        <label>
            "Regions (comma-separated)"
            <input name="regions" value=regions placeholder="cn-hangzhou, cn-shanghai" id=format!("{prefix}-regions")/>
        </label>
        <label>
            "Endpoint overrides (one REGION=URL per line, *=URL for every region; blank: the public endpoints)"
            <textarea name="endpoints" rows="2" spellcheck="false" id=format!("{prefix}-endpoints")>{endpoints}</textarea>
        </label>
        <label class="check">
            <input type="checkbox" name="test_first" value="on" checked id=format!("{prefix}-test-first")/>
            "Test the connection first; save only if it works"
        </label>
    }
}

#[component]
pub fn AddAccountForm() -> impl IntoView {
    view! {
        <ServerForm action={url_of::<AddCloudAccount>()} done={"Account added.".to_string()} class={"stacked-form".to_string()} id={"add-account".to_string()}>
            <label>
                "Cloud"
                <select name="cloud" id="add-cloud">
                    <option value="aliyun">"Alibaba Cloud"</option>
                    <option value="huawei">"Huawei Cloud"</option>
                </select>
            </label>
            <AccountFields row=None prefix={"add".to_string()}/>
            <button type="submit">"Add account"</button>
        </ServerForm>
    }
}

/// The edit form of one account, folded away until opened. The key id and secret fields
/// start empty (blank keeps them): the page knows the key id only masked, the secret not at all.
#[component]
pub fn EditAccountForm(row: AccountRow) -> impl IntoView {
    let id = row.id.clone();
    let prefix = format!("edit-{}", row.id);
    let summary = format!("Edit {}", row.name);
    let done = format!("Changes to account “{}” saved.", row.name);
    // An id, so a live refresh of the page leaves an opened form open.
    let fold = format!("edit-{}-fold", row.id);
    view! {
        <details class="fold" id=fold>
            <summary>{summary}</summary>
            <ServerForm action={url_of::<EditCloudAccount>()} done class={"stacked-form edit-account".to_string()}>
                <input type="hidden" name="id" value=id/>
                <AccountFields row=Some(row) prefix=prefix/>
                <button type="submit">"Save changes"</button>
            </ServerForm>
        </details>
    }
}

/// Removal asks for the account's name, so a slip of the mouse removes nothing.
#[component]
pub fn RemoveAccountForm(row: AccountRow) -> impl IntoView {
    let prompt = format!(
        "Removing “{}” stops its sync; its history stays. Type its name to confirm:",
        row.name
    );
    let label = format!("Remove {}", row.name);
    let aria = label.clone();
    let done = format!("Account “{}” removed.", row.name);
    let fold = format!("remove-{}-fold", row.id);
    view! {
        <details class="fold" id=fold>
            <summary>"Remove…"</summary>
            <ServerForm action={url_of::<RemoveCloudAccount>()} done class={"stacked-form remove-account".to_string()}>
                <input type="hidden" name="id" value=row.id/>
                <label>{prompt} <input name="confirm" required autocomplete="off"/></label>
                <button type="submit" class="danger" aria-label=aria>{label}</button>
            </ServerForm>
        </details>
    }
}
