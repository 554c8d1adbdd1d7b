//! Named layouts of the topology: save the current pins under a name (shared with everyone, or
//! the signed-in user's own), load one back, delete one. Plain forms, so they work without
//! JavaScript too (the server function answers a form post with a redirect back).

use super::topology_state::TopologyUi;
use crate::api::topology_layouts::list_layouts;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn TopologyLayouts() -> impl IntoView {
    let ui = expect_context::<TopologyUi>();
    let layouts = crate::resource::json_resource(move || ui.layouts_version(), |_| list_layouts());
    let problem = move || {
        let failed = |r: Option<Result<String, crate::error::AppError>>| match r {
            Some(Err(e)) => Some(e.to_string()),
            _ => None,
        };
        failed(ui.save.value().get().map(|r| r.map(|l| l.name)))
            .or_else(|| failed(ui.load.value().get().map(|r| r.map(|n| n.to_string()))))
            .or_else(|| failed(ui.delete.value().get().map(|r| r.map(|_| String::new()))))
            .map(|e| view! { <p class="error" id="layout-error">{e}</p> })
    };
    view! {
        <h2>"Saved layouts"</h2>
        <ActionForm action=ui.save attr:id="save-layout" attr:class="inline-form">
            <label>"Name " <input type="text" name="name" required maxlength="80"/></label>
            " "
            <label><input type="checkbox" name="shared" value="true"/>" shared with everyone"</label>
            " "
            <button type="submit">"Save the current pins"</button>
        </ActionForm>
        {problem}
        <Transition fallback=|| view! { <p class="loading">"Loading layouts…"</p> }>
            {move || Suspend::new(async move {
                match layouts.await {
                    Ok(list) if list.is_empty() => view! { <p class="muted" id="layouts">"No saved layouts yet."</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="layouts" id="layouts">
                            {list.into_iter().map(|l| {
                                let (load_id, delete_id) = (l.id.to_string(), l.id.to_string());
                                let about = format!(
                                    " — {} pins, {}, saved {}",
                                    l.pins,
                                    if l.shared { "shared" } else { "yours" },
                                    l.updated_at.format("%Y-%m-%d %H:%M UTC")
                                );
                                let (name, data_name) = (l.name.clone(), l.name);
                                view! {
                                    <li data-name=data_name>
                                        <strong>{name}</strong>
                                        <span class="muted">{about}</span>" "
                                        <ActionForm action=ui.load attr:class="inline-form">
                                            <input type="hidden" name="id" value=load_id/>
                                            <button type="submit" data-action="load">"Load"</button>
                                        </ActionForm>
                                        <ActionForm action=ui.delete attr:class="inline-form">
                                            <input type="hidden" name="id" value=delete_id/>
                                            <button type="submit" data-action="delete">"Delete"</button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <p class="error">{format!("The saved layouts are unavailable: {e}")}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
