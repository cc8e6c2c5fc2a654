//! The PDF driver: writes [`Page`]s as one PDF document.
//!
//! Every page gets a content-stream-level transform (`cm`) that maps device pixels (origin
//! top-left, y down) to PDF user space (points, origin bottom-left, y up), so all geometry is
//! written in device pixels. Colours are DeviceRGB; alpha goes through deduplicated ExtGState
//! objects. Fonts are embedded as subsets (Type0/Identity-H with a CIDFontType2 or CIDFontType0
//! descendant and a ToUnicode CMap), so documents look the same without installed fonts and
//! their text is selectable. Pattern fills are a clip to the path plus a one-bit stencil image
//! mask (no interpolation) whose cells lie on the page's pattern grid, so they stay crisp at
//! every zoom and adjacent areas continue the tiling. The output is deterministic: the same
//! pages give the same bytes.
//!
//! For size, dictionaries are written without indentation, coordinates at 0.01 px, long
//! line runs without the points that move the line by at most 0.05 px, and long line-only
//! paths (decimated data lines) as a content stream of their own whose fixed-width rows are
//! compressed with the PNG Up predictor (`/DecodeParms <</Predictor 12>>`).

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::Predictor;
use pdf_writer::{Filter, Finish, Name, Pdf, Rect as PdfRect, Ref, Settings};

use crate::device::{
    DeviceOp, FillRule, GlyphRun, Image, LineCap, LineJoin, Page, Pattern, Rgba, StrokeStyle,
};
use crate::font::FaceId;
use crate::geometry::{Affine, Path, Rect};

mod content;
mod flate;
mod fonts;

pub(crate) use content::simplify_run;
use content::{Ops, Part, ROW_UNITS};
use flate::deflate;
use flate::{compress, compress_filtered, CONTENT_DEFLATE_LEVEL, ROWS_PROBES};
use fonts::{EmbeddedFont, FontSource};

/// Offset of pattern masks in device px (see [`PageWriter::pattern_fill`]).
const MASK_NUDGE: f64 = 1.0 / 64.0;

/// Largest stencil mask (in pattern bits) a single pattern fill may produce.
const MAX_MASK_BITS: u64 = 1 << 30;

/// Writes all pages as one PDF document.
///
/// One PDF page is written per [`Page`], `width·pt_per_px × height·pt_per_px` points large.
/// Fails on an empty page list, invalid page sizes or malformed images.
pub fn write_pdf(pages: &[Page]) -> Result<Vec<u8>, String> {
    write_pdf_with(pages, &|id| FontSource {
        data: crate::font::face_data(id),
        index: crate::font::face_index(id),
        ps_name: crate::font::postscript_name(id).to_string(),
    })
}

/// Hands out consecutive indirect object ids.
pub(super) struct RefAlloc(i32);

impl RefAlloc {
    /// The next unused id.
    pub(super) fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// Objects shared by all pages, deduplicated.
#[derive(Default)]
struct Shared {
    /// (is stroke alpha, alpha) → ExtGState.
    gstates: BTreeMap<(bool, u8), Ref>,
    /// Image identity (buffer address, size, smoothing) → XObject.
    images: BTreeMap<(usize, u32, u32, bool), Ref>,
    /// Stencil masks for pattern fills.
    masks: BTreeMap<MaskKey, Ref>,
}

/// Identifies a pattern mask: pattern rows and size in cells.
type MaskKey = (Vec<u8>, u32, u32);

/// Side of a pattern block in cells: a multiple of the pattern period (lcm of 8 columns and
/// the row count) of about 64 device pixels, preferring sizes of a whole number of pixels.
fn block_cells(rows: usize, cell: f64) -> usize {
    let period = lcm(Pattern::WIDTH, rows);
    let px = |k: usize| (k * period) as f64 * cell;
    let whole = |v: f64| (v - v.round()).abs() < 1e-9;
    (1..=64)
        .find(|&k| px(k) >= 32.0 && whole(px(k)))
        .filter(|&k| px(k) <= 256.0)
        .unwrap_or_else(|| ((64.0 / px(1)).round() as usize).clamp(1, 64))
        * period
}

/// Least common multiple.
fn lcm(a: usize, b: usize) -> usize {
    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    a / gcd(a, b) * b
}

/// Writes the document, taking face bytes from `source` (tests substitute other faces).
fn write_pdf_with(
    pages: &[Page],
    source: &dyn Fn(FaceId) -> FontSource,
) -> Result<Vec<u8>, String> {
    if pages.is_empty() {
        return Err("no pages to write".into());
    }
    for p in pages {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        if !ok(p.width) || !ok(p.height) || !ok(p.dpi) {
            return Err(format!(
                "invalid page size {}x{} px at {} dpi",
                p.width, p.height, p.dpi
            ));
        }
    }

    // Compact syntax: no indentation or line breaks inside dictionaries.
    let mut pdf = Pdf::with_settings(Settings { pretty: false });
    let mut alloc = RefAlloc(0);
    let catalog_ref = alloc.next();
    let tree_ref = alloc.next();

    // Fonts: collect the glyphs of each face over all pages, then embed one subset per face.
    let mut usage: BTreeMap<FaceId, BTreeMap<u16, char>> = BTreeMap::new();
    for page in pages {
        for op in &page.ops {
            if let DeviceOp::Glyphs { run, .. } = op {
                let set = usage.entry(run.face).or_default();
                for g in &run.glyphs {
                    set.entry(g.id).or_insert(g.ch);
                }
            }
        }
    }
    let mut fonts: BTreeMap<FaceId, EmbeddedFont> = BTreeMap::new();
    for (face, glyphs) in &usage {
        // On failure the glyphs are drawn as filled outlines instead.
        if let Ok(f) = fonts::embed(&mut pdf, &mut alloc, &source(*face), glyphs) {
            fonts.insert(*face, f);
        }
    }

    let mut shared = Shared::default();
    let mut page_refs = Vec::with_capacity(pages.len());
    for page in pages {
        let page_ref = alloc.next();
        page_refs.push(page_ref);

        let mut w = PageWriter {
            page,
            pdf: &mut pdf,
            alloc: &mut alloc,
            shared: &mut shared,
            fonts: &fonts,
            content: Ops::default(),
            state: GState::default(),
            saved: None,
            clip: None,
            res: PageResources::default(),
        };
        w.write_ops()?;
        let PageWriter { content, res, .. } = w;
        let mut content_refs = Vec::new();
        for part in content.into_parts() {
            let id = alloc.next();
            content_refs.push(id);
            match part {
                Part::Text(text) => {
                    let packed = compress(&text, CONTENT_DEFLATE_LEVEL);
                    // "/Filter/FlateDecode" costs 19 bytes: tiny parts stay plain.
                    if packed.len() + 19 < text.len() {
                        pdf.stream(id, &packed).filter(Filter::FlateDecode);
                    } else {
                        pdf.stream(id, &text);
                    }
                }
                Part::Rows { data, columns } => {
                    let packed = compress_filtered(&data, ROWS_PROBES);
                    let mut st = pdf.stream(id, &packed);
                    st.filter(Filter::FlateDecode);
                    st.decode_parms()
                        .predictor(Predictor::PngUp)
                        .columns(columns as i32);
                }
            }
        }

        // The size in points, to 1/1000 pt (f32 would add digits like 432.00003).
        let pt = |v: f64| ((v * page.pt_per_px() * 1000.0).round() / 1000.0) as f32;
        let mut p = pdf.page(page_ref);
        p.parent(tree_ref)
            .media_box(PdfRect::new(0.0, 0.0, pt(page.width), pt(page.height)))
            .contents_array(content_refs.iter().copied());
        let mut r = p.resources();
        if !res.fonts.is_empty() {
            let mut d = r.fonts();
            for face in &res.fonts {
                d.pair(Name(font_name(*face).as_bytes()), fonts[face].font_ref);
            }
        }
        if !res.xobjects.is_empty() {
            let mut d = r.x_objects();
            for x in &res.xobjects {
                d.pair(Name(xobject_name(*x).as_bytes()), *x);
            }
        }
        if !res.gstates.is_empty() {
            let mut d = r.ext_g_states();
            for key in &res.gstates {
                d.pair(Name(gs_name(*key).as_bytes()), shared.gstates[key]);
            }
        }
        r.finish();
        p.finish();
    }

    for (&(stroke, a), &id) in &shared.gstates {
        let alpha = a as f32 / 255.0;
        let mut gs = pdf.ext_graphics(id);
        if stroke {
            gs.stroking_alpha(alpha);
        } else {
            gs.non_stroking_alpha(alpha);
        }
    }
    pdf.pages(tree_ref)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    pdf.catalog(catalog_ref).pages(tree_ref);
    Ok(pdf.finish())
}

/// Resource name of a font.
fn font_name(face: FaceId) -> String {
    format!("F{}", face.0)
}

/// Resource name of an image or mask XObject.
fn xobject_name(id: Ref) -> String {
    format!("Im{}", id.get())
}

/// Resource name of an ExtGState.
fn gs_name((stroke, a): (bool, u8)) -> String {
    format!("{}{}", if stroke { "GA" } else { "Ga" }, a)
}

/// Rounds a device length to the 1/100 px written for coordinates (see [`content::PX`]).
fn r(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The resources one page uses.
#[derive(Default)]
struct PageResources {
    fonts: BTreeSet<FaceId>,
    xobjects: BTreeSet<Ref>,
    gstates: BTreeSet<(bool, u8)>,
}

/// What the content stream has set so far (`None` = unknown, must be written).
#[derive(Clone, PartialEq)]
struct GState {
    fill: Option<[u8; 3]>,
    stroke: Option<[u8; 3]>,
    fill_alpha: u8,
    stroke_alpha: u8,
    width: Option<f64>,
    cap: Option<LineCap>,
    join: Option<LineJoin>,
    dash: Option<Vec<f64>>,
    /// The font selected with `Tf` (text state outlives `BT`/`ET`, but not `Q`).
    font: Option<FaceId>,
}

impl Default for GState {
    /// The PDF initial graphics state as far as it is relied on: opaque alpha and solid lines
    /// (colours and line parameters are always written before first use).
    fn default() -> Self {
        GState {
            fill: None,
            stroke: None,
            fill_alpha: 255,
            stroke_alpha: 255,
            width: None,
            cap: None,
            join: None,
            dash: Some(Vec::new()),
            font: None,
        }
    }
}

/// Writes the content stream of one page.
struct PageWriter<'a> {
    page: &'a Page,
    pdf: &'a mut Pdf,
    alloc: &'a mut RefAlloc,
    shared: &'a mut Shared,
    fonts: &'a BTreeMap<FaceId, EmbeddedFont>,
    content: Ops,
    /// The current graphics state as written.
    state: GState,
    /// The state before the `q` of the open clip region, restored by its `Q`.
    saved: Option<GState>,
    /// The current clip rectangle (device px).
    clip: Option<Rect>,
    res: PageResources,
}

impl PageWriter<'_> {
    fn write_ops(&mut self) -> Result<(), String> {
        let page = self.page;
        let s = page.pt_per_px();
        // Device pixels (y down) → PDF points (y up). The miter limit is PDF's default, 10.
        self.content
            .matrix(&[s, 0.0, 0.0, -s, 0.0, page.height * s], "cm");
        if let Some(bg) = page.background {
            if bg.a > 0 {
                self.set_fill(bg);
                self.content.rect(0.0, 0.0, page.width, page.height);
                self.content.op("f");
            }
        }
        for op in &page.ops {
            self.op(op)?;
        }
        if self.saved.is_some() {
            self.content.op("Q");
        }
        Ok(())
    }

    fn op(&mut self, op: &DeviceOp) -> Result<(), String> {
        match op {
            DeviceOp::Fill { path, rule, color } => self.fill(path, *rule, *color),
            DeviceOp::Stroke { path, style, color } => self.stroke(path, style, *color),
            DeviceOp::PatternFill {
                path,
                rule,
                pattern,
                color,
            } => self.pattern_fill(path, *rule, pattern, *color)?,
            DeviceOp::Image(img) => self.image(img)?,
            DeviceOp::Glyphs { run, color } => self.glyphs(run, *color),
            DeviceOp::Clip(rect) => self.set_clip(*rect),
            DeviceOp::Instances { ops, positions } => {
                for &(x, y) in positions {
                    for o in ops {
                        self.op(&o.translated(x, y))?;
                    }
                }
            }
            DeviceOp::Mesh(mesh) => {
                for o in mesh.compact_ops() {
                    self.op(&o)?;
                }
            }
        }
        Ok(())
    }

    fn set_clip(&mut self, rect: Option<Rect>) {
        if let Some(saved) = self.saved.take() {
            self.content.op("Q");
            self.state = saved;
        }
        self.clip = rect;
        if let Some(c) = rect {
            self.saved = Some(self.state.clone());
            self.content.op("q");
            self.content
                .rect(r(c.x0), r(c.y0), r(c.x1) - r(c.x0), r(c.y1) - r(c.y0));
            self.content.op("W n");
        }
    }

    /// Selects the ExtGState for an alpha value, registering it on the page.
    fn use_gs(&mut self, stroke: bool, a: u8) {
        let key = (stroke, a);
        if !self.shared.gstates.contains_key(&key) {
            let id = self.alloc.next();
            self.shared.gstates.insert(key, id);
        }
        self.res.gstates.insert(key);
        self.content.name(&gs_name(key));
        self.content.op("gs");
    }

    fn set_fill(&mut self, c: Rgba) {
        let rgb = [c.r, c.g, c.b];
        if self.state.fill != Some(rgb) {
            self.content.rgb(rgb, false);
            self.state.fill = Some(rgb);
        }
        self.set_fill_alpha(c.a);
    }

    fn set_fill_alpha(&mut self, a: u8) {
        if self.state.fill_alpha != a {
            self.use_gs(false, a);
            self.state.fill_alpha = a;
        }
    }

    fn set_stroke(&mut self, c: Rgba) {
        let rgb = [c.r, c.g, c.b];
        if self.state.stroke != Some(rgb) {
            self.content.rgb(rgb, true);
            self.state.stroke = Some(rgb);
        }
        if self.state.stroke_alpha != c.a {
            self.use_gs(true, c.a);
            self.state.stroke_alpha = c.a;
        }
    }

    fn fill(&mut self, path: &Path, rule: FillRule, color: Rgba) {
        if color.a == 0 || path.is_empty() {
            return;
        }
        self.set_fill(color);
        let op = match rule {
            FillRule::EvenOdd => "f*",
            FillRule::NonZero => "f",
        };
        if Ops::rows_eligible(path) {
            self.scaled_rows(path, &[], op);
        } else if self.content.path(path) {
            self.content.op(op);
        }
    }

    fn stroke(&mut self, path: &Path, style: &StrokeStyle, color: Rgba) {
        if color.a == 0 || path.is_empty() || !style.width.is_finite() || style.width < 0.0 {
            return;
        }
        self.set_stroke(color);
        let w = r(style.width);
        if self.state.width != Some(w) {
            self.content.num_op(w, content::PX, "w");
            self.state.width = Some(w);
        }
        if self.state.cap != Some(style.cap) {
            self.content.raw(match style.cap {
                LineCap::Butt => "0 J\n",
                LineCap::Round => "1 J\n",
                LineCap::Square => "2 J\n",
            });
            self.state.cap = Some(style.cap);
        }
        if self.state.join != Some(style.join) {
            self.content.raw(match style.join {
                LineJoin::Miter => "0 j\n",
                LineJoin::Round => "1 j\n",
                LineJoin::Bevel => "2 j\n",
            });
            self.state.join = Some(style.join);
        }
        // A dash array must be non-negative and not all zero; otherwise draw solid.
        let mut dash: Vec<f64> = match &style.dash {
            Some(d) if d.iter().all(|v| v.is_finite() && *v >= 0.0) => {
                d.iter().map(|v| r(*v)).collect()
            }
            _ => Vec::new(),
        };
        if dash.iter().all(|v| *v <= 0.0) {
            dash.clear();
        }
        if Ops::rows_eligible(path) {
            self.scaled_rows(path, &dash, "S");
            return;
        }
        if self.state.dash.as_ref() != Some(&dash) {
            self.content.dash(&dash);
            self.state.dash = Some(dash);
        }
        if self.content.path(path) {
            self.content.op("S");
        }
    }

    /// Paints a long line-only path with `op` from predicted rows (see [`Ops::rows`]) in
    /// a `q … Q` whose CTM is scaled to row units; a stroke's width and `dash` are set
    /// there in the same units (the state outside is unchanged).
    fn scaled_rows(&mut self, path: &Path, dash: &[f64], op: &'static str) {
        let k = ROW_UNITS;
        let c = &mut self.content;
        c.op("q");
        c.matrix(&[1.0 / k, 0.0, 0.0, 1.0 / k, 0.0, 0.0], "cm");
        if op == "S" {
            let w = self.state.width.unwrap_or(1.0);
            c.num_op(w * k, 0, "w");
            // The dash outside may differ from this path's (solid is `[]`).
            if self.state.dash.as_deref() != Some(dash) || !dash.is_empty() {
                let d: Vec<f64> = dash.iter().map(|v| v * k).collect();
                c.dash(&d);
            }
        }
        c.rows(path, &[op, "Q"]);
    }

    /// Clips to the path and paints the pattern as a one-bit stencil image mask (`/ImageMask
    /// true`, no interpolation): crisp at every zoom.
    ///
    /// Pattern bit (col, row) covers device pixels `[col·cell, (col+1)·cell) × [row·cell,
    /// (row+1)·cell)`, so the tiling is aligned to the page origin. The mask of a fill covers
    /// the blocks of a fixed page grid (squares of `b × b` cells, `b` a multiple of the
    /// pattern period and `b·cell` a whole number of pixels where possible) that the visible
    /// part of the fill touches; its bits therefore only depend on its size (masks are shared
    /// between fills of the same size), its corners fall on whole device pixels, and each fill
    /// costs one image draw of about its own size.
    fn pattern_fill(
        &mut self,
        path: &Path,
        rule: FillRule,
        pattern: &Pattern,
        color: Rgba,
    ) -> Result<(), String> {
        let cell = pattern.cell;
        if color.a == 0 || pattern.rows.is_empty() || !(cell.is_finite() && cell > 0.0) {
            return Ok(());
        }
        if pattern.rows.iter().all(|&b| b == 0) {
            return Ok(());
        }
        // The visible part of the fill.
        let page_rect = Rect::new(0.0, 0.0, self.page.width, self.page.height);
        let Some(mut area) = path.bounds().and_then(|b| b.intersect(&page_rect)) else {
            return Ok(());
        };
        if let Some(c) = self.clip {
            match area.intersect(&c) {
                Some(a) => area = a,
                None => return Ok(()),
            }
        }
        let b = block_cells(pattern.rows.len(), cell) as f64;
        let block = b * cell;
        let (i0, i1) = ((area.x0 / block).floor(), (area.x1 / block).ceil());
        let (j0, j1) = ((area.y0 / block).floor(), (area.y1 / block).ceil());
        let (i1, j1) = (i1.max(i0 + 1.0), j1.max(j0 + 1.0));
        let (cols, rows) = ((i1 - i0) * b, (j1 - j0) * b);
        if cols * rows > MAX_MASK_BITS as f64 {
            return Err(format!(
                "pattern fill of {cols}x{rows} cells is too large (cell size {cell} px)"
            ));
        }
        let (cols, rows) = (cols as u32, rows as u32);
        let key: MaskKey = (pattern.rows.clone(), cols, rows);
        let mask = match self.shared.masks.get(&key) {
            Some(id) => *id,
            None => {
                let id = self.alloc.next();
                // One bit per cell; 0 = painted (ImageMask default decode). The mask starts
                // at a block corner, where the pattern phase is zero.
                let stride = (cols as usize).div_ceil(8);
                let mut bits = vec![0xffu8; stride * rows as usize];
                for (row, line) in bits.chunks_exact_mut(stride).enumerate() {
                    for col in 0..cols as usize {
                        if pattern.is_set(col, row) {
                            line[col / 8] &= !(0x80u8 >> (col % 8));
                        }
                    }
                }
                let packed = deflate(&bits);
                let mut x = self.pdf.image_xobject(id, &packed);
                x.filter(Filter::FlateDecode);
                x.width(cols as i32)
                    .height(rows as i32)
                    .image_mask(true)
                    .bits_per_component(1)
                    .interpolate(false);
                x.finish();
                self.shared.masks.insert(key, id);
                id
            }
        };
        self.set_fill(color);
        self.content.op("q");
        if self.content.path(path) {
            self.content.op(match rule {
                FillRule::EvenOdd => "W* n",
                FillRule::NonZero => "W n",
            });
            // The corner is nudged by 1/64 px to the right and down: renderers that floor the
            // corner of an unsmoothed image (poppler) would otherwise move all cells by one
            // pixel when rounding errors land the corner a hair before a pixel boundary.
            let (w, h) = (cols as f64 * cell, rows as f64 * cell);
            let (x, y) = (i0 * block + MASK_NUDGE, j0 * block + h + MASK_NUDGE);
            self.content.matrix(&[w, 0.0, 0.0, -h, x, y], "cm");
            self.res.xobjects.insert(mask);
            self.content.name(&xobject_name(mask));
            self.content.op("Do");
        }
        self.content.op("Q");
        Ok(())
    }

    fn image(&mut self, img: &Image) -> Result<(), String> {
        let rect = img.rect;
        if img.width == 0 || img.height == 0 || rect.width() <= 0.0 || rect.height() <= 0.0 {
            return Ok(());
        }
        let n = img.width as usize * img.height as usize;
        if img.rgba.len() != n * 4 {
            return Err(format!(
                "image of {}x{} pixels has {} bytes of RGBA data, expected {}",
                img.width,
                img.height,
                img.rgba.len(),
                n * 4
            ));
        }
        let key = (
            std::sync::Arc::as_ptr(&img.rgba) as usize,
            img.width,
            img.height,
            img.smooth,
        );
        let id = match self.shared.images.get(&key) {
            Some(id) => *id,
            None => {
                let id = self.write_image(img);
                self.shared.images.insert(key, id);
                id
            }
        };
        // Images are affected by the fill alpha: make it opaque.
        self.set_fill_alpha(255);
        self.content.op("q");
        self.content.matrix(
            &[rect.width(), 0.0, 0.0, -rect.height(), rect.x0, rect.y1],
            "cm",
        );
        self.res.xobjects.insert(id);
        self.content.name(&xobject_name(id));
        self.content.op("Do");
        self.content.op("Q");
        Ok(())
    }

    fn write_image(&mut self, img: &Image) -> Ref {
        let id = self.alloc.next();
        let n = img.width as usize * img.height as usize;
        let mut rgb = Vec::with_capacity(n * 3);
        let mut alpha = Vec::with_capacity(n);
        for px in img.rgba.chunks_exact(4) {
            rgb.extend_from_slice(&px[..3]);
            alpha.push(px[3]);
        }
        let smask = if alpha.iter().any(|&a| a < 255) {
            let sid = self.alloc.next();
            let packed = deflate(&alpha);
            let mut x = self.pdf.image_xobject(sid, &packed);
            x.filter(Filter::FlateDecode);
            x.width(img.width as i32)
                .height(img.height as i32)
                .bits_per_component(8)
                .interpolate(img.smooth);
            x.color_space().device_gray();
            x.finish();
            Some(sid)
        } else {
            None
        };
        drop(alpha);
        let packed = deflate(&rgb);
        drop(rgb);
        let mut x = self.pdf.image_xobject(id, &packed);
        x.filter(Filter::FlateDecode);
        x.width(img.width as i32)
            .height(img.height as i32)
            .bits_per_component(8)
            .interpolate(img.smooth);
        x.color_space().device_rgb();
        if let Some(sid) = smask {
            x.s_mask(sid);
        }
        x.finish();
        id
    }

    fn glyphs(&mut self, run: &GlyphRun, color: Rgba) {
        if color.a == 0 || run.glyphs.is_empty() || !(run.size.is_finite() && run.size > 0.0) {
            return;
        }
        let Some(font) = self.fonts.get(&run.face) else {
            // The face could not be embedded: draw the outlines.
            for g in &run.glyphs {
                if let Some(outline) = crate::font::glyph_outline(run.face, g.id) {
                    let p = outline.transformed(&run.glyph_transform(g));
                    self.fill(&p, FillRule::NonZero, color);
                }
            }
            return;
        };
        self.set_fill(color);
        self.res.fonts.insert(run.face);
        let c = &mut self.content;
        c.op("BT");
        if self.state.font != Some(run.face) {
            c.name(&font_name(run.face));
            c.op("1 Tf");
            self.state.font = Some(run.face);
        }
        let size = run.size;
        let glyphs = &run.glyphs;
        let mut i = 0;
        let mut items: Vec<(f64, Vec<u16>)> = Vec::new(); // (adjustment before, CIDs)
        while i < glyphs.len() {
            // A segment: consecutive glyphs on the same baseline offset, positioned by one
            // text matrix and TJ adjustments relative to the advances in the W array.
            let g0 = glyphs[i];
            let tm = run
                .transform
                .then_after(&Affine::translate(g0.x, g0.y))
                .then_after(&Affine::scale(size, size));
            c.matrix(&tm.m, "Tm");
            items.clear();
            let mut pen = g0.x; // where the viewer's text position is, in run px
            let mut j = i;
            while j < glyphs.len() && glyphs[j].y == g0.y {
                let g = glyphs[j];
                let cid = font.cid(g.id);
                // Adjustments below 1e-5 em are skipped; `pen` follows the viewer's text
                // position (the adjustment as written), so skipped remainders never
                // accumulate.
                let mut adj = (-(g.x - pen) / size * 1000.0 * 1000.0).round() / 1000.0;
                if adj.abs() < 0.01 {
                    adj = 0.0;
                }
                if adj != 0.0 || items.is_empty() {
                    items.push((adj, Vec::new()));
                    pen -= adj / 1000.0 * size;
                }
                if let Some(last) = items.last_mut() {
                    last.1.push(cid);
                }
                pen += font.advance_em(cid) * size;
                j += 1;
            }
            if items.len() == 1 && items[0].0 == 0.0 {
                c.hex_cids(&items[0].1);
                c.raw(" Tj\n");
            } else {
                c.raw("[");
                for (adj, cids) in &items {
                    if *adj != 0.0 {
                        c.num(*adj, 3);
                    }
                    c.hex_cids(cids);
                }
                c.raw("] TJ\n");
            }
            i = j;
        }
        c.op("ET");
    }
}

#[cfg(test)]
mod tests;
