//! Lowering: turns the NDC display list into a device [`Page`] for one workstation. Decides
//! all geometry that drivers share: dash lengths, marker outlines, pattern cells, glyph
//! placement, clip rectangles.

use crate::attributes::FillIntStyle;
use crate::device::{
    DeviceOp, FillRule, GlyphRun, LineCap, LineJoin, Page, Pattern, Rgba, StrokeStyle,
};
use crate::display_list::{FillStyle, Item, LineStyle, Primitive, TextStyle};
use crate::geometry::{Affine, Path, Rect};
use crate::transform::Workstation;

mod mesh;

/// Lines with at least this many points are column-reduced on all cores.
const PARALLEL_POINTS: usize = 200_000;

/// Device-space context of one page.
pub(crate) struct Lowering<'a> {
    pub ws: &'a Workstation,
    pub to_dev: Affine,
    pub nominal: f64,
    pub ops: Vec<DeviceOp>,
    clip: Option<Rect>,
}

/// Lowers a display list for a workstation.
pub fn lower_page(items: &[Item], ws: &Workstation, background: Option<Rgba>) -> Page {
    let mut l = Lowering {
        ws,
        to_dev: ws.ndc_to_device(),
        nominal: ws.nominal_size(),
        ops: Vec::with_capacity(items.len() + 4),
        clip: None,
    };
    let mut i = 0;
    while i < items.len() {
        l.set_clip(items[i].clip);
        if let Some(n) = l.mesh_batch(&items[i..]) {
            i += n;
        } else {
            l.primitive(&items[i].primitive);
            i += 1;
        }
    }
    Page {
        width: ws.width,
        height: ws.height,
        dpi: ws.dpi,
        background,
        ops: l.ops,
    }
}

impl Lowering<'_> {
    fn set_clip(&mut self, clip: Option<Rect>) {
        let dev = clip.map(|r| {
            let (x0, y0) = self.to_dev.apply(r.x0, r.y0);
            let (x1, y1) = self.to_dev.apply(r.x1, r.y1);
            Rect::new(x0, y0, x1, y1)
        });
        if dev != self.clip {
            self.clip = dev;
            self.ops.push(DeviceOp::Clip(dev));
        }
    }

    fn dev(&self, p: (f64, f64)) -> (f64, f64) {
        self.to_dev.apply(p.0, p.1)
    }

    /// Stroke style for a GR line style (round caps and joins, dashes scaled by width).
    pub(crate) fn stroke_style(&self, s: &LineStyle) -> StrokeStyle {
        let width = s.width * self.nominal;
        let unit = s.width.max(1.0) * self.nominal;
        let dash = crate::tables::dashes::dash_pattern(s.linetype.to_gr())
            .filter(|d| !d.is_empty())
            .map(|d| d.iter().map(|v| v * unit).collect());
        StrokeStyle {
            width,
            cap: LineCap::Round,
            join: LineJoin::Round,
            dash,
        }
    }

    fn primitive(&mut self, p: &Primitive) {
        match p {
            Primitive::Polyline { points, style } => self.polyline(points, style),
            Primitive::Polymarker { points, style } => {
                crate::markers::lower_markers(self, points, style)
            }
            Primitive::FillArea {
                points,
                style,
                rule,
            } => {
                let path = Path::polygon(points.iter().map(|&p| self.dev(p)));
                self.fill(path, style, *rule);
            }
            Primitive::Image {
                rect,
                width,
                height,
                rgba,
                smooth,
            } => {
                let (x0, y0) = self.dev((rect.x0, rect.y0));
                let (x1, y1) = self.dev((rect.x1, rect.y1));
                self.ops.push(DeviceOp::Image(crate::device::Image {
                    width: *width,
                    height: *height,
                    rgba: rgba.clone(),
                    rect: Rect::new(x0, y0, x1, y1),
                    smooth: *smooth,
                }));
            }
            Primitive::Text { x, y, text, style } => self.text(*x, *y, text, style),
            Primitive::Block { x, y, block, style } => self.block(*x, *y, block, style),
            Primitive::Mesh(m) => self.mesh_item(m),
            Primitive::Path { path, stroke, fill } => {
                let dev = path.transformed(&self.to_dev);
                if let Some((fs, rule)) = fill {
                    self.fill(dev.clone(), fs, *rule);
                }
                if let Some(ls) = stroke {
                    if ls.color.a > 0 && ls.width > 0.0 {
                        let style = self.stroke_style(ls);
                        self.ops.push(DeviceOp::Stroke {
                            path: dev,
                            style,
                            color: ls.color,
                        });
                    }
                }
            }
        }
    }

    fn polyline(&mut self, points: &[(f64, f64)], style: &LineStyle) {
        if style.color.a == 0 || style.width <= 0.0 {
            return;
        }
        // Long solid lines are reduced per device-pixel column while they are mapped (see
        // `ColumnReducer`), which draws the same pixels without building the full device
        // polyline; dashed lines keep every point so the dash phase follows the arc length.
        let decimate = style.linetype == crate::attributes::LineType::Solid
            && points.len() > 2 * self.ws.width.max(self.ws.height) as usize;
        let path = if decimate && points.len() >= PARALLEL_POINTS {
            self.reduce_in_parallel(points)
        } else {
            let mut path = Path::new();
            let mut reducer = ColumnReducer::new(decimate);
            for &(x, y) in points {
                if x.is_finite() && y.is_finite() {
                    reducer.push(self.to_dev.apply(x, y), &mut path);
                } else {
                    reducer.finish(&mut path);
                }
            }
            reducer.finish(&mut path);
            path
        };
        if path.is_empty() {
            return;
        }
        let style_dev = self.stroke_style(style);
        self.ops.push(DeviceOp::Stroke {
            path,
            style: style_dev,
            color: style.color,
        });
    }

    /// The column-reduced device path of a long solid line, reduced in pieces on all cores
    /// and joined. A column run cut at a piece boundary is reduced on both sides (a few
    /// more points, the same pixels); breaks at NaN points are kept exactly.
    fn reduce_in_parallel(&self, points: &[(f64, f64)]) -> Path {
        use rayon::prelude::*;
        let finite = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
        let pieces = rayon::current_num_threads().max(1) * 4;
        let size = points.len().div_ceil(pieces);
        let to_dev = self.to_dev;
        let parts: Vec<Path> = points
            .par_chunks(size)
            .enumerate()
            .map(|(k, chunk)| {
                let start = k * size;
                let mut path = Path::new();
                let mut reducer = ColumnReducer::new(true);
                // Continue the previous piece's line unless a gap lies between them.
                reducer.started = start > 0 && finite(&points[start - 1]);
                for p in chunk {
                    if finite(p) {
                        reducer.push(to_dev.apply(p.0, p.1), &mut path);
                    } else {
                        reducer.finish(&mut path);
                    }
                }
                match points.get(start + chunk.len()) {
                    Some(next) if finite(next) => reducer.flush_run(&mut path),
                    _ => reducer.finish(&mut path),
                }
                path
            })
            .collect();
        let mut path = Path::new();
        path.cmds.reserve(parts.iter().map(|p| p.cmds.len()).sum());
        for part in parts {
            path.cmds.extend(part.cmds);
        }
        path
    }

    /// Fills a device path with a GR fill style.
    pub(crate) fn fill(&mut self, path: Path, style: &FillStyle, rule: FillRule) {
        if path.is_empty() {
            return;
        }
        let border = |l: &Self, color: Rgba| DeviceOp::Stroke {
            path: path.clone(),
            style: StrokeStyle {
                width: style.border_width * l.nominal,
                cap: LineCap::Round,
                join: LineJoin::Round,
                dash: None,
            },
            color,
        };
        match style.int_style {
            FillIntStyle::Hollow => {
                let mut p = path.clone();
                // GR closes hollow polygons.
                if !matches!(p.cmds.last(), Some(crate::geometry::PathCmd::Close)) {
                    p.close();
                }
                self.ops.push(DeviceOp::Stroke {
                    path: p,
                    style: StrokeStyle {
                        width: style.border_width * self.nominal,
                        cap: LineCap::Round,
                        join: LineJoin::Round,
                        dash: None,
                    },
                    color: style.color,
                });
            }
            FillIntStyle::Solid => self.ops.push(DeviceOp::Fill {
                path,
                rule,
                color: style.color,
            }),
            FillIntStyle::SolidWithBorder => {
                let stroke = border(self, style.border_color);
                self.ops.push(DeviceOp::Fill {
                    path,
                    rule,
                    color: style.color,
                });
                if style.border_width > 0.0 {
                    self.ops.push(stroke);
                }
            }
            FillIntStyle::Pattern | FillIntStyle::Hatch => {
                let index = if style.int_style == FillIntStyle::Hatch {
                    108 + style.style_index.clamp(1, 11) as usize
                } else {
                    style.style_index.clamp(0, 107) as usize
                };
                let rows = crate::tables::patterns::pattern_rows(index).to_vec();
                let pattern = Pattern {
                    rows,
                    cell: self.nominal.max(1.0),
                };
                self.ops.push(DeviceOp::PatternFill {
                    path,
                    rule,
                    pattern,
                    color: style.color,
                });
            }
        }
    }

    fn block(
        &mut self,
        x: f64,
        y: f64,
        block: &crate::display_list::GlyphBlock,
        style: &TextStyle,
    ) {
        if style.color.a == 0 {
            return;
        }
        let (t, _) = crate::text::block_placement(x, y, block, style);
        let s = self.ws.scale();
        // Text space in device pixels, as for ordinary text.
        let transform = self
            .to_dev
            .then_after(&t)
            .then_after(&Affine::scale(1.0 / s, 1.0 / s));
        // One glyph run per (face, size), in the block's order.
        let mut runs: Vec<GlyphRun> = Vec::new();
        for g in &block.glyphs {
            let glyph = crate::device::Glyph {
                id: g.id,
                x: g.x * s,
                y: g.y * s,
                ch: g.ch,
            };
            let size = g.size * s;
            match runs.last_mut() {
                Some(r) if r.face == g.face && r.size == size => r.glyphs.push(glyph),
                _ => runs.push(GlyphRun {
                    face: g.face,
                    size,
                    transform,
                    glyphs: vec![glyph],
                }),
            }
        }
        for run in runs {
            self.ops.push(DeviceOp::Glyphs {
                run,
                color: style.color,
            });
        }
        let to_dev = self.to_dev.then_after(&t);
        for r in &block.rules {
            let path = Path::rect(*r).transformed(&to_dev);
            self.ops.push(DeviceOp::Fill {
                path,
                rule: FillRule::NonZero,
                color: style.color,
            });
        }
    }

    fn text(&mut self, x: f64, y: f64, text: &str, style: &TextStyle) {
        if style.color.a == 0 || text.is_empty() {
            return;
        }
        let layout = crate::text::layout(x, y, text, style);
        let s = self.ws.scale();
        // text space in device pixels: NDC text space scaled by s
        let transform = self
            .to_dev
            .then_after(&layout.transform)
            .then_after(&Affine::scale(1.0 / s, 1.0 / s));
        for run in layout.runs {
            let glyphs = run
                .glyphs
                .into_iter()
                .map(|mut g| {
                    g.x *= s;
                    g.y *= s;
                    g
                })
                .collect();
            self.ops.push(DeviceOp::Glyphs {
                run: GlyphRun {
                    face: run.face,
                    size: layout.em * s,
                    transform,
                    glyphs,
                },
                color: style.color,
            });
        }
    }
}

/// Where a [`ColumnReducer`] writes its points.
pub(crate) trait LineSink {
    /// Starts a new piece at `p`.
    fn move_to(&mut self, p: (f64, f64));
    /// Continues the piece to `p`.
    fn line_to(&mut self, p: (f64, f64));
}

impl LineSink for Path {
    fn move_to(&mut self, p: (f64, f64)) {
        Path::move_to(self, p.0, p.1);
    }
    fn line_to(&mut self, p: (f64, f64)) {
        Path::line_to(self, p.0, p.1);
    }
}

/// Streaming form of [`decimate_columns`]: points of one polyline piece go in one by one
/// and the (reduced) piece is appended to a [`LineSink`], without storing the piece. The
/// columns are those of `floor(x)`.
pub(crate) struct ColumnReducer {
    decimate: bool,
    /// Points in the current piece so far.
    pub(crate) started: bool,
    col: f64,
    /// Up to three points of the current column run, kept verbatim.
    run: [(f64, f64); 3],
    len: usize,
    first: (f64, f64),
    last: (f64, f64),
    /// Lowest and highest point of the run and their positions in it.
    lo: ((f64, f64), usize),
    hi: ((f64, f64), usize),
    /// Points emitted in the current piece, and the last one.
    emitted: usize,
    last_emitted: (f64, f64),
}

impl ColumnReducer {
    pub(crate) fn new(decimate: bool) -> Self {
        ColumnReducer {
            decimate,
            started: false,
            col: f64::NAN,
            run: [(0.0, 0.0); 3],
            len: 0,
            first: (0.0, 0.0),
            last: (0.0, 0.0),
            lo: ((0.0, f64::INFINITY), 0),
            hi: ((0.0, f64::NEG_INFINITY), 0),
            emitted: 0,
            last_emitted: (0.0, 0.0),
        }
    }

    fn emit(&mut self, p: (f64, f64), path: &mut impl LineSink) {
        self.emitted += 1;
        self.last_emitted = p;
        if self.started {
            path.line_to(p);
        } else {
            path.move_to(p);
            self.started = true;
        }
    }

    pub(crate) fn push(&mut self, p: (f64, f64), path: &mut impl LineSink) {
        if !self.decimate {
            self.emit(p, path);
            self.len = 1;
            return;
        }
        let col = p.0.floor();
        if col != self.col {
            self.flush_run(path);
            self.col = col;
            self.first = p;
            self.lo = (p, 0);
            self.hi = (p, 0);
        }
        if self.len < 3 {
            self.run[self.len] = p;
        }
        if p.1 < self.lo.0 .1 {
            self.lo = (p, self.len);
        }
        if p.1 > self.hi.0 .1 {
            self.hi = (p, self.len);
        }
        self.last = p;
        self.len += 1;
    }

    /// Emits the current column run: verbatim up to three points, otherwise first, the
    /// extremes (in their order, at the column centre) and last.
    pub(crate) fn flush_run(&mut self, path: &mut impl LineSink) {
        match self.len {
            0 => {}
            1..=3 => {
                for k in 0..self.len {
                    let p = self.run[k];
                    self.emit(p, path);
                }
            }
            _ => {
                let xc = self.col + 0.5;
                let (a, b) = if self.lo.1 <= self.hi.1 {
                    (self.lo.0, self.hi.0)
                } else {
                    (self.hi.0, self.lo.0)
                };
                let (first, last) = (self.first, self.last);
                self.emit(first, path);
                self.emit((xc, a.1), path);
                self.emit((xc, b.1), path);
                self.emit(last, path);
            }
        }
        self.len = 0;
    }

    /// Ends the current piece (at a NaN gap or the end of the data).
    pub(crate) fn finish(&mut self, path: &mut impl LineSink) {
        let single = self.started && !self.decimate && self.len == 1;
        if self.decimate {
            let lone = !self.started && self.len == 1;
            self.flush_run(path);
            if lone {
                // A lone point between two gaps: a zero-length segment shows as a dot.
                let p = self.last;
                path.line_to(p);
            }
        }
        if single && self.emitted == 1 {
            // A piece of one point: a zero-length segment shows as a dot.
            path.line_to(self.last_emitted);
        }
        self.emitted = 0;
        self.started = false;
        self.col = f64::NAN;
        self.len = 0;
    }
}

/// Min/max decimation of a device-space polyline: a run of more than three consecutive
/// points in the same pixel column (`floor(x)`) is replaced by its first point, its lowest
/// and highest values (in their original order, moved to the column centre) and its last
/// point. Rasterized at about one pixel width this draws the same pixels as the full line,
/// and the result has at most four points per run of one column.
pub fn decimate_columns(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len().min(4096));
    let mut i = 0;
    while i < points.len() {
        let col = points[i].0.floor();
        let start = i;
        let (mut lo, mut hi) = (i, i);
        while i < points.len() && points[i].0.floor() == col {
            if points[i].1 < points[lo].1 {
                lo = i;
            }
            if points[i].1 > points[hi].1 {
                hi = i;
            }
            i += 1;
        }
        let end = i - 1;
        if end - start < 3 {
            out.extend_from_slice(&points[start..=end]);
            continue;
        }
        // The extremes are drawn as one vertical stroke through the column centre: a dense
        // run fills its whole column, and a stroke at the centre covers that column (not
        // half of two neighbours, which would turn a solid band grey).
        let xc = col + 0.5;
        let (a, b) = (lo.min(hi), lo.max(hi));
        out.push(points[start]);
        out.push((xc, points[a].1));
        out.push((xc, points[b].1));
        out.push(points[end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::PathCmd;

    /// The sequential column reduction of a whole line.
    fn reduce_sequentially(l: &Lowering, points: &[(f64, f64)]) -> Path {
        let mut path = Path::new();
        let mut reducer = ColumnReducer::new(true);
        for &(x, y) in points {
            if x.is_finite() && y.is_finite() {
                reducer.push(l.to_dev.apply(x, y), &mut path);
            } else {
                reducer.finish(&mut path);
            }
        }
        reducer.finish(&mut path);
        path
    }

    #[test]
    fn parallel_reduction_draws_what_the_sequential_one_draws() {
        let ws = Workstation::default();
        let l = Lowering {
            ws: &ws,
            to_dev: ws.ndc_to_device(),
            nominal: ws.nominal_size(),
            ops: Vec::new(),
            clip: None,
        };
        let n: usize = 400_000;
        let mut points: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let t = i as f64 / n as f64;
                (
                    0.05 + 0.9 * t,
                    0.3 + 0.2 * (t * 300.0).sin() * (t * 7.0).cos(),
                )
            })
            .collect();
        // Gaps: single NaN points, a run of NaNs, lone points between gaps, and gaps at
        // and next to the piece boundaries (pieces of n / (threads · 4) points).
        let size = n.div_ceil(rayon::current_num_threads().max(1) * 4);
        let mut gaps = vec![
            1000,
            1002,
            50_000,
            50_001,
            50_002,
            123_457,
            size - 1,
            size,
            2 * size + 1,
        ];
        gaps.extend([3 * size - 2, 3 * size]); // lone point at 3·size − 1
        for g in gaps.into_iter().filter(|&g| g < n) {
            points[g].1 = f64::NAN;
        }
        let par = l.reduce_in_parallel(&points);
        let seq = reduce_sequentially(&l, &points);
        let moves = |p: &Path| {
            p.cmds
                .iter()
                .filter(|c| matches!(c, PathCmd::MoveTo(..)))
                .count()
        };
        assert_eq!(moves(&par), moves(&seq), "same pieces");
        // A few more points where a column run is cut at a piece boundary.
        assert!(par.cmds.len() >= seq.cmds.len() && par.cmds.len() <= seq.cmds.len() + 16);
        let page = |path: Path| Page {
            width: ws.width,
            height: ws.height,
            dpi: ws.dpi,
            background: Some(Rgba::WHITE),
            ops: vec![DeviceOp::Stroke {
                path,
                style: StrokeStyle {
                    width: 1.2,
                    cap: LineCap::Round,
                    join: LineJoin::Round,
                    dash: None,
                },
                color: Rgba::BLACK,
            }],
        };
        let a = crate::driver::raster::render_rgba(&page(par)).unwrap();
        let b = crate::driver::raster::render_rgba(&page(seq)).unwrap();
        let differing = a
            .chunks_exact(4)
            .zip(b.chunks_exact(4))
            .filter(|(p, q)| p != q)
            .count();
        assert_eq!(differing, 0, "pixels differ");
    }

    #[test]
    fn decimation_keeps_extremes_and_order() {
        let pts: Vec<(f64, f64)> = (0..1000)
            .map(|i| (i as f64 / 100.0, ((i * 37) % 101) as f64))
            .collect();
        let d = decimate_columns(&pts);
        assert!(d.len() <= 40, "{} points", d.len());
        for col in 0..10 {
            let in_col: Vec<_> = pts.iter().filter(|p| p.0.floor() == col as f64).collect();
            let kept: Vec<_> = d.iter().filter(|p| p.0.floor() == col as f64).collect();
            let max = in_col.iter().map(|p| p.1).fold(f64::MIN, f64::max);
            let min = in_col.iter().map(|p| p.1).fold(f64::MAX, f64::min);
            assert!(kept.iter().any(|p| p.1 == max) && kept.iter().any(|p| p.1 == min));
            assert!(kept.len() <= 4);
            assert_eq!(*kept.first().unwrap(), *in_col.first().unwrap());
            assert_eq!(*kept.last().unwrap(), *in_col.last().unwrap());
        }
        assert!(d.windows(2).all(|w| w[0].0 <= w[1].0), "order kept");
    }

    #[test]
    fn short_runs_are_unchanged() {
        let pts = vec![(0.5, 1.0), (1.5, 2.0), (2.5, 0.0)];
        assert_eq!(decimate_columns(&pts), pts);
    }
}
