//! A small, self-contained SVG rendering of a layout (pure: returns a `String`).
//!
//! Every node's state is shown twice, for colour-blind users: by colour *and* by the
//! outline dash pattern plus an icon glyph; node kinds differ by shape. Edges use the
//! same colour + dash pairs. All text is XML-escaped. The `viewBox` is the layout's
//! bounding box plus padding, with a legend below.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::model::{Graph, Kind, Layout, Node, State};
use crate::pipeline::finite;

const PAD: f32 = 16.0;
const LEGEND_H: f32 = 64.0;
const LEGEND_W: f32 = 1040.0;

/// Stroke colour, fill colour, dash pattern and icon of a state.
pub(crate) fn style(s: State) -> (&'static str, &'static str, &'static str, &'static str) {
    match s {
        State::Up => ("#1b7f3b", "#e3f4e8", "none", "✓"),
        State::Degraded => ("#b26b00", "#fff1d6", "6 3", "!"),
        State::Down => ("#c62828", "#fde4e4", "2 2", "✕"),
        State::Unknown => ("#5f6368", "#eef0f2", "1 4", "?"),
    }
}

pub(crate) fn state_name(s: State) -> &'static str {
    match s {
        State::Up => "up",
        State::Degraded => "degraded",
        State::Down => "down",
        State::Unknown => "unknown",
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// SVG element for a node shape of `kind` centred at (x, y).
pub(crate) fn shape(kind: Kind, x: f32, y: f32, w: f32, h: f32) -> String {
    let (l, r, t, b) = (x - w / 2.0, x + w / 2.0, y - h / 2.0, y + h / 2.0);
    let poly = |pts: &[(f32, f32)]| {
        let p: Vec<String> = pts.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
        format!("<polygon points=\"{}\"", p.join(" "))
    };
    match kind {
        Kind::Vpc | Kind::Vbr => format!("<rect x=\"{l:.1}\" y=\"{t:.1}\" width=\"{w:.1}\" height=\"{h:.1}\""),
        Kind::VpnGateway | Kind::RouterInterface => {
            let d = h / 2.0;
            poly(&[(l + d, t), (r - d, t), (r, y), (r - d, b), (l + d, b), (l, y)])
        }
        Kind::Connection | Kind::PhysicalConnection | Kind::Tunnel => format!(
            "<rect x=\"{l:.1}\" y=\"{t:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"{:.1}\"",
            h / 2.0
        ),
        Kind::CustomerGateway => poly(&[(x, t), (r, y), (x, b), (l, y)]),
        Kind::Site => poly(&[(l, t + h / 3.0), (x, t), (r, t + h / 3.0), (r, b), (l, b)]),
        Kind::Group => format!(
            "<rect x=\"{l:.1}\" y=\"{t:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"4\" stroke-width=\"3\""
        ),
    }
}

/// A small filled circle on the top-right corner of a pinned node (a shape, not a colour).
pub(crate) fn pin_mark(pinned: bool, x: f32, y: f32) -> String {
    if !pinned {
        return String::new();
    }
    format!(
        "<circle class=\"pin\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#333\" stroke=\"#fff\"><title>pinned</title></circle>"
    )
}

/// Renders `graph` as laid out in `layout`.
pub fn render(graph: &Graph, layout: &Layout) -> String {
    let (x0, y0) = (layout.min.x - PAD, layout.min.y - PAD);
    let w = (layout.width + 2.0 * PAD).max(LEGEND_W);
    let h = layout.height + 2.0 * PAD + LEGEND_H;
    let mut s = String::with_capacity(256 + graph.nodes.len() * 320 + graph.edges.len() * 160);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0:.1} {y0:.1} {w:.1} {h:.1}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\
         <defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\" \
         markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0L8 4L0 8z\" fill=\"#555\"/></marker></defs>"
    );
    for (e, path) in graph.edges.iter().zip(&layout.edge_paths) {
        if path.points.is_empty() {
            continue;
        }
        let (stroke, _, dash, _) = style(e.state);
        let width = 1.2 + (e.count.max(1) as f32).log2();
        let _ = write!(
            s,
            "<path class=\"edge\" d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\" \
             stroke-dasharray=\"{dash}\" marker-end=\"url(#arrow)\"><title>{} → {} ({})</title></path>",
            path.d(),
            escape(&e.from),
            escape(&e.to),
            state_name(e.state)
        );
    }
    let mut seen = BTreeSet::new();
    for n in &graph.nodes {
        let Some(p) = layout.positions.get(&n.id) else {
            continue;
        };
        if !seen.insert(n.id.as_str()) {
            continue;
        }
        // Drawn at the size the layout used: NaN, negative and huge sizes cleaned up alike.
        let n = &Node {
            width: finite(n.width),
            height: finite(n.height),
            ..n.clone()
        };
        let (stroke, fill, dash, icon) = style(n.state);
        let mut label = n.label.clone();
        if n.kind == Kind::Group {
            label = format!("{label} ({})", n.members);
        }
        let max_chars = ((n.width - 24.0) / 6.5).max(1.0) as usize;
        let shown: String = if label.chars().count() > max_chars {
            label
                .chars()
                .take(max_chars.saturating_sub(1))
                .chain(['…'])
                .collect()
        } else {
            label.clone()
        };
        // `data-*` attributes let a browser script find, select and drag a node by its id.
        let _ = write!(
            s,
            "<g class=\"node\" data-id=\"{}\" data-kind=\"{}\" data-state=\"{}\" data-x=\"{:.1}\" \
             data-y=\"{:.1}\"{}><title>{} — {} — {}</title>{} fill=\"{fill}\" stroke=\"{stroke}\" stroke-dasharray=\"{dash}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"{stroke}\" font-weight=\"bold\">{icon}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>{}</g>",
            escape(&n.id),
            n.kind.label(),
            state_name(n.state),
            p.x,
            p.y,
            if n.pinned.is_some() { " data-pinned=\"true\"" } else { "" },
            escape(&label),
            n.kind.label(),
            state_name(n.state),
            shape(n.kind, p.x, p.y, n.width, n.height),
            p.x - n.width / 2.0 + 6.0 + n.height / 4.0,
            p.y + 4.0,
            p.x + 6.0,
            p.y + 4.0,
            escape(&shown),
            pin_mark(n.pinned.is_some(), p.x + n.width / 2.0, p.y - n.height / 2.0)
        );
    }
    crate::legend::legend(&mut s, x0 + PAD, y0 + h - LEGEND_H + 8.0);
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node, Options};

    #[test]
    fn escapes_text() {
        assert_eq!(escape("<a&'\"b>\u{1}"), "&lt;a&amp;&apos;&quot;b&gt;");
    }

    #[test]
    fn renders_nodes_edges_legend_and_viewbox() {
        let mut g = Graph::default();
        g.nodes.push(Node::new("vpc<1>", Kind::Vpc));
        g.nodes.push(Node::new("gw & co", Kind::VpnGateway));
        g.edges.push(Edge::new("vpc<1>", "gw & co"));
        let l = crate::layout(&g, &Options::default(), None);
        let svg = render(&g, &l);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("viewBox=\"-16.0 -16.0 "));
        assert!(svg.contains("vpc&lt;1&gt;") && svg.contains("gw &amp; co"));
        assert!(!svg.contains("vpc<1>"));
        assert_eq!(svg.matches("marker-end").count(), 1);
        assert!(svg.contains("class=\"legend\"") && svg.contains("✕ down"));
        assert!(svg.contains("data-id=\"vpc&lt;1&gt;\"") && !svg.contains("data-pinned"));
        assert_eq!(svg.matches("class=\"node\"").count(), 2);
    }

    #[test]
    fn pinned_nodes_are_marked() {
        let mut g = Graph::default();
        let mut n = Node::new("gw", Kind::VpnGateway);
        n.pinned = Some((300.0, 40.0));
        g.nodes.push(n);
        let svg = render(&g, &crate::layout(&g, &Options::default(), None));
        assert!(svg.contains("data-pinned=\"true\"") && svg.contains("data-x=\"300.0\""));
        // The node's mark and the legend's.
        assert_eq!(svg.matches("class=\"pin\"").count(), 2);
    }
}
