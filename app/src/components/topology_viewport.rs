//! Pan and zoom of the topology drawing as arithmetic on its SVG `viewBox` (pure, so it is
//! tested without a browser). The drawing keeps its aspect ratio: zooming scales both sides.

/// A `viewBox`: the rectangle of SVG user space the element shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// How far the drawing zooms in or out relative to the whole picture.
const MAX_ZOOM_IN: f64 = 20.0;
const MAX_ZOOM_OUT: f64 = 4.0;
/// One zoom step (wheel notch, button, key).
pub const STEP: f64 = 1.25;

impl ViewBox {
    /// Parses `"x y w h"` (spaces or commas); `None` unless four finite numbers with w, h > 0.
    pub fn parse(s: &str) -> Option<ViewBox> {
        let v: Vec<f64> = s
            .split([' ', ','])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().ok().filter(|n: &f64| n.is_finite()))
            .collect::<Option<_>>()?;
        match v[..] {
            [x, y, w, h] if w > 0.0 && h > 0.0 => Some(ViewBox { x, y, w, h }),
            _ => None,
        }
    }

    pub fn attr(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }

    /// Zooms by `factor` (> 1 zooms in) around the point at fractions (`fx`, `fy`) of the box,
    /// which stays where it is on screen. The scale is bounded relative to `whole`.
    pub fn zoom(self, factor: f64, fx: f64, fy: f64, whole: ViewBox) -> ViewBox {
        let w = (self.w / factor).clamp(whole.w / MAX_ZOOM_IN, whole.w * MAX_ZOOM_OUT);
        let h = w * self.h / self.w;
        let (fx, fy) = (fx.clamp(0.0, 1.0), fy.clamp(0.0, 1.0));
        ViewBox {
            x: self.x + (self.w - w) * fx,
            y: self.y + (self.h - h) * fy,
            w,
            h,
        }
    }

    /// Moves the shown rectangle by (`dx`, `dy`) user units.
    pub fn pan(self, dx: f64, dy: f64) -> ViewBox {
        ViewBox {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// The placement of a `viewBox` in an element of `cw` × `ch` pixels with the default
/// `preserveAspectRatio` (xMidYMid meet): user units per pixel and the pixel offset of the
/// box's top-left corner.
pub fn fit(vb: ViewBox, cw: f64, ch: f64) -> (f64, f64, f64) {
    if cw <= 0.0 || ch <= 0.0 {
        return (1.0, 0.0, 0.0);
    }
    let upp = (vb.w / cw).max(vb.h / ch);
    (upp, (cw - vb.w / upp) / 2.0, (ch - vb.h / upp) / 2.0)
}

/// The user-space point under pixel (`px`, `py`) of the element.
pub fn to_user(vb: ViewBox, cw: f64, ch: f64, px: f64, py: f64) -> (f64, f64) {
    let (upp, ox, oy) = fit(vb, cw, ch);
    (vb.x + (px - ox) * upp, vb.y + (py - oy) * upp)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHOLE: ViewBox = ViewBox {
        x: -16.0,
        y: -16.0,
        w: 1000.0,
        h: 500.0,
    };

    #[test]
    fn parses_and_prints() {
        assert_eq!(
            ViewBox::parse("-16 -16.5 1000 500"),
            Some(ViewBox { y: -16.5, ..WHOLE })
        );
        assert_eq!(ViewBox::parse("0,0,10,10").map(|v| v.w), Some(10.0));
        assert_eq!(ViewBox::parse("0 0 0 10"), None);
        assert_eq!(ViewBox::parse("0 0 10"), None);
        assert_eq!(ViewBox::parse("0 0 NaN 10"), None);
        assert_eq!(WHOLE.attr(), "-16.0 -16.0 1000.0 500.0");
    }

    #[test]
    fn zoom_keeps_the_focus_point_and_the_aspect() {
        let z = WHOLE.zoom(2.0, 0.25, 0.5, WHOLE);
        assert_eq!((z.w, z.h), (500.0, 250.0));
        // The point a quarter across and half down is the same user point before and after.
        let before = (WHOLE.x + WHOLE.w * 0.25, WHOLE.y + WHOLE.h * 0.5);
        let after = (z.x + z.w * 0.25, z.y + z.h * 0.5);
        assert_eq!(before, after);
        let back = z.zoom(0.5, 0.25, 0.5, WHOLE);
        assert!((back.x - WHOLE.x).abs() < 1e-9 && (back.w - WHOLE.w).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_bounded() {
        let mut v = WHOLE;
        for _ in 0..100 {
            v = v.zoom(STEP, 0.5, 0.5, WHOLE);
        }
        assert_eq!(v.w, WHOLE.w / MAX_ZOOM_IN);
        for _ in 0..200 {
            v = v.zoom(1.0 / STEP, 0.5, 0.5, WHOLE);
        }
        assert_eq!(v.w, WHOLE.w * MAX_ZOOM_OUT);
    }

    #[test]
    fn pixels_map_to_user_space_with_letterboxing() {
        // A 2:1 box in a 400 × 400 element: 2.5 units per pixel, centred vertically.
        let (upp, ox, oy) = fit(WHOLE, 400.0, 400.0);
        assert_eq!((upp, ox, oy), (2.5, 0.0, 100.0));
        assert_eq!(to_user(WHOLE, 400.0, 400.0, 0.0, 100.0), (-16.0, -16.0));
        assert_eq!(to_user(WHOLE, 400.0, 400.0, 400.0, 300.0), (984.0, 484.0));
        assert_eq!(WHOLE.pan(10.0, -5.0).x, -6.0);
    }
}
