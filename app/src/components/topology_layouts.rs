//! Named layouts of the topology: save the current pins under a name (shared with everyone, or
//! the signed-in user's own), load one back, delete one. Plain forms, so they work without
//! JavaScript too (the server function answers a form post with a redirect back); with it,
//! answered in place and the drawing refreshed.

use crate::api::topology_layouts::{list_layouts, DeleteLayout, LoadLayout, SaveLayout};
use crate::components::server_form::{url_of, ServerForm};
use leptos::prelude::*;

#[component]
pub fn TopologyLayouts() -> impl IntoView {
    let layouts = crate::resource::json_resource(|| (), |_| list_layouts());
    view! {
        <h2>"Saved layouts"</h2>
        <ServerForm action={url_of::<SaveLayout>()} done={"Layout saved.".to_string()} id={"save-layout".to_string()} class={"inline-form".to_string()}>
            <label>"Name " <input type="text" name="name" required maxlength="80"/></label>
            " "
            <label><input type="checkbox" name="shared" value="true"/>" shared with everyone"</label>
            " "
            <button type="submit">"Save the current pins"</button>
        </ServerForm>
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
                                        <ServerForm action={url_of::<LoadLayout>()} done={"Layout loaded.".to_string()} class={"inline-form".to_string()}>
                                            <input type="hidden" name="id" value=load_id/>
                                            <button type="submit" data-action="load">"Load"</button>
                                        </ServerForm>
                                        <ServerForm action={url_of::<DeleteLayout>()} done={"Layout deleted.".to_string()} class={"inline-form".to_string()}>
                                            <input type="hidden" name="id" value=delete_id/>
                                            <button type="submit" data-action="delete">"Delete"</button>
                                        </ServerForm>
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
