//! What the topology island's parts share: the shown rectangle (pan / zoom), the selected node
//! and the server actions that change pins. Provided as context by the island. A change of the
//! pins re-lays the drawing out on the server: the page's live region is refreshed, which
//! hydrates a new island; the shown rectangle and the selection carry over to it.

use super::island_net::FetchAction;
use super::topology_viewport::{ViewBox, STEP};
use crate::api::topology_layouts::{PinNode, UnpinAll, UnpinNode};
use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
thread_local! {
    /// The shown rectangle and the selection, kept for the next island of the same page (the
    /// browser only: on the server this would leak between requests).
    static KEPT: std::cell::RefCell<(Option<ViewBox>, Option<String>)> =
        const { std::cell::RefCell::new((None, None)) };
}

#[derive(Clone, Copy)]
pub struct TopologyUi {
    /// What the user panned / zoomed to; `None` shows the whole drawing.
    pub view: RwSignal<Option<ViewBox>>,
    /// The whole drawing's `viewBox`, read from the SVG the server drew.
    pub whole: RwSignal<Option<ViewBox>>,
    /// The selected node's id (`data-id` in the SVG).
    pub selected: RwSignal<Option<String>>,
    pub pin: FetchAction<usize>,
    pub unpin: FetchAction<usize>,
    pub unpin_all: FetchAction<usize>,
}

impl TopologyUi {
    pub fn new() -> TopologyUi {
        let ui = TopologyUi {
            view: RwSignal::new(None),
            whole: RwSignal::new(None),
            selected: RwSignal::new(None),
            pin: FetchAction::new::<PinNode>(),
            unpin: FetchAction::new::<UnpinNode>(),
            unpin_all: FetchAction::new::<UnpinAll>(),
        };
        // Restored once hydrated (the server rendered nothing selected, and hydration must
        // meet the same), then kept up to date.
        #[cfg(not(feature = "ssr"))]
        Effect::new(move |restored: Option<()>| {
            if restored.is_none() {
                let (view, selected) = KEPT.with(|k| k.borrow().clone());
                ui.view.set(view);
                ui.selected.set(selected);
            }
            let now = (ui.view.get(), ui.selected.get());
            KEPT.with(|k| *k.borrow_mut() = now);
        });
        ui
    }

    /// The rectangle shown now (untracked).
    pub fn current(&self) -> Option<ViewBox> {
        self.view.get_untracked().or(self.whole.get_untracked())
    }

    /// Zooms around the centre of what is shown.
    pub fn zoom(&self, factor: f64) {
        if let (Some(cur), Some(whole)) = (self.current(), self.whole.get_untracked()) {
            self.view.set(Some(cur.zoom(factor, 0.5, 0.5, whole)));
        }
    }

    pub fn zoom_in(&self) {
        self.zoom(STEP);
    }

    pub fn zoom_out(&self) {
        self.zoom(1.0 / STEP);
    }

    /// Pans by the fractions (`fx`, `fy`) of what is shown.
    pub fn pan_by(&self, fx: f64, fy: f64) {
        if let Some(cur) = self.current() {
            self.view.set(Some(cur.pan(cur.w * fx, cur.h * fy)));
        }
    }

    /// Shows the whole drawing again.
    pub fn reset(&self) {
        self.view.set(None);
    }
}

impl Default for TopologyUi {
    fn default() -> Self {
        TopologyUi::new()
    }
}
