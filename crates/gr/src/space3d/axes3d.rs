//! `grid3d`, `axes3d` and `titles3d`.
//!
//! Tick geometry follows GR's classic `axes3d`: the x and z axes carry their ticks in the y
//! direction, the y axis in the x direction, `|tick_size|` NDC of viewport height (width for
//! the y axis) long, major ticks twice that, labels every `major`-th tick, outside the box
//! (`|tick_size|` beyond the axis for inward ticks, `3·|tick_size|` for outward ones), none
//! at the origin value. Labels (and titles) are kept **upright** instead of GR's slanted
//! glyphs: each label box is placed just outside the end of its tick, on the side the tick
//! points to, which reads well from every rotation. For camera projections the x and y
//! axes carry their ticks in the floor (along the other horizontal axis, unless that looks
//! nearly parallel on screen), the z axis along the horizontal axis that looks more
//! perpendicular to it; the tick length is `tick_size` NDC on screen.

use super::{check_finite, invalid, ProjectionType, Projector, TitleSlot};
use crate::axes::axis_ticks;
use crate::context::Gr;
use crate::error::Result;
use crate::scale::{Axis, AxisKind};
use crate::ticks::{self, TickFormat};

/// Gap between a label (or title) and what it belongs to, in character heights.
const TITLE_GAP: f64 = 1.0;

fn check_ticks(func: &'static str, ticks: [f64; 3], orgs: [f64; 3]) -> Result<()> {
    for (w, v) in ["x_tick", "y_tick", "z_tick"].iter().zip(ticks) {
        if !(v.is_finite() && v >= 0.0) {
            return Err(invalid(
                func,
                format!("{w} must be a finite number >= 0 (0 = no ticks), got {v}"),
            ));
        }
    }
    for (w, v) in ["x_org", "y_org", "z_org"].iter().zip(orgs) {
        check_finite(func, w, v)?;
    }
    Ok(())
}

/// GR's grid ticks: `(value, major)`; linear ticks counted from the first one at or above
/// the minimum (major every `major`-th when `major > 1`), log ticks at decades (and at
/// 2..9 × 10ⁿ when `major == 1`). The line at the axis minimum is left out.
fn grid_ticks(axis: &Axis, tick: f64, major: i32) -> Vec<(f64, bool)> {
    let mut out = Vec::new();
    match axis.kind {
        AxisKind::Log(base) => {
            for (v, decade) in ticks::log_ticks(axis.min, axis.max, base.value()) {
                if decade || major == 1 {
                    out.push((v, decade));
                }
            }
        }
        AxisKind::Linear => {
            for (i, v) in ticks::linear_ticks(axis.min, axis.max, tick, 0.0)
                .into_iter()
                .enumerate()
            {
                let m = major > 1 && i as i64 % major as i64 == 0;
                out.push((v, m));
            }
        }
    }
    let eps = 1e-9 * (axis.max - axis.min).abs();
    out.retain(|(v, _)| (v - axis.min).abs() > eps);
    out
}

/// Unit vector along axis `k`.
fn e(k: usize) -> [f64; 3] {
    let mut v = [0.0; 3];
    v[k] = 1.0;
    v
}

fn add(a: [f64; 3], b: [f64; 3], s: f64) -> [f64; 3] {
    [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]]
}

/// Screen direction (unit NDC vector) of a small unit-space step `d` from `p`.
fn screen_dir(p: &Projector, at: [f64; 3], d: [f64; 3]) -> Option<(f64, f64)> {
    let a = p.project_unit(at)?;
    let b = p.project_unit(add(at, d, 1e-3))?;
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l = (dx * dx + dy * dy).sqrt();
    (l > 0.0).then(|| (dx / l, dy / l))
}

impl Gr {
    /// Places `text` so that its box touches `anchor` from the side `o` points to (upright
    /// when `up` is (0, 1)); returns the box `[xmin, xmax, ymin, ymax]` (NDC). Must run in
    /// NDC.
    pub(crate) fn place_text(
        &mut self,
        anchor: (f64, f64),
        o: (f64, f64),
        text: &str,
        up: (f64, f64),
    ) -> Result<[f64; 4]> {
        if text.is_empty() {
            return Ok([anchor.0, anchor.0, anchor.1, anchor.1]);
        }
        self.gks.setcharup(up.0, up.1)?;
        self.gks.settextalign(2, 3)?;
        let (bx, by) = self.gks.inqtext(0.5, 0.5, text)?;
        let (x0, x1) = (
            bx.iter().cloned().fold(f64::INFINITY, f64::min),
            bx.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
        );
        let (y0, y1) = (
            by.iter().cloned().fold(f64::INFINITY, f64::min),
            by.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
        );
        let (hw, hh) = ((x1 - x0) / 2.0, (y1 - y0) / 2.0);
        let (dcx, dcy) = ((x0 + x1) / 2.0 - 0.5, (y0 + y1) / 2.0 - 0.5);
        let k = (o.0.abs() / hw.max(1e-12)).max(o.1.abs() / hh.max(1e-12));
        let t = if k > 0.0 { 1.0 / k } else { 0.0 };
        let (cx, cy) = (anchor.0 + o.0 * t, anchor.1 + o.1 * t);
        self.gks.text(cx - dcx, cy - dcy, text)?;
        Ok([cx - hw, cx + hw, cy - hh, cy + hh])
    }

    /// `grid3d`: grid lines of the 3D box at the ticks of each axis with a non-zero tick
    /// interval: x ticks give lines in the floor `z = z_org` (along y) and in the wall
    /// `y = y_org` (along z), y ticks lines in the floor and the wall `x = x_org`, z ticks
    /// lines in both walls. Every `major`-th line is major: colour 88 (#cccccc) against 90
    /// (#eeeeee) when the line colour is 1, else the line colour at 40 % / 20 % opacity.
    #[allow(clippy::too_many_arguments)]
    pub fn grid3d(
        &mut self,
        x_tick: f64,
        y_tick: f64,
        z_tick: f64,
        x_org: f64,
        y_org: f64,
        z_org: f64,
        major_x: i32,
        major_y: i32,
        major_z: i32,
    ) -> Result<()> {
        let ticks3 = [x_tick, y_tick, z_tick];
        let orgs = [x_org, y_org, z_org];
        check_ticks("grid3d", ticks3, orgs)?;
        let p = self.projector();
        let org = p.unit(x_org, y_org, z_org);
        if org.iter().any(|v| !v.is_finite()) {
            return Err(invalid(
                "grid3d",
                "the origin must be positive on logarithmic axes",
            ));
        }
        let majors = [major_x, major_y, major_z];
        // lines[0] minor, lines[1] major.
        let mut lines: [(Vec<f64>, Vec<f64>); 2] = Default::default();
        for k in 0..3 {
            if ticks3[k] <= 0.0 {
                continue;
            }
            let axis = p.axes[k];
            // The two other axes: one line parallel to each, through the origin plane.
            let (a, b) = ((k + 1) % 3, (k + 2) % 3);
            for (v, major) in grid_ticks(&axis, ticks3[k], majors[k]) {
                let t = axis.to_unit(v);
                if !t.is_finite() {
                    continue;
                }
                let l = &mut lines[major as usize];
                for (along, fixed) in [(a, b), (b, a)] {
                    let mut p0 = [0.0; 3];
                    p0[k] = t;
                    p0[fixed] = org[fixed];
                    let mut p1 = p0;
                    p0[along] = 0.0;
                    p1[along] = 1.0;
                    super::draw::push_segment(&p, false, p0, p1, &mut l.0, &mut l.1);
                }
            }
        }
        self.in_ndc(|gr| {
            gr.gks.setlinetype(1)?;
            let color = gr.gks.state().linecolor;
            let alpha = gr.gks.state().transparency;
            for (k, (xs, ys)) in lines.iter().enumerate() {
                if xs.len() < 2 {
                    continue;
                }
                if color == 1 {
                    gr.gks.setlinecolorind(if k == 1 { 88 } else { 90 })?;
                } else {
                    gr.gks
                        .settransparency(alpha * if k == 1 { 0.4 } else { 0.2 })?;
                }
                gr.gks.polyline(xs, ys)?;
            }
            Ok(())
        })
    }

    /// `axes3d`: the x axis through `(y_org, z_org)`, the y axis through `(x_org, z_org)`
    /// and the z axis through `(x_org, y_org)`, each drawn when its tick interval is
    /// non-zero, with minor ticks every `*_tick`, major ticks (twice as long, labelled
    /// when the count is positive) every `major_*`-th, `tick_size` NDC long, its sign
    /// choosing the side. See the module docs for the geometry; labels are upright.
    #[allow(clippy::too_many_arguments)]
    pub fn axes3d(
        &mut self,
        x_tick: f64,
        y_tick: f64,
        z_tick: f64,
        x_org: f64,
        y_org: f64,
        z_org: f64,
        major_x: i32,
        major_y: i32,
        major_z: i32,
        tick_size: f64,
    ) -> Result<()> {
        let func = "axes3d";
        let ticks3 = [x_tick, y_tick, z_tick];
        let orgs = [x_org, y_org, z_org];
        check_ticks(func, ticks3, orgs)?;
        if !tick_size.is_finite() || tick_size == 0.0 {
            return Err(invalid(
                func,
                format!(
                    "tick size must be finite and non-zero (NDC, sign = side), got {tick_size}"
                ),
            ));
        }
        let p = self.projector();
        for (k, name) in ["x", "y", "z"].iter().enumerate() {
            let a = p.axes[k];
            let (lo, hi) = (a.min.min(a.max), a.min.max(a.max));
            if !(lo <= orgs[k] && orgs[k] <= hi) {
                return Err(invalid(
                    func,
                    format!(
                        "{name}_org {} lies outside the {name} range {}..{}; choose an origin inside the 3D box",
                        orgs[k], a.min, a.max
                    ),
                ));
            }
        }
        let org = p.unit(x_org, y_org, z_org);
        if org.iter().any(|v| !v.is_finite()) {
            return Err(invalid(
                func,
                "the origin must be positive on logarithmic axes",
            ));
        }
        let majors = [major_x, major_y, major_z];
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let classic = self.space3d.projection == ProjectionType::Default;
        // GR draws z, then y, then x.
        for k in [2usize, 1, 0] {
            if ticks3[k] <= 0.0 {
                continue;
            }
            // Tick direction j and its signed length in unit coordinates.
            let (j, delta) = if classic {
                if k == 1 {
                    (0, tick_size / (vx1 - vx0))
                } else {
                    (1, tick_size / (vy1 - vy0))
                }
            } else {
                // x and y axes: ticks in the floor along the other horizontal axis; z axis:
                // along whichever horizontal axis looks more perpendicular to it.
                let mut m = org;
                m[k] = 0.5;
                let axis_dir = screen_dir(&p, m, e(k)).unwrap_or((0.0, 1.0));
                let screen = |j: usize| -> Option<(f64, f64)> {
                    let (a, b) = (p.project_unit(m)?, p.project_unit(add(m, e(j), 1e-3))?);
                    let (dx, dy) = ((b[0] - a[0]) / 1e-3, (b[1] - a[1]) / 1e-3);
                    let len = (dx * dx + dy * dy).sqrt();
                    Some((
                        len,
                        (dx * axis_dir.1 - dy * axis_dir.0).abs() / len.max(1e-300),
                    ))
                };
                let candidates: &[usize] = match k {
                    0 => &[1, 2],
                    1 => &[0, 2],
                    _ => &[0, 1],
                };
                let mut best: Option<(usize, f64, f64)> = None;
                for &j in candidates {
                    if let Some((len, sin)) = screen(j) {
                        // Prefer the first candidate unless it is nearly parallel on screen.
                        let score = if k < 2 && j == candidates[0] {
                            sin + 0.5
                        } else {
                            sin
                        };
                        if best.is_none_or(|b| score > b.1) {
                            best = Some((j, score, len));
                        }
                    }
                }
                let (j, _, len) = best.unwrap_or((candidates[0], 0.0, 1.0));
                (j, tick_size / len.max(1e-12))
            };
            let label_offset = if (org[j] <= 0.5 && delta > 0.0) || (org[j] > 0.5 && delta < 0.0) {
                -delta
            } else {
                3.0 * delta
            };
            self.draw_axis3d(
                &p,
                k,
                j,
                org,
                orgs[k],
                ticks3[k],
                majors[k],
                delta,
                label_offset,
            )?;
        }
        Ok(())
    }

    /// One axis of `axes3d`: line, ticks, labels; records where its title goes.
    #[allow(clippy::too_many_arguments)]
    fn draw_axis3d(
        &mut self,
        p: &Projector,
        k: usize,
        j: usize,
        org: [f64; 3],
        org_value: f64,
        tick: f64,
        major: i32,
        delta: f64,
        label_offset: f64,
    ) -> Result<()> {
        let axis = p.axes[k];
        let mut ticks = axis_ticks(&axis, tick, major);
        let log = matches!(axis.kind, AxisKind::Log(_));
        if major == 0 {
            for t in &mut ticks {
                t.major = true;
            }
        }
        if log && major.abs() != 1 {
            ticks.retain(|t| t.major);
        }
        let at = |t: f64| {
            let mut q = org;
            q[k] = t;
            q
        };
        let ej = e(j);
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        // The axis line.
        super::draw::push_segment(p, false, at(0.0), at(1.0), &mut xs, &mut ys);
        let tol = 1e-9 * tick.max(f64::MIN_POSITIVE);
        let mut labels: Vec<(f64, [f64; 3])> = Vec::new();
        for t in &ticks {
            let u = axis.to_unit(t.value);
            if !u.is_finite() {
                continue;
            }
            let base = at(u);
            let len = if t.major { 2.0 * delta } else { delta };
            super::draw::push_segment(p, false, base, add(base, ej, len), &mut xs, &mut ys);
            if t.major && major > 0 && (t.value - org_value).abs() > tol {
                labels.push((t.value, base));
            }
        }
        let values: Vec<f64> = labels.iter().map(|l| l.0).collect();
        let format = TickFormat::for_ticks(&values, tick * major.max(1) as f64);
        let outward = [
            ej[0] * label_offset.signum(),
            ej[1] * label_offset.signum(),
            ej[2] * label_offset.signum(),
        ];
        // What the axis draws beside itself (tick ends, labels), for the title.
        let mut marks: Vec<[f64; 6]> = Vec::new();
        for t in &ticks {
            let u = axis.to_unit(t.value);
            let len = if t.major { 2.0 * delta } else { delta };
            if let (Some(a), Some(b)) = (p.project_unit(at(u)), p.project_unit(add(at(u), ej, len)))
            {
                marks.push([a[0], a[1], b[0], b[0], b[1], b[1]]);
            }
        }
        let boxes = self.in_ndc(|gr| {
            gr.gks.setlinetype(1)?;
            if xs.len() >= 2 {
                gr.gks.polyline(&xs, &ys)?;
            }
            let mut boxes = Vec::new();
            for (v, base) in &labels {
                let lp = add(*base, ej, label_offset);
                let (Some(a), Some(b)) = (p.project_unit(*base), p.project_unit(lp)) else {
                    continue;
                };
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let l = (dx * dx + dy * dy).sqrt();
                let o = if l > 0.0 {
                    (dx / l, dy / l)
                } else {
                    (0.0, -1.0)
                };
                let bx = gr.place_text((b[0], b[1]), o, &format.format(*v), (0.0, 1.0))?;
                boxes.push([a[0], a[1], bx[0], bx[1], bx[2], bx[3]]);
            }
            Ok(boxes)
        })?;
        marks.extend(boxes);
        self.space3d.titles[k] = Some(TitleSlot {
            from: at(0.0),
            to: at(1.0),
            outward,
            marks,
        });
        Ok(())
    }

    /// `titles3d`: axis titles beside the axes. An axis last drawn by `axes3d` gets its
    /// title centred on it just beyond its tick labels; otherwise the title goes beside the
    /// front edge of the box (x, y) or its leftmost vertical edge (z). X and Y titles are
    /// upright and pushed away from the box in the direction of the labels; the Z title
    /// reads upwards beside a vertical z axis, on the outer side. Empty strings are skipped.
    pub fn titles3d(&mut self, x_title: &str, y_title: &str, z_title: &str) -> Result<()> {
        let p = self.projector();
        let gap = TITLE_GAP * self.gks.state().charheight;
        let titles = [x_title, y_title, z_title];
        let centre = p.project_unit([0.5, 0.5, 0.5]);
        let mut jobs = Vec::new();
        for (k, title) in titles.iter().enumerate() {
            if title.is_empty() {
                continue;
            }
            let slot = self.space3d.titles[k]
                .clone()
                .unwrap_or_else(|| default_slot(&p, k));
            let mid = [
                (slot.from[0] + slot.to[0]) / 2.0,
                (slot.from[1] + slot.to[1]) / 2.0,
                (slot.from[2] + slot.to[2]) / 2.0,
            ];
            let Some(m) = p.project_unit(mid) else {
                continue;
            };
            let vertical = matches!(
                screen_dir(&p, slot.from, super::sub(slot.to, slot.from)),
                Some((dx, dy)) if dy.abs() > dx.abs()
            );
            let (o, up) = if k == 2 && vertical {
                let side = match centre {
                    Some(c) if m[0] > c[0] => 1.0,
                    _ => -1.0,
                };
                ((side, 0.0), (-1.0, 0.0))
            } else {
                match screen_dir(&p, mid, slot.outward) {
                    Some(o) => (o, (0.0, 1.0)),
                    None => continue,
                }
            };
            // Clear everything the axis drew beside itself, measured along o from the
            // point on the axis each mark belongs to.
            let reach = slot
                .marks
                .iter()
                .flat_map(|b| {
                    [(b[2], b[4]), (b[2], b[5]), (b[3], b[4]), (b[3], b[5])]
                        .map(|(x, y)| (x - b[0]) * o.0 + (y - b[1]) * o.1)
                })
                .fold(0.0, f64::max);
            let d = reach + gap;
            jobs.push(((m[0] + o.0 * d, m[1] + o.1 * d), o, title.to_string(), up));
        }
        self.in_ndc(|gr| {
            for (anchor, o, text, up) in &jobs {
                gr.place_text(*anchor, *o, text, *up)?;
            }
            Ok(())
        })
    }
}

/// Title placement for an axis `axes3d` has not drawn: the box edge nearest the viewer.
fn default_slot(p: &Projector, k: usize) -> TitleSlot {
    let depth = |q: [f64; 3]| p.project_unit(q).map_or(f64::INFINITY, |r| r[2]);
    let screen_x = |q: [f64; 3]| p.project_unit(q).map_or(f64::INFINITY, |r| r[0]);
    match k {
        0 | 1 => {
            // The edge along k on the floor, on the near side of the other horizontal axis.
            let o = 1 - k;
            let mut best = None;
            for side in [0.0, 1.0] {
                let mut a = [0.5; 3];
                a[2] = 0.0;
                a[o] = side;
                let d = depth(a);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, side));
                }
            }
            let side = best.map_or(0.0, |b| b.1);
            let mut from = [0.0; 3];
            from[o] = side;
            let mut to = from;
            to[k] = 1.0;
            let mut outward = [0.0; 3];
            outward[o] = if side == 0.0 { -1.0 } else { 1.0 };
            TitleSlot {
                from,
                to,
                outward,
                marks: Vec::new(),
            }
        }
        _ => {
            let mut best = ([0.0, 0.0], f64::INFINITY);
            for (u, v) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                let sx = screen_x([u, v, 0.5]);
                if sx < best.1 {
                    best = ([u, v], sx);
                }
            }
            let [u, v] = best.0;
            TitleSlot {
                from: [u, v, 0.0],
                to: [u, v, 1.0],
                outward: [u * 2.0 - 1.0, v * 2.0 - 1.0, 0.0],
                marks: Vec::new(),
            }
        }
    }
}
