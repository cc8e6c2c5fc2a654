//! Lowering of polymarkers: each marker type's drawing program from
//! [`crate::tables::markers`] becomes filled and stroked device paths, scaled by marker
//! size × nominal size as in GR.
//!
//! One deliberate difference from GR 0.73's PNG output: hollow markers are outlined in the
//! marker colour (as GR's newer drivers do), not in the border colour, which is white by
//! default and made them invisible on a white page.

use crate::device::{DeviceOp, FillRule, LineCap, LineJoin, Rgba, StrokeStyle};
use crate::display_list::MarkerStyle;
use crate::geometry::Path;
use crate::lower::Lowering;
use crate::tables::markers::{marker_shape, MarkerOp, CIRCLE_RADIUS, MARKER_SCALE};

/// Appends the device operations for markers at NDC `points`.
pub(crate) fn lower_markers(l: &mut Lowering<'_>, points: &[(f64, f64)], style: &MarkerStyle) {
    let Some(ops) = marker_shape(style.marker.to_gr()) else {
        return;
    };
    let nominal = l.nominal;
    let k = style.size * nominal * MARKER_SCALE;
    let border_w = style.border_width * nominal;
    let line_w = style.border_width.max(style.line_width) * nominal;
    let stroke = |width: f64| StrokeStyle {
        width,
        cap: LineCap::Butt,
        join: LineJoin::Miter,
        dash: None,
    };
    let draw_border = style.border_color != style.color && style.border_width > 0.0;

    // Each operation's path is built once in marker-local device units (y down); the
    // markers of one call become one instanced operation.
    let polygon = |pts: &[(f64, f64)]| Path::polygon(pts.iter().map(|&(x, y)| (k * x, -k * y)));
    let polyline = |pts: &[(f64, f64)]| {
        let mut p = Path::new();
        for (i, &(x, y)) in pts.iter().enumerate() {
            if i == 0 {
                p.move_to(k * x, -k * y);
            } else {
                p.line_to(k * x, -k * y);
            }
        }
        p
    };
    let r = k * CIRCLE_RADIUS;
    let circle = || Path::ellipse(0.0, 0.0, r, r);
    let dot = || {
        let h = nominal.max(1.0) / 2.0;
        Path::polygon([(-h, -h), (h, -h), (h, h), (-h, h)])
    };

    enum Paint {
        Fill(Rgba),
        Stroke(Rgba, f64),
    }
    let mut shapes: Vec<(Path, Paint)> = Vec::new();
    for op in ops {
        match *op {
            MarkerOp::Point => shapes.push((dot(), Paint::Fill(style.color))),
            MarkerOp::Line(a, b) => {
                shapes.push((polyline(&[a, b]), Paint::Stroke(style.color, line_w)))
            }
            MarkerOp::Outline(pts) => shapes.push((
                polyline(pts),
                Paint::Stroke(style.color, border_w.max(nominal * 0.5)),
            )),
            MarkerOp::Polygon(pts) => {
                shapes.push((polygon(pts), Paint::Fill(style.color)));
                if draw_border {
                    shapes.push((polygon(pts), Paint::Stroke(style.border_color, border_w)));
                }
            }
            MarkerOp::HollowPolygon(pts) => {
                shapes.push((polygon(pts), Paint::Fill(style.background)))
            }
            MarkerOp::Circle => shapes.push((
                circle(),
                Paint::Stroke(style.color, border_w.max(nominal * 0.5)),
            )),
            MarkerOp::FilledCircle => {
                shapes.push((circle(), Paint::Fill(style.color)));
                if draw_border {
                    shapes.push((circle(), Paint::Stroke(style.border_color, border_w)));
                }
            }
            MarkerOp::HollowCircle => shapes.push((circle(), Paint::Fill(style.background))),
            MarkerOp::BorderOutline(pts) => {
                if style.border_width > 0.0 {
                    shapes.push((polyline(pts), Paint::Stroke(style.border_color, border_w)));
                }
            }
        }
    }

    let mut positions = crate::recycle::points_buffer(points.len());
    positions.extend(
        points
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|&(x, y)| l.to_dev.apply(x, y)),
    );
    if positions.is_empty() {
        return;
    }
    let ops = shapes
        .into_iter()
        .map(|(path, paint)| match paint {
            Paint::Fill(color) => DeviceOp::Fill {
                path,
                rule: FillRule::NonZero,
                color,
            },
            Paint::Stroke(color, width) => DeviceOp::Stroke {
                path,
                style: stroke(width),
                color,
            },
        })
        .collect();
    l.ops.push(DeviceOp::Instances { ops, positions });
}
