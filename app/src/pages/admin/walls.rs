//! Admin → Wall tokens: create a scoped, expiring link for a NOC screen (shown once), see who
//! made each and when it was last used, revoke.

use super::{refusal, AdminTabs};
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
            <Transition fallback=|| view! { <p class="loading">"Loading wall tokens…"</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">"No wall tokens yet. Create one below for each screen."</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <table class="grid" id="wall-tokens">
                                <thead><tr><th>"Name"</th><th>"Scope"</th><th>"Expires"</th><th>"Status"</th><th>"Created by"</th><th>"Last used"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|t| {
                                        let status = if t.revoked { "revoked" } else if t.expired { "expired" } else { "active" };
                                        let revocable = !t.revoked;
                                        let label = format!("Revoke {}", t.name);
                                        let id = t.id.clone();
                                        view! {
                                            <tr data-wall=t.name.clone() data-status=status>
                                                <td>{t.name.clone()}</td>
                                                <td>{t.scope}</td>
                                                <td>{t.expires_at.format("%Y-%m-%d %H:%M").to_string()}</td>
                                                <td><span class=format!("state state-{status}")>{status}</span></td>
                                                <td>{t.created_by}</td>
                                                <td>{t.last_used_at.map(|d| d.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "never".into())}</td>
                                                <td>
                                                    {revocable.then(|| view! {
                                                        <ActionForm action=revoke attr:class="inline-form">
                                                            <input type="hidden" name="id" value=id/>
                                                            <button type="submit" class="danger" aria-label=label>"Revoke"</button>
                                                        </ActionForm>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Create a wall token"</h2>
            <ActionForm action=create attr:class="stacked-form" attr:id="create-wall">
                <label>"Name" <input name="name" required placeholder="NOC left screen"/></label>
                <label>"Valid for (days)" <input name="days" type="number" min="1" max="366" value="90" required/></label>
                <fieldset>
                    <legend>"Scope (comma-separated; empty = everything)"</legend>
                    <label>"Clouds" <input name="clouds" placeholder="aliyun, huawei"/></label>
                    <label>"Accounts" <input name="accounts"/></label>
                    <label>"Regions" <input name="regions" placeholder="cn-shanghai"/></label>
                    <label>"Sites" <input name="sites"/></label>
                </fieldset>
                <button type="submit">"Create"</button>
            </ActionForm>
        </section>
    }
}
