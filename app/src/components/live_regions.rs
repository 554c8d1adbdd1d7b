//! Live updates when only islands reach the browser: the server renders every page, and this
//! island keeps it current. It listens to the page's server-sent event stream and, when the
//! server says the stored data changed, fetches the same URL again and swaps in the new HTML
//! of each region marked `data-live-region` (matched by `id`). Islands inside a swapped
//! region are hydrated again; everything else stays as the person left it (scroll, focus,
//! open forms outside the regions).

use leptos::prelude::*;

/// The stream a page listens to: none on the sign-in and setup pages (no data), the wall's
/// own (scoped to its token) on a wall, the console's everywhere else.
pub fn stream_for_path(path: &str) -> String {
    if path == "/login" || path == "/setup" {
        String::new()
    } else if let Some(token) = path.strip_prefix("/wall/") {
        let token = token.trim_end_matches('/');
        if token.is_empty() || token.contains('/') {
            String::new()
        } else {
            format!("/wall/{token}/events")
        }
    } else {
        "/events".into()
    }
}

/// How often a page refreshes even when no change arrives: the overview, so the age of the
/// data and the sync progress move (0: only on changes).
pub fn poll_seconds_for_path(path: &str) -> u32 {
    if path == "/" {
        10
    } else {
        0
    }
}

/// Read from the address in the browser, not passed as props: a wall's stream URL holds its
/// token, which the page's HTML must not carry.
#[island]
pub fn LiveRegions() -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(not(feature = "ssr"))]
        {
            let path = window().location().pathname().unwrap_or_default();
            browser::start(&stream_for_path(&path), poll_seconds_for_path(&path));
        }
    });
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use crate::components::live_swap::refresh;
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Event, EventSource, MessageEvent};

    thread_local! {
        static STATUS: Cell<&'static str> = const { Cell::new("connecting") };
    }

    /// Shows the stream's state: `data-live` on elements marked `data-live-status`, the text
    /// of those marked `data-live-label` (again after each refresh, which brings the server's
    /// "connecting").
    fn show_status(label: Option<&'static str>) {
        let label = match label {
            Some(l) => {
                STATUS.with(|s| s.set(l));
                l
            }
            None => STATUS.with(Cell::get),
        };
        let mark = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
            if let Ok(list) = document().query_selector_all(selector) {
                for i in 0..list.length() {
                    if let Some(el) = list
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        f(&el);
                    }
                }
            }
        };
        mark("[data-live-status]", &|el| {
            let _ = el.set_attribute("data-live", label);
        });
        mark("[data-live-label]", &|el| el.set_text_content(Some(label)));
    }

    pub fn start(stream: &str, poll_seconds: u32) {
        // End-to-end tests wait on this before they click.
        if let Some(app) = document().query_selector(".app").ok().flatten() {
            let _ = app.set_attribute("data-hydrated", "true");
        }
        // One refresh at a time; a change that arrives during one asks for one more.
        let busy = Rc::new(Cell::new(false));
        let again = Rc::new(Cell::new(false));
        if poll_seconds > 0 {
            let (busy, again) = (busy.clone(), again.clone());
            let _ = set_interval_with_handle(
                move || request_refresh(busy.clone(), again.clone()),
                std::time::Duration::from_secs(poll_seconds.into()),
            );
        }
        if stream.is_empty() {
            return;
        }
        let Ok(source) = EventSource::new(stream) else {
            return;
        };
        let (busy2, again2) = (busy.clone(), again.clone());
        let on_change = Closure::<dyn Fn(MessageEvent)>::new(move |_| {
            request_refresh(busy.clone(), again.clone())
        });
        let closer = source.clone();
        let on_revoked = Closure::<dyn Fn(MessageEvent)>::new(move |_| {
            closer.close();
            show_status(Some("ended"));
            request_refresh(busy2.clone(), again2.clone());
        });
        let on_open = Closure::<dyn Fn(Event)>::new(move |_| show_status(Some("live")));
        let on_error = Closure::<dyn Fn(Event)>::new(move |_| show_status(Some("reconnecting…")));
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_open.forget();
        on_error.forget();
        let _ =
            source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ =
            source.add_event_listener_with_callback("revoked", on_revoked.as_ref().unchecked_ref());
        // The page lives as long as the subscription.
        on_change.forget();
        on_revoked.forget();
    }

    fn request_refresh(busy: Rc<Cell<bool>>, again: Rc<Cell<bool>>) {
        if busy.replace(true) {
            again.set(true);
            return;
        }
        spawn_local(async move {
            loop {
                again.set(false);
                refresh().await;
                show_status(None);
                if !again.get() {
                    break;
                }
            }
            busy.set(false);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_listens_to_its_own_stream() {
        assert_eq!(stream_for_path("/connections"), "/events");
        assert_eq!(stream_for_path("/"), "/events");
        assert_eq!(stream_for_path("/login"), "");
        assert_eq!(stream_for_path("/setup"), "");
        assert_eq!(stream_for_path("/wall/abc"), "/wall/abc/events");
        assert_eq!(stream_for_path("/wall/"), "");
        assert_eq!(stream_for_path("/wall/a/b"), "");
        assert_eq!(poll_seconds_for_path("/"), 10);
        assert_eq!(poll_seconds_for_path("/connections"), 0);
    }
}
