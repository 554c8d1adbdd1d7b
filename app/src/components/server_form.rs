//! A form that posts to a server function and is answered in place, the one island behind
//! every admin and operator form. Without JavaScript (or before the island hydrated) it is a
//! plain HTML form: the server answers with a redirect back, and a refusal shows on the page
//! ([`crate::components::form_notice`]).
//!
//! With JavaScript, the answer shows in the page's status area (`#form-status`, outside the
//! live regions, so it stays while they are refreshed). After a change that worked the live
//! regions are refreshed, so lists show it; after a refusal nothing is reloaded and what was
//! typed stays in the form.

pub use crate::components::form_answer::Answer;
use leptos::prelude::*;

#[island]
pub fn ServerForm(
    /// The server function's URL (`<Fn as ServerFn>::url()`).
    action: String,
    /// What a change that worked says (for [`Answer::Done`]).
    #[prop(optional)]
    done: Option<String>,
    #[prop(optional)] answer: Option<Answer>,
    #[prop(optional)] id: Option<String>,
    #[prop(optional)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(not(feature = "ssr"))]
        browser::submit(
            ev,
            answer.clone().unwrap_or(Answer::Done),
            done.clone().unwrap_or_else(|| "Done.".into()),
        );
        #[cfg(feature = "ssr")]
        let _ = (&answer, &done);
    };
    view! {
        <form method="post" action=action id=id class=class on:submit=on_submit>
            {children()}
        </form>
    }
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::Answer;
    use crate::components::form_answer::Shown;
    use crate::components::island_net::post_form_text;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlFormElement};

    pub fn submit(ev: leptos::ev::SubmitEvent, answer: Answer, done: String) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        // A second click while the first post is under way sends nothing.
        if form.get_attribute("aria-busy").as_deref() == Some("true") {
            return;
        }
        set_busy(&form, true);
        leptos::task::spawn_local(async move {
            let shown = match post_form_text(&form).await {
                Ok(json) => answer.read(&json, &done),
                Err(e) => Err(e),
            };
            set_busy(&form, false);
            match shown {
                Ok(s) => {
                    show(&s);
                    // Done: the fields go back to what the server rendered (an added item's
                    // fields empty again, a URL or password typed does not linger).
                    form.reset();
                    crate::components::live_swap::refresh().await;
                }
                Err(e) => show(&Shown::text(false, e.to_string())),
            }
        });
    }

    fn set_busy(form: &HtmlFormElement, busy: bool) {
        let _ = form.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }

    /// Writes the answer into `#form-status` with DOM calls (`textContent`, never HTML).
    fn show(s: &Shown) {
        let Some(area) = document().get_element_by_id("form-status") else {
            return;
        };
        area.set_text_content(None);
        let _ = area.set_attribute("data-ok", if s.ok { "true" } else { "false" });
        match s.http {
            Some(code) => area.set_attribute("data-http", &code.to_string()),
            None => area.remove_attribute("data-http"),
        }
        .ok();
        let _ = area.set_attribute(
            "class",
            if s.ok {
                "status form-status"
            } else {
                "error form-status"
            },
        );
        let line = element("p");
        line.set_text_content(Some(&s.text));
        let _ = area.append_child(&line);
        if let Some((id, text, href)) = &s.extra {
            let holder = element("p");
            let item = element(if href.is_some() { "a" } else { "code" });
            item.set_id(id);
            item.set_text_content(Some(text));
            if let Some(href) = href {
                let _ = item.set_attribute("href", href);
                let _ = item.set_attribute("target", "_blank");
                let _ = item.set_attribute("rel", "noopener");
            }
            let _ = holder.append_child(&item);
            let _ = area.append_child(&holder);
        }
    }

    fn element(tag: &str) -> Element {
        document().create_element(tag).expect("a known tag")
    }
}

/// The URL a [`ServerForm`] posts to for the server function `S`.
pub fn url_of<S: leptos::server_fn::ServerFn>() -> String {
    S::url().to_string()
}
