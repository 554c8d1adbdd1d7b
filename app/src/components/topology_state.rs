//! What the topology page's interactive parts share: the shown rectangle (pan / zoom), the
//! selected node and the server actions that change pins and layouts. Provided as context by
//! the page; every action's version feeds the drawing's resource, so a change re-lays it out.

use super::topology_viewport::{ViewBox, STEP};
use crate::api::topology_layouts::{
    DeleteLayout, LoadLayout, PinNode, SaveLayout, UnpinAll, UnpinNode,
};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct TopologyUi {
    /// What the user panned / zoomed to; `None` shows the whole drawing.
    pub view: RwSignal<Option<ViewBox>>,
    /// The whole drawing's `viewBox`, read from the SVG the server drew.
    pub whole: RwSignal<Option<ViewBox>>,
    /// The selected node's id (`data-id` in the SVG).
    pub selected: RwSignal<Option<String>>,
    pub pin: ServerAction<PinNode>,
    pub unpin: ServerAction<UnpinNode>,
    pub unpin_all: ServerAction<UnpinAll>,
    pub load: ServerAction<LoadLayout>,
    pub save: ServerAction<SaveLayout>,
    pub delete: ServerAction<DeleteLayout>,
}

impl TopologyUi {
    pub fn new() -> TopologyUi {
        TopologyUi {
            view: RwSignal::new(None),
            whole: RwSignal::new(None),
            selected: RwSignal::new(None),
            pin: ServerAction::new(),
            unpin: ServerAction::new(),
            unpin_all: ServerAction::new(),
            load: ServerAction::new(),
            save: ServerAction::new(),
            delete: ServerAction::new(),
        }
    }

    /// Changes whenever the pins may have changed (tracked: the drawing refetches on it).
    pub fn pins_version(&self) -> usize {
        self.pin.version().get()
            + self.unpin.version().get()
            + self.unpin_all.version().get()
            + self.load.version().get()
    }

    /// Changes whenever the saved layouts may have changed (tracked).
    pub fn layouts_version(&self) -> usize {
        self.save.version().get() + self.delete.version().get()
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
