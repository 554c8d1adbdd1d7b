//! The topology drawing, made interactive once hydrated: drag the background or use the arrow
//! keys to pan, the wheel or + / − to zoom (0 shows everything), click a node to select it,
//! drag a node to pin it where it is dropped. Without JavaScript it is the server's SVG in a
//! scrolling panel. The SVG is the server's, passed in as children (never serialised into the
//! island's props).

use super::topology_state::TopologyUi;
use super::topology_viewport::{fit, to_user, ViewBox, STEP};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};

/// A pointer movement shorter than this (pixels) is a click, not a drag.
const CLICK_SLOP: f64 = 3.0;

enum Gesture {
    Pan {
        start: (f64, f64),
        from: ViewBox,
    },
    // Only plain data (the server renders this component too, on any thread): the node's
    // element is looked up by id when needed.
    Drag {
        id: String,
        start: (f64, f64),
        centre: (f64, f64),
        moved: bool,
    },
}

fn svg_in(host: &Element) -> Option<Element> {
    host.query_selector("svg").ok().flatten()
}

/// The element's size in pixels and the pointer's position inside it.
fn pointer_in(svg: &Element, client: (i32, i32)) -> (f64, f64, f64, f64) {
    let r = svg.get_bounding_client_rect();
    (
        r.width(),
        r.height(),
        client.0 as f64 - r.left(),
        client.1 as f64 - r.top(),
    )
}

fn node_at(target: Option<leptos::web_sys::EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest("g.node")
        .ok()
        .flatten()
}

/// The drawn node with `data-id` = `id` (compared as text: ids may hold any character).
fn node_by_id(host: &Element, id: &str) -> Option<Element> {
    let nodes = host.query_selector_all("g.node").ok()?;
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
        .find(|n| n.get_attribute("data-id").as_deref() == Some(id))
}

fn number(e: &Element, attr: &str) -> Option<f64> {
    e.get_attribute(attr)?.parse().ok()
}

#[component]
pub fn TopologyCanvas(children: Children) -> impl IntoView {
    let ui = expect_context::<TopologyUi>();
    let host = NodeRef::<leptos::html::Div>::new();
    let interactive = RwSignal::new(false);
    let gesture = StoredValue::new(None::<Gesture>);
    // Hydrated: switch the panel from scrolling to pan and zoom, and learn the whole drawing.
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        interactive.set(true);
        let whole = svg_in(&host)
            .and_then(|s| s.get_attribute("viewBox"))
            .and_then(|v| ViewBox::parse(&v));
        ui.whole.set(whole);
    });
    // Show the chosen rectangle, also on a drawing the server has just replaced.
    Effect::new(move |_| {
        let (Some(host), Some(vb)) = (host.get(), ui.view.get().or(ui.whole.get())) else {
            return;
        };
        if let Some(svg) = svg_in(&host) {
            let _ = svg.set_attribute("viewBox", &vb.attr());
        }
    });
    // Mark the selected node (a thicker outline, in CSS).
    Effect::new(move |_| {
        let selected = ui.selected.get();
        let Some(host) = host.get() else { return };
        let Ok(nodes) = host.query_selector_all("g.node") else {
            return;
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let on = selected.is_some() && node.get_attribute("data-id") == selected;
            let _ = node.class_list().toggle_with_force("selected", on);
        }
    });
    let on_wheel = move |ev: WheelEvent| {
        let (Some(host), Some(cur), Some(whole)) =
            (host.get(), ui.current(), ui.whole.get_untracked())
        else {
            return;
        };
        let Some(svg) = svg_in(&host) else { return };
        ev.prevent_default();
        let (cw, ch, px, py) = pointer_in(&svg, (ev.client_x(), ev.client_y()));
        let (ux, uy) = to_user(cur, cw, ch, px, py);
        let factor = if ev.delta_y() < 0.0 { STEP } else { 1.0 / STEP };
        ui.view.set(Some(cur.zoom(
            factor,
            (ux - cur.x) / cur.w,
            (uy - cur.y) / cur.h,
            whole,
        )));
    };
    let on_down = move |ev: PointerEvent| {
        let (Some(host), Some(cur)) = (host.get(), ui.current()) else {
            return;
        };
        if ev.button() != 0 {
            return;
        }
        let _ = host.focus();
        let start = (ev.client_x() as f64, ev.client_y() as f64);
        let g = match node_at(ev.target()) {
            Some(node) => {
                let id = node.get_attribute("data-id").unwrap_or_default();
                let centre = (
                    number(&node, "data-x").unwrap_or(0.0),
                    number(&node, "data-y").unwrap_or(0.0),
                );
                Gesture::Drag {
                    id,
                    start,
                    centre,
                    moved: false,
                }
            }
            None => Gesture::Pan { start, from: cur },
        };
        let _ = host.set_pointer_capture(ev.pointer_id());
        ev.prevent_default();
        gesture.set_value(Some(g));
    };
    let on_move = move |ev: PointerEvent| {
        let (Some(host), Some(cur)) = (host.get(), ui.current()) else {
            return;
        };
        let Some(svg) = svg_in(&host) else { return };
        let (cw, ch, _, _) = pointer_in(&svg, (0, 0));
        let (upp, _, _) = fit(cur, cw, ch);
        let at = (ev.client_x() as f64, ev.client_y() as f64);
        gesture.update_value(|g| match g {
            Some(Gesture::Pan { start, from }) => {
                ui.view.set(Some(
                    from.pan((start.0 - at.0) * upp, (start.1 - at.1) * upp),
                ));
            }
            Some(Gesture::Drag {
                id, start, moved, ..
            }) => {
                let (dx, dy) = (at.0 - start.0, at.1 - start.1);
                *moved |= dx.hypot(dy) > CLICK_SLOP;
                if let Some(node) = node_by_id(&host, id).filter(|_| *moved) {
                    let _ = node.set_attribute(
                        "transform",
                        &format!("translate({:.1} {:.1})", dx * upp, dy * upp),
                    );
                }
            }
            None => {}
        });
    };
    let on_up = move |ev: PointerEvent| {
        let Some(g) = gesture.try_update_value(Option::take).flatten() else {
            return;
        };
        let Gesture::Drag {
            id,
            start,
            centre,
            moved,
        } = g
        else {
            return;
        };
        ui.selected.set(Some(id.clone()));
        if !moved {
            return;
        }
        let (Some(host), Some(cur)) = (host.get(), ui.current()) else {
            return;
        };
        let Some(svg) = svg_in(&host) else { return };
        let (cw, ch, _, _) = pointer_in(&svg, (0, 0));
        let (upp, _, _) = fit(cur, cw, ch);
        let x = centre.0 + (ev.client_x() as f64 - start.0) * upp;
        let y = centre.1 + (ev.client_y() as f64 - start.1) * upp;
        if let Some(node) = node_by_id(&host, &id) {
            let _ = node.class_list().add_1("pinning");
        }
        ui.pin.dispatch_and_refresh(vec![
            ("id", id),
            ("x", format!("{x:.1}")),
            ("y", format!("{y:.1}")),
        ]);
    };
    let on_cancel = move |_: PointerEvent| {
        if let Some(Some(Gesture::Drag { id, .. })) = gesture.try_update_value(Option::take) {
            if let Some(node) = host.get().and_then(|h| node_by_id(&h, &id)) {
                let _ = node.remove_attribute("transform");
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "ArrowLeft" => ui.pan_by(-0.1, 0.0),
            "ArrowRight" => ui.pan_by(0.1, 0.0),
            "ArrowUp" => ui.pan_by(0.0, -0.1),
            "ArrowDown" => ui.pan_by(0.0, 0.1),
            "+" | "=" => ui.zoom_in(),
            "-" | "_" => ui.zoom_out(),
            "0" => ui.reset(),
            "Escape" => ui.selected.set(None),
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <div
            class="graph"
            class:interactive=move || interactive.get()
            id="graph"
            node_ref=host
            tabindex="0"
            role="application"
            aria-label="Topology drawing. Drag the background or use the arrow keys to pan; the wheel, + and − zoom, 0 shows everything; click a node for its details; drag a node to pin it."
            on:wheel=on_wheel
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_cancel
            on:keydown=on_key
        >{children()}</div>
    }
}
