//! GR's struct-based axis API: [`Gr::axis`] fills an [`AxisSpec`] with GR's default ticks
//! and labels for the current window, the caller may edit it (explicit tick values, custom
//! label strings, another position or tick size), and [`Gr::drawaxis`] /
//! [`Gr::drawaxes`] draw it.
//!
//! ```
//! use gr::{Gr, axis_spec::{AxisSpec, Which, AXES_WITH_GRID}};
//! let mut gr = Gr::new();
//! gr.setviewport(0.15, 0.95, 0.15, 0.7)?;
//! gr.setwindow(0.0, 12.0, -1.0, 1.0)?;
//! let mut x = gr.axis(Which::X)?;
//! // Month names instead of numbers:
//! x.set_labels(&[(1.0, "Jan"), (4.0, "Apr"), (7.0, "Jul"), (10.0, "Oct")]);
//! let y = gr.axis(Which::Y)?;
//! gr.drawaxes(Some(&x), Some(&y), AXES_WITH_GRID)?;
//! # Ok::<(), gr::Error>(())
//! ```

use crate::axes::{axis_ticks, Tick};
use crate::context::Gr;
use crate::error::{Error, Result};
use crate::scale::{Axis, AxisKind};
use crate::ticks;

/// Draw only the axes at their positions (the default when no other bit is set).
pub const AXES_SIMPLE_AXES: i32 = 1;
/// Also draw each axis mirrored on the opposite side of the viewport (ticks, no labels).
pub const AXES_TWIN_AXES: i32 = 2;
/// Draw grid lines at the ticks (major in colour 88, minor in 90, as [`Gr::grid`]).
pub const AXES_WITH_GRID: i32 = 4;

/// Which axis an [`AxisSpec`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The horizontal axis.
    X,
    /// The vertical axis.
    Y,
}

/// A tick label: a string drawn at a world value of the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TickLabel {
    /// World value on the axis where the label is centred.
    pub tick: f64,
    /// The text (may contain `$…$` math).
    pub label: String,
    /// Maximum width in NDC; longer labels are wrapped at spaces onto several lines.
    /// 0 means no limit.
    pub width: f64,
}

/// One axis as data, GR's `axis_t`.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisSpec {
    /// Lower world limit of the drawn axis.
    pub min: f64,
    /// Upper world limit of the drawn axis.
    pub max: f64,
    /// Minor tick interval (on log axes: > 1 means decades with `baseⁿ` labels).
    pub tick: f64,
    /// A world value where a major tick falls.
    pub org: f64,
    /// Where the axis line crosses the other axis, in world coordinates of the other axis.
    pub position: f64,
    /// Every `major_count`-th tick is major (0: none).
    pub major_count: i32,
    /// The ticks to draw (values inside `min..=max`).
    pub ticks: Vec<Tick>,
    /// Minor tick length in NDC (major ticks are twice as long); positive points towards
    /// +y (x axis) or +x (y axis), so inside for an axis at the lower or left edge.
    pub tick_size: f64,
    /// The labels to draw.
    pub tick_labels: Vec<TickLabel>,
    /// Where labels go across the axis, in world coordinates of the other axis.
    pub label_position: f64,
    /// Draw the axis line itself.
    pub draw_axis_line: bool,
    /// Side of the labels: -1 below/left of `label_position`, +1 above/right, 0 the outer
    /// side (below an axis in the lower half of the viewport, above one in the upper half).
    pub label_orientation: i32,
}

impl AxisSpec {
    /// Replaces the labels by the given `(value, text)` pairs.
    pub fn set_labels(&mut self, labels: &[(f64, &str)]) {
        self.tick_labels = labels
            .iter()
            .map(|&(tick, label)| TickLabel {
                tick,
                label: label.to_string(),
                width: 0.0,
            })
            .collect();
    }

    /// Replaces the ticks by the given values, all major.
    pub fn set_major_ticks(&mut self, values: &[f64]) {
        self.ticks = values
            .iter()
            .map(|&value| Tick { value, major: true })
            .collect();
    }

    fn check(&self, func: &'static str) -> Result<()> {
        let bad = |msg: String| Err(Error::InvalidArgument { func, msg });
        for (name, v) in [
            ("min", self.min),
            ("max", self.max),
            ("position", self.position),
            ("label_position", self.label_position),
            ("tick_size", self.tick_size),
        ] {
            if !v.is_finite() {
                return bad(format!("axis {name} must be finite, got {v}"));
            }
        }
        if self.min == self.max {
            return bad(format!(
                "axis range is empty ({}..{}); give min and max different values",
                self.min, self.max
            ));
        }
        if let Some(t) = self.ticks.iter().find(|t| !t.value.is_finite()) {
            return bad(format!("tick value {} is not finite", t.value));
        }
        if let Some(l) = self.tick_labels.iter().find(|l| !l.tick.is_finite()) {
            return bad(format!("label {:?} has a non-finite position", l.label));
        }
        if let Some(l) = self
            .tick_labels
            .iter()
            .find(|l| l.width.is_nan() || l.width < 0.0)
        {
            return bad(format!(
                "label {:?} has width {}; use 0 (no limit) or a positive NDC width",
                l.label, l.width
            ));
        }
        Ok(())
    }
}

/// GR's default minor tick length (NDC) for the struct-based axes.
const DEFAULT_TICK_SIZE: f64 = 0.0075;

impl Gr {
    /// `axis`: an [`AxisSpec`] with GR's defaults for the current window: the whole window
    /// range, labelled major ticks at the automatic interval ([`ticks::tick`]) with four
    /// minor ticks between them (decades and 2..9 on log axes), the axis at the lower (x)
    /// or left (y) window edge, labels in one common format (`baseⁿ` on log axes).
    pub fn axis(&mut self, which: Which) -> Result<AxisSpec> {
        let (axis, other) = self.axis_pair(which);
        let (min, max) = (axis.min, axis.max);
        let (tick, major_count) = match axis.kind {
            AxisKind::Log(_) => (10.0, 1),
            AxisKind::Linear => (
                ticks::tick(min, max).map_err(|e| Error::InvalidArgument {
                    func: "axis",
                    msg: e.to_string(),
                })? / 5.0,
                5,
            ),
        };
        let ticks = axis_ticks(&axis, tick, major_count);
        let majors: Vec<f64> = ticks.iter().filter(|t| t.major).map(|t| t.value).collect();
        let tick_labels = match axis.kind {
            AxisKind::Log(base) => majors
                .iter()
                .map(|&v| {
                    let k = (v.ln() / base.value().ln()).round() as i32;
                    let (b, e) = ticks::log_label(k, base.value());
                    TickLabel {
                        tick: v,
                        label: format!("${b}^{{{e}}}$"),
                        width: 0.0,
                    }
                })
                .collect(),
            AxisKind::Linear => {
                let format = ticks::TickFormat::for_ticks(&majors, tick * major_count as f64);
                majors
                    .iter()
                    .map(|&v| TickLabel {
                        tick: v,
                        label: format.format(v),
                        width: 0.0,
                    })
                    .collect()
            }
        };
        let position = other.min;
        Ok(AxisSpec {
            min,
            max,
            tick,
            org: min,
            position,
            major_count,
            ticks,
            tick_size: DEFAULT_TICK_SIZE,
            tick_labels,
            label_position: position,
            draw_axis_line: true,
            label_orientation: 0,
        })
    }

    /// `drawaxis`: draws one axis described by `spec` (line, ticks, labels), in NDC
    /// without clipping, on the current window's scales.
    pub fn drawaxis(&mut self, which: Which, spec: &AxisSpec) -> Result<()> {
        spec.check("drawaxis")?;
        self.with_ndc(|gr| gr.draw_spec(which, spec, spec.position, true))
    }

    /// `drawaxes`: draws an x and/or a y axis with `options` ([`AXES_SIMPLE_AXES`],
    /// [`AXES_TWIN_AXES`] mirrors each axis on the opposite viewport edge with ticks but
    /// no labels, [`AXES_WITH_GRID`] adds grid lines at the ticks below the axes).
    pub fn drawaxes(
        &mut self,
        x: Option<&AxisSpec>,
        y: Option<&AxisSpec>,
        options: i32,
    ) -> Result<()> {
        if !(0..=7).contains(&options) {
            return Err(Error::InvalidArgument {
                func: "drawaxes",
                msg: format!(
                    "options must combine AXES_SIMPLE_AXES (1), AXES_TWIN_AXES (2) and \
                     AXES_WITH_GRID (4), got {options}"
                ),
            });
        }
        for spec in [x, y].into_iter().flatten() {
            spec.check("drawaxes")?;
        }
        self.with_ndc(|gr| {
            if options & AXES_WITH_GRID != 0 {
                for (which, spec) in [(Which::X, x), (Which::Y, y)] {
                    if let Some(spec) = spec {
                        gr.spec_grid(which, spec)?;
                    }
                }
            }
            for (which, spec) in [(Which::X, x), (Which::Y, y)] {
                let Some(spec) = spec else { continue };
                gr.draw_spec(which, spec, spec.position, true)?;
                if options & AXES_TWIN_AXES != 0 {
                    let (_, other) = gr.axis_pair(which);
                    let opposite = if other.to_unit(spec.position) <= 0.5 {
                        other.max
                    } else {
                        other.min
                    };
                    let mirrored = AxisSpec {
                        tick_size: -spec.tick_size,
                        ..spec.clone()
                    };
                    gr.draw_spec(which, &mirrored, opposite, false)?;
                }
            }
            Ok(())
        })
    }

    /// The axis described and the one across it.
    fn axis_pair(&self, which: Which) -> (Axis, Axis) {
        match which {
            Which::X => (self.x, self.y),
            Which::Y => (self.y, self.x),
        }
    }

    /// Runs `f` in NDC (transform 0) without clipping and restores both afterwards.
    fn with_ndc(&mut self, f: impl FnOnce(&mut Gr) -> Result<()>) -> Result<()> {
        let tnr = self.gks.inqcurntran();
        let clip = self.gks.inqclip();
        self.gks.selntran(0)?;
        self.gks.setclip(false);
        let r = f(self);
        self.gks.setclip(clip);
        self.gks.selntran(tnr)?;
        r
    }

    /// NDC coordinate along the axis for a world value, and across it for a world value
    /// of the other axis.
    fn spec_ndc(&self, which: Which, along: f64, across: f64) -> (f64, f64) {
        let (axis, other) = self.axis_pair(which);
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let (a0, a1, c0, c1) = match which {
            Which::X => (vx0, vx1, vy0, vy1),
            Which::Y => (vy0, vy1, vx0, vx1),
        };
        (
            a0 + axis.to_unit(along) * (a1 - a0),
            c0 + other.to_unit(across) * (c1 - c0),
        )
    }

    fn draw_spec(
        &mut self,
        which: Which,
        spec: &AxisSpec,
        position: f64,
        labels: bool,
    ) -> Result<()> {
        let xy = |a: f64, c: f64| match which {
            Which::X => (a, c),
            Which::Y => (c, a),
        };
        let (axis, _) = self.axis_pair(which);
        let (lo, hi) = (spec.min.max(axis.min), spec.max.min(axis.max));
        let (_, c) = self.spec_ndc(which, lo, position);
        if !c.is_finite() {
            return Err(Error::InvalidArgument {
                func: "drawaxis",
                msg: format!("position {position} is not positive on a logarithmic axis"),
            });
        }
        if spec.draw_axis_line && lo < hi {
            let (a0, _) = self.spec_ndc(which, lo, position);
            let (a1, _) = self.spec_ndc(which, hi, position);
            let (p0, p1) = (xy(a0, c), xy(a1, c));
            self.gks.polyline(&[p0.0, p1.0], &[p0.1, p1.1])?;
        }
        let (mut px, mut py) = (Vec::new(), Vec::new());
        for t in &spec.ticks {
            if t.value < lo || t.value > hi {
                continue;
            }
            let (a, _) = self.spec_ndc(which, t.value, position);
            if !a.is_finite() {
                continue;
            }
            let len = if t.major {
                2.0 * spec.tick_size
            } else {
                spec.tick_size
            };
            let (p0, p1) = (xy(a, c), xy(a, c + len));
            px.extend([p0.0, p1.0, f64::NAN]);
            py.extend([p0.1, p1.1, f64::NAN]);
        }
        if px.len() >= 2 {
            self.gks.polyline(&px, &py)?;
        }
        if !labels || spec.tick_labels.is_empty() {
            return Ok(());
        }
        let (_, lc) = self.spec_ndc(which, lo, spec.label_position);
        let (_, other) = self.axis_pair(which);
        let outer = match spec.label_orientation.signum() {
            -1 => -1.0,
            1 => 1.0,
            _ => {
                if other.to_unit(spec.label_position) <= 0.5 {
                    -1.0
                } else {
                    1.0
                }
            }
        };
        // Outward ticks push labels further away, as in `axes`.
        let outward = (spec.tick_size > 0.0) != (outer > 0.0);
        let gap = if outward && (lc - c).abs() < 1e-12 {
            3.0 * spec.tick_size.abs()
        } else {
            spec.tick_size.abs()
        };
        let off = lc + outer * gap;
        self.gks.savestate();
        let r = (|| {
            match (which, outer > 0.0) {
                (Which::X, false) => self.gks.settextalign(2, 1)?,
                (Which::X, true) => self.gks.settextalign(2, 5)?,
                (Which::Y, false) => self.gks.settextalign(3, 3)?,
                (Which::Y, true) => self.gks.settextalign(1, 3)?,
            }
            self.gks.setcharup(0.0, 1.0)?;
            for l in &spec.tick_labels {
                if l.tick < lo || l.tick > hi {
                    continue;
                }
                let (a, _) = self.spec_ndc(which, l.tick, position);
                if !a.is_finite() {
                    continue;
                }
                let text = self.wrap_label(&l.label, l.width)?;
                let (x, y) = xy(a, off);
                self.text(x, y, &text)?;
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        r
    }

    /// Breaks `label` at spaces so that no line is wider than `width` NDC (0: unlimited).
    fn wrap_label(&mut self, label: &str, width: f64) -> Result<String> {
        if width <= 0.0 || !label.contains(' ') || label.contains('$') {
            return Ok(label.to_string());
        }
        let mut lines: Vec<String> = Vec::new();
        for word in label.split(' ').filter(|w| !w.is_empty()) {
            if let Some(last) = lines.last_mut() {
                let candidate = format!("{last} {word}");
                let (bx, _) = self.gks.inqtext(0.0, 0.0, &candidate)?;
                if bx[1] - bx[0] <= width {
                    *last = candidate;
                    continue;
                }
            }
            lines.push(word.to_string());
        }
        Ok(lines.join("\n"))
    }

    fn spec_grid(&mut self, which: Which, spec: &AxisSpec) -> Result<()> {
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let (axis, _) = self.axis_pair(which);
        let (lo, hi) = (spec.min.max(axis.min), spec.max.min(axis.max));
        let mut lines: [(Vec<f64>, Vec<f64>); 2] = Default::default();
        for t in &spec.ticks {
            if t.value < lo || t.value > hi {
                continue;
            }
            let (a, _) = self.spec_ndc(which, t.value, spec.position);
            if !a.is_finite() {
                continue;
            }
            let l = &mut lines[t.major as usize];
            match which {
                Which::X => {
                    l.0.extend([a, a, f64::NAN]);
                    l.1.extend([vy0, vy1, f64::NAN]);
                }
                Which::Y => {
                    l.0.extend([vx0, vx1, f64::NAN]);
                    l.1.extend([a, a, f64::NAN]);
                }
            }
        }
        self.gks.savestate();
        let r = (|| {
            self.gks.setlinetype(1)?;
            for (k, (xs, ys)) in lines.iter().enumerate() {
                if xs.len() >= 2 {
                    self.gks.setlinecolorind(if k == 1 { 88 } else { 90 })?;
                    self.gks.polyline(xs, ys)?;
                }
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        r
    }
}

/// Gallery scene: monthly mean temperatures with month names as explicit tick labels,
/// twin axes and a grid drawn by [`Gr::drawaxes`].
pub fn drawaxes_scene(gr: &mut Gr) -> Result<()> {
    // Approximate 1991–2020 monthly means for Aachen, Germany (°C).
    let temps = [
        2.6, 3.1, 6.0, 9.6, 13.4, 16.4, 18.4, 18.0, 14.6, 10.6, 6.3, 3.4,
    ];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    gr.setviewport(0.12, 0.95, 0.12, 0.68)?;
    gr.setwindow(0.5, 12.5, 0.0, 20.0)?;
    gr.setcharheight(0.018)?;
    let mut x = gr.axis(Which::X)?;
    x.ticks = (1..=12)
        .map(|m| Tick {
            value: m as f64,
            major: true,
        })
        .collect();
    let labels: Vec<(f64, &str)> = months
        .iter()
        .enumerate()
        .map(|(i, m)| ((i + 1) as f64, *m))
        .collect();
    x.set_labels(&labels);
    let y = gr.axis(Which::Y)?;
    gr.drawaxes(Some(&x), Some(&y), AXES_TWIN_AXES | AXES_WITH_GRID)?;
    let xs: Vec<f64> = (1..=12).map(f64::from).collect();
    gr.setlinecolorind(2)?;
    gr.setlinewidth(2.0)?;
    gr.polyline(&xs, &temps)?;
    gr.setmarkertype(-1)?;
    gr.setmarkercolorind(2)?;
    gr.polymarker(&xs, &temps)?;
    gr.settextalign(2, 1)?;
    gr.setcharheight(0.022)?;
    gr.selntran(0)?;
    gr.text(0.535, 0.735, "Monthly mean temperature (Aachen, approx.)")?;
    gr.settextalign(2, 5)?;
    gr.setcharup(-1.0, 0.0)?;
    gr.setcharheight(0.018)?;
    gr.text(0.04, 0.40, "$T$ / °C")?;
    Ok(())
}
