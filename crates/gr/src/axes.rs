//! Axes and grids: GR's `axes` (tick interval, origin, major tick count, tick size with its
//! sign giving the direction) and `grid`, on linear and logarithmic scales, with tick labels
//! in one common number format per axis.

use crate::context::Gr;
use crate::error::{Error, Result};
use crate::scale::{Axis, AxisKind};
use crate::ticks;

/// Which of the two axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    X,
    Y,
}

/// One tick of an axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// World value.
    pub value: f64,
    /// Major (long, labelled when labels are on) or minor.
    pub major: bool,
}

/// The ticks GR draws on an axis: multiples of `tick` on linear axes (every `major`-th one
/// is major, counted from zero), decades with 2..9 minor ticks on log axes (there `tick`
/// only decides the labels: `baseⁿ` when `tick > 1`, plain numbers otherwise).
pub fn axis_ticks(axis: &Axis, tick: f64, major: i32) -> Vec<Tick> {
    match axis.kind {
        AxisKind::Log(base) => ticks::log_ticks(axis.min, axis.max, base.value())
            .into_iter()
            .map(|(value, major)| Tick { value, major })
            .collect(),
        _ => {
            let values = ticks::linear_ticks(axis.min, axis.max, tick, 0.0);
            values
                .into_iter()
                .map(|value| {
                    let k = (value / tick).round() as i64;
                    let major = major != 0 && k % (major.unsigned_abs() as i64) == 0;
                    Tick { value, major }
                })
                .collect()
        }
    }
}

fn check_axes_args(
    func: &'static str,
    x_tick: f64,
    y_tick: f64,
    x_org: f64,
    y_org: f64,
) -> Result<()> {
    for (what, v) in [("x_tick", x_tick), ("y_tick", y_tick)] {
        if !(v.is_finite() && v >= 0.0) {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("{what} must be a finite number >= 0 (0 = no ticks), got {v}"),
            });
        }
    }
    for (what, v) in [("x_org", x_org), ("y_org", y_org)] {
        if !v.is_finite() {
            return Err(Error::InvalidArgument {
                func,
                msg: format!("{what} must be finite, got {v}"),
            });
        }
    }
    Ok(())
}

/// Too many ticks make a file nobody wants; GR users pass tick intervals by hand.
const MAX_TICKS: f64 = 10_000.0;

fn check_tick_count(func: &'static str, axis: &Axis, tick: f64, name: &str) -> Result<()> {
    if tick > 0.0 && axis.kind == AxisKind::Linear && (axis.max - axis.min) / tick > MAX_TICKS {
        return Err(Error::InvalidArgument {
            func,
            msg: format!(
                "{name} would get {:.0} ticks over {}..{}; use a larger tick interval (see tick())",
                (axis.max - axis.min) / tick,
                axis.min,
                axis.max
            ),
        });
    }
    Ok(())
}

impl Gr {
    /// `axes`: draws an x axis through `y_org` and a y axis through `x_org` (world values)
    /// with minor ticks every `x_tick`/`y_tick` (0: none) and major ticks every
    /// `major_x`/`major_y` minor ticks, labelled when the count is positive (negative: major
    /// ticks without labels). Minor ticks are `|tick_size|` NDC long, major ones twice that;
    /// a positive `tick_size` points ticks towards +y / +x (inside for the lower and left
    /// axes). On log axes with a tick interval > 1, decades are major ticks labelled
    /// `10ⁿ` and 2..9 × 10ⁿ are minor ticks.
    #[allow(clippy::too_many_arguments)]
    pub fn axes(
        &mut self,
        x_tick: f64,
        y_tick: f64,
        x_org: f64,
        y_org: f64,
        major_x: i32,
        major_y: i32,
        tick_size: f64,
    ) -> Result<()> {
        check_axes_args("axes", x_tick, y_tick, x_org, y_org)?;
        if !tick_size.is_finite() {
            return Err(Error::InvalidArgument {
                func: "axes",
                msg: format!("tick size must be finite, got {tick_size}"),
            });
        }
        check_tick_count("axes", &self.x, x_tick, "the x axis")?;
        check_tick_count("axes", &self.y, y_tick, "the y axis")?;
        let tnr = self.gks.inqcurntran();
        let clip = self.gks.inqclip();
        self.gks.selntran(0)?;
        self.gks.setclip(false);
        let r = (|| {
            if x_tick > 0.0 || y_tick == 0.0 {
                self.draw_axis(Dir::X, x_tick, y_org, x_org, major_x, tick_size)?;
            }
            if y_tick > 0.0 || x_tick == 0.0 {
                self.draw_axis(Dir::Y, y_tick, x_org, y_org, major_y, tick_size)?;
            }
            Ok(())
        })();
        self.gks.setclip(clip);
        self.gks.selntran(tnr)?;
        r
    }

    /// Draws one axis in NDC: the line, the ticks and the labels.
    fn draw_axis(
        &mut self,
        dir: Dir,
        tick: f64,
        org: f64,
        other_org: f64,
        major: i32,
        tick_size: f64,
    ) -> Result<()> {
        let (axis, cross) = match dir {
            Dir::X => (self.x, self.y),
            Dir::Y => (self.y, self.x),
        };
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let (lo, hi) = match dir {
            Dir::X => (vx0, vx1),
            Dir::Y => (vy0, vy1),
        };
        // Position of the axis line across its direction, in NDC.
        let cu = cross.to_unit(org);
        if !cu.is_finite() {
            return Err(Error::InvalidArgument {
                func: "axes",
                msg: format!("origin {org} is not positive on a logarithmic axis"),
            });
        }
        let c = match dir {
            Dir::X => vy0 + cu * (vy1 - vy0),
            Dir::Y => vx0 + cu * (vx1 - vx0),
        };
        let line = |a: f64, b: f64, c0: f64, c1: f64| match dir {
            Dir::X => ([a, b], [c0, c1]),
            Dir::Y => ([c0, c1], [a, b]),
        };
        let (xs, ys) = line(lo, hi, c, c);
        self.gks.polyline(&xs, &ys)?;
        if tick <= 0.0 {
            return Ok(());
        }
        let ticks = axis_ticks(&axis, tick, major);
        // Tick marks: one polyline with NaN breaks.
        let (mut px, mut py) = (Vec::new(), Vec::new());
        for t in &ticks {
            let u = axis.to_unit(t.value);
            if !u.is_finite() {
                continue;
            }
            let a = lo + u * (hi - lo);
            let len = if t.major { 2.0 * tick_size } else { tick_size };
            let (xs, ys) = line(a, a, c, c + len);
            px.extend([xs[0], xs[1], f64::NAN]);
            py.extend([ys[0], ys[1], f64::NAN]);
        }
        if px.len() >= 2 {
            self.gks.polyline(&px, &py)?;
        }
        if major <= 0 {
            return Ok(());
        }
        // Labels: not at the crossing of the two axes unless the other axis is at an edge.
        let other = match dir {
            Dir::X => self.x,
            Dir::Y => self.y,
        };
        let at_edge = other_org == other.min || other_org == other.max;
        let labelled: Vec<f64> = ticks
            .iter()
            .filter(|t| t.major)
            .map(|t| t.value)
            .filter(|&v| at_edge || (v - other_org).abs() > 1e-12 * tick.max(1e-300))
            .collect();
        let log = matches!(axis.kind, AxisKind::Log(_)) && tick > 1.0;
        let format = ticks::TickFormat::for_ticks(&labelled, tick * major as f64);
        // Outward ticks push labels further out (GR: |ts| inside, 3|ts| outside).
        let outward = match dir {
            Dir::X => (tick_size > 0.0) == (cu > 0.5),
            Dir::Y => (tick_size > 0.0) == (cu > 0.5),
        };
        let gap = if outward {
            3.0 * tick_size.abs()
        } else {
            tick_size.abs()
        };
        // Labels go on the outer side: below a lower x axis, above an upper one, etc.
        let below = cu <= 0.5;
        self.gks.savestate();
        let r = (|| {
            match dir {
                Dir::X => self.gks.settextalign(2, if below { 1 } else { 5 })?,
                Dir::Y => self.gks.settextalign(if below { 3 } else { 1 }, 3)?,
            }
            self.gks.setcharup(0.0, 1.0)?;
            for v in labelled {
                let u = axis.to_unit(v);
                let a = lo + u * (hi - lo);
                let off = if below { c - gap } else { c + gap };
                let (x, y) = match dir {
                    Dir::X => (a, off),
                    Dir::Y => (off, a),
                };
                if log {
                    let base = match axis.kind {
                        AxisKind::Log(b) => b.value(),
                        AxisKind::Linear => 10.0,
                    };
                    self.power_label(x, y, base, v)?;
                } else {
                    self.gks.text(x, y, &format.format(v))?;
                }
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        r
    }

    /// Draws `base^k` for `value = base^k` with a raised, smaller exponent, aligned as the
    /// current text alignment says for the whole label.
    fn power_label(&mut self, x: f64, y: f64, base: f64, value: f64) -> Result<()> {
        let k = (value.ln() / base.ln()).round() as i32;
        let (b, e) = ticks::log_label(k, base);
        let st = self.gks.state().clone();
        let h = st.charheight;
        // Measure both parts with left/base alignment, then place them as one block.
        self.gks.settextalign(1, 4)?;
        let (bx, _) = self.gks.inqtext(0.0, 0.0, &b)?;
        self.gks.setcharheight(h * 0.7)?;
        let (ex, _) = self.gks.inqtext(0.0, 0.0, &e)?;
        let (wb, we) = (bx[1] - bx[0], ex[1] - ex[0]);
        let width = wb + we;
        let total_h = h * 1.5;
        let x0 = match st.halign {
            gks::TextHAlign::Center => x - width / 2.0,
            gks::TextHAlign::Right => x - width,
            _ => x,
        };
        let base_y = match st.valign {
            gks::TextVAlign::Top => y - total_h,
            gks::TextVAlign::Half => y - total_h / 2.0,
            gks::TextVAlign::Bottom => y + h * 0.25,
            _ => y,
        };
        self.gks.setcharheight(h)?;
        self.gks.text(x0, base_y, &b)?;
        self.gks.setcharheight(h * 0.7)?;
        self.gks.text(x0 + wb, base_y + h * 0.6, &e)?;
        self.gks.setcharheight(h)?;
        self.gks
            .settextalign(st.halign.to_gr(), st.valign.to_gr())?;
        Ok(())
    }

    /// `grid`: lines across the viewport at the ticks of both axes; major lines in colour
    /// 88 (#cccccc) and minor ones in 90 (#eeeeee) when the line colour is 1, as GR.
    #[allow(clippy::too_many_arguments)]
    pub fn grid(
        &mut self,
        x_tick: f64,
        y_tick: f64,
        x_org: f64,
        y_org: f64,
        major_x: i32,
        major_y: i32,
    ) -> Result<()> {
        check_axes_args("grid", x_tick, y_tick, x_org, y_org)?;
        check_tick_count("grid", &self.x, x_tick, "the x axis")?;
        check_tick_count("grid", &self.y, y_tick, "the y axis")?;
        let [vx0, vx1, vy0, vy1] = self.viewport;
        let mut lines: [(Vec<f64>, Vec<f64>); 2] = Default::default(); // minor, major
        for (dir, tick, major) in [(Dir::X, x_tick, major_x), (Dir::Y, y_tick, major_y)] {
            if tick <= 0.0 {
                continue;
            }
            let axis = if dir == Dir::X { self.x } else { self.y };
            for t in axis_ticks(&axis, tick, major) {
                let u = axis.to_unit(t.value);
                if !u.is_finite() {
                    continue;
                }
                let l = &mut lines[t.major as usize];
                match dir {
                    Dir::X => {
                        let a = vx0 + u * (vx1 - vx0);
                        l.0.extend([a, a, f64::NAN]);
                        l.1.extend([vy0, vy1, f64::NAN]);
                    }
                    Dir::Y => {
                        let a = vy0 + u * (vy1 - vy0);
                        l.0.extend([vx0, vx1, f64::NAN]);
                        l.1.extend([a, a, f64::NAN]);
                    }
                }
            }
        }
        let tnr = self.gks.inqcurntran();
        self.gks.savestate();
        let r = (|| {
            self.gks.selntran(0)?;
            self.gks.setclip(false);
            self.gks.setlinetype(1)?;
            let color = self.gks.state().linecolor;
            let alpha = self.gks.state().transparency;
            for (k, (xs, ys)) in lines.iter().enumerate() {
                if xs.len() < 2 {
                    continue;
                }
                if color == 1 {
                    self.gks.setlinecolorind(if k == 1 { 88 } else { 90 })?;
                } else {
                    self.gks
                        .settransparency(alpha * if k == 1 { 0.4 } else { 0.2 })?;
                }
                self.gks.polyline(xs, ys)?;
            }
            Ok(())
        })();
        self.gks.restorestate()?;
        self.gks.selntran(tnr)?;
        r
    }
}
