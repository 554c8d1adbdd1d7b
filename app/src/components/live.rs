//! Live updates: a page subscribes to a server-sent event stream and gets a counter that ticks
//! whenever the server says the stored data changed; resources that read the counter refetch.
//! The browser's EventSource reconnects by itself after a network drop or a server restart.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveStatus {
    Connecting,
    Live,
    /// The stream dropped; the browser is retrying.
    Reconnecting,
    /// The server ended the stream for good (a wall token that was revoked).
    Ended,
}

impl LiveStatus {
    pub fn label(self) -> &'static str {
        match self {
            LiveStatus::Connecting => "connecting",
            LiveStatus::Live => "live",
            LiveStatus::Reconnecting => "reconnecting…",
            LiveStatus::Ended => "ended",
        }
    }
}

/// Subscribes (in the browser only) to `url` (an empty URL: no subscription); returns the
/// change counter and the stream state.
pub fn use_live_updates(
    url: impl Fn() -> String + 'static,
) -> (ReadSignal<u64>, ReadSignal<LiveStatus>) {
    let (tick, set_tick) = signal(0u64);
    let (status, set_status) = signal(LiveStatus::Connecting);
    // Effects never run on the server: SSR renders once, the browser then listens.
    Effect::new(move |_| {
        #[cfg(not(feature = "ssr"))]
        {
            let url = url();
            if !url.is_empty() {
                browser::subscribe(&url, set_tick, set_status);
            }
        }
        #[cfg(feature = "ssr")]
        let _ = (&url, set_tick, set_status);
    });
    (tick, status)
}

/// The console's shared subscription, made once by the root for every page.
#[derive(Clone, Copy)]
pub struct LiveTick(pub ReadSignal<u64>, pub ReadSignal<LiveStatus>);

/// Subscribes the console to `/events` (not on the sign-in, setup and wall pages: the first
/// two have no data, the wall has its own stream) and shares the counter with every page.
pub fn provide_live_updates() {
    // Read in the browser only (the URL closure runs inside an effect).
    let (tick, status) = use_live_updates(move || {
        let path = window().location().pathname().unwrap_or_default();
        let own_stream = path == "/login" || path == "/setup" || path.starts_with("/wall/");
        if own_stream {
            String::new()
        } else {
            "/events".into()
        }
    });
    provide_context(LiveTick(tick, status));
}

/// The console's change counter: pages put it in their resources' sources, so they refetch
/// when the sync stores something new.
pub fn use_live_tick() -> Signal<u64> {
    use_context::<LiveTick>()
        .map(|l| l.0.into())
        .unwrap_or_else(|| Signal::stored(0))
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use super::LiveStatus;
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Event, EventSource, MessageEvent};

    pub fn subscribe(url: &str, set_tick: WriteSignal<u64>, set_status: WriteSignal<LiveStatus>) {
        let Ok(source) = EventSource::new(url) else {
            set_status.set(LiveStatus::Ended);
            return;
        };
        let on_change = Closure::<dyn Fn(MessageEvent)>::new(move |_| set_tick.update(|n| *n += 1));
        let on_open = Closure::<dyn Fn(Event)>::new(move |_| set_status.set(LiveStatus::Live));
        let on_error =
            Closure::<dyn Fn(Event)>::new(move |_| set_status.set(LiveStatus::Reconnecting));
        let closer = source.clone();
        let on_revoked = Closure::<dyn Fn(MessageEvent)>::new(move |_| {
            closer.close();
            set_status.set(LiveStatus::Ended);
            set_tick.update(|n| *n += 1);
        });
        let _ =
            source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ =
            source.add_event_listener_with_callback("revoked", on_revoked.as_ref().unchecked_ref());
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The closures live as long as the subscription: dropped (and the stream closed) when
        // the page that asked for it goes away.
        let held = SendWrapper::new((source, on_change, on_open, on_error, on_revoked));
        on_cleanup(move || held.0.close());
    }
}
