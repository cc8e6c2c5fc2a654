//! Plot kinds: one module per kind behind one dispatch ([`Kind`]).
//!
//! Each kind has an `extent` (the data ranges it needs, after checking its input) and a
//! `draw` (the series inside the prepared viewport and window).

use gr::Gr;

use crate::error::{invalid, Error, Result};
use crate::plot::{Plot, Series};

mod barplot;
mod check;
mod contour;
mod contourf;
mod grid;
mod heatmap;
mod hexbin;
mod histogram;
mod imshow;
mod line;
mod line3;
mod marginal_heatmap;
mod nonuniform_heatmap;
mod pie;
mod polar_heatmap;
mod polar_histogram;
mod polar_line;
mod polar_scatter;
mod quiver;
mod scatter;
mod scatter3;
mod shade;
mod stairs;
mod stem;
mod surface;
mod tricontour;
mod trisurface;
mod volume3d;
mod wireframe;

pub(crate) use check::*;
pub(crate) use imshow::draw_imshow;
pub(crate) use marginal_heatmap::draw_marginal;
pub(crate) use pie::draw_pie;
pub(crate) use volume3d::draw_volume_frame;

macro_rules! kinds {
    ($($(#[$doc:meta])* $v:ident = $name:literal,)+) => {
        /// A plot kind, with GRM's names (`"line"`, `"contourf"`, ...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum Kind {
            $($(#[$doc])* $v,)+
        }
        impl Kind {
            /// All kinds, in GRM's order.
            pub const ALL: &'static [Kind] = &[$(Kind::$v,)+];
            /// GRM's name.
            pub fn name(self) -> &'static str {
                match self { $(Kind::$v => $name,)+ }
            }
        }
    };
}

kinds! {
    /// Lines through `x`, `y` (spec, markers, error bars). Default.
    #[default]
    Line = "line",
    /// Markers at `x`, `y`; optional `c` (colour values) and `s` (sizes in %).
    Scatter = "scatter",
    /// Steps through `x`, `y` (`step_where`: pre, mid, post).
    Stairs = "stairs",
    /// Stems from 0 to `y` at `x`.
    Stem = "stem",
    /// Bars of `y` (optional `x` positions); several series grouped, stacked or lined.
    Barplot = "barplot",
    /// Histogram of `x` (`bins`, `bin_edges`, `weights`).
    Histogram = "histogram",
    /// Pie of `x` (or `y`) values with labels.
    Pie = "pie",
    /// Cells of `z` (rows of x values); `x`, `y` centres or edges.
    Heatmap = "heatmap",
    /// An image of `z` values through the colormap, aspect kept, no axes.
    Imshow = "imshow",
    /// Contour lines of grid `z`.
    Contour = "contour",
    /// Filled contours of grid `z`.
    Contourf = "contourf",
    /// Contour lines of scattered `x`, `y`, `z`.
    Tricontour = "tricontour",
    /// Hexagonal binning of `x`, `y`.
    Hexbin = "hexbin",
    /// Shaded point density of `x`, `y`.
    Shade = "shade",
    /// Arrows `u`, `v` at grid `x`, `y`.
    Quiver = "quiver",
    /// Cells between uneven edges `x`, `y`.
    NonuniformHeatmap = "nonuniform_heatmap",
    /// Heatmap with histograms of its row and column sums.
    MarginalHeatmap = "marginal_heatmap",
    /// Coloured 3D surface of grid `z`.
    Surface = "surface",
    /// 3D mesh of grid `z`.
    Wireframe = "wireframe",
    /// Triangulated surface of scattered `x`, `y`, `z`.
    Trisurface = "trisurface",
    /// 3D line.
    Line3 = "line3",
    /// 3D markers (optional `c`).
    Scatter3 = "scatter3",
    /// Line in polar coordinates: `x` angles (radians), `y` radii.
    PolarLine = "polar_line",
    /// Markers in polar coordinates.
    PolarScatter = "polar_scatter",
    /// Histogram of angles `x`.
    PolarHistogram = "polar_histogram",
    /// Cells of `z` over angle `x` and radius `y`.
    PolarHeatmap = "polar_heatmap",
    /// Isosurface of a volume (needs gr3; not yet supported).
    Isosurface = "isosurface",
    /// Volume rendering (needs gr3; not yet supported).
    Volume = "volume",
}

/// How a kind frames its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// x/y axes, grid, legend.
    Cartesian,
    /// An image without axes.
    Image,
    /// 3D axes.
    Space,
    /// Polar axes.
    Polar,
    /// No axes (pie).
    Pie,
    /// Heatmap with side plots.
    Marginal,
    /// A rendered volume or isosurface in a square viewport.
    Volume,
}

impl Kind {
    /// Looks a kind up by GRM name (also the old names `plot3`, `hist`, `tricont`,
    /// `trisurf`, `polar`, `step`, `bar`).
    pub fn from_name(name: &str) -> Option<Kind> {
        let alias = match name {
            "plot3" => "line3",
            "hist" => "histogram",
            "tricont" => "tricontour",
            "trisurf" => "trisurface",
            "polar" => "polar_line",
            "step" => "stairs",
            "bar" => "barplot",
            n => n,
        };
        Kind::ALL.iter().copied().find(|k| k.name() == alias)
    }

    /// [`Kind::from_name`] with an error that lists the kinds.
    pub fn parse(path: &str, name: &str) -> Result<Kind> {
        Kind::from_name(name).ok_or_else(|| Error::UnknownKind {
            path: path.into(),
            name: name.into(),
            known: Kind::ALL
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    pub(crate) fn frame(self) -> Frame {
        use Kind::*;
        match self {
            Imshow => Frame::Image,
            Surface | Wireframe | Trisurface | Line3 | Scatter3 => Frame::Space,
            Isosurface | Volume => Frame::Volume,
            PolarLine | PolarScatter | PolarHistogram | PolarHeatmap => Frame::Polar,
            Pie => Frame::Pie,
            MarginalHeatmap => Frame::Marginal,
            _ => Frame::Cartesian,
        }
    }

    /// Whether the kind shows a colour bar unless told otherwise.
    pub(crate) fn default_colorbar(self) -> bool {
        use Kind::*;
        matches!(
            self,
            Heatmap
                | Contour
                | Contourf
                | Tricontour
                | Hexbin
                | NonuniformHeatmap
                | MarginalHeatmap
                | Surface
                | Trisurface
                | PolarHeatmap
                | Quiver
        )
    }

    /// Whether the data range is used as is (cells, images) rather than padded.
    pub(crate) fn tight(self) -> bool {
        use Kind::*;
        matches!(
            self,
            Heatmap
                | Imshow
                | Contour
                | Contourf
                | NonuniformHeatmap
                | MarginalHeatmap
                | Quiver
                | Shade
        )
    }
}

/// Data ranges of one series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Extent {
    pub x: [f64; 2],
    pub y: [f64; 2],
    /// Colour / z range, for colour-mapped and 3D kinds.
    pub z: Option<[f64; 2]>,
}

impl Extent {
    pub fn union(self, o: Extent) -> Extent {
        let u = |a: [f64; 2], b: [f64; 2]| [a[0].min(b[0]), a[1].max(b[1])];
        Extent {
            x: u(self.x, o.x),
            y: u(self.y, o.y),
            z: match (self.z, o.z) {
                (Some(a), Some(b)) => Some(u(a, b)),
                (a, b) => a.or(b),
            },
        }
    }
}

/// What a kind draws into: the context with viewport, window and scales set.
#[allow(dead_code)] // some fields are only read by some kinds
pub(crate) struct Ctx<'a> {
    pub gr: &'a mut Gr,
    pub plot: &'a Plot,
    /// Viewport in NDC.
    pub vp: [f64; 4],
    /// World window x0, x1, y0, y1.
    pub window: [f64; 4],
    /// Colour range.
    pub z: Option<[f64; 2]>,
    /// Character height of the plot.
    pub ch: f64,
    /// A colour range found while drawing (hexbin counts), for the colour bar.
    pub z_out: Option<[f64; 2]>,
}

/// Checks a series and returns its ranges. `path` names the series (`subplots[0].series[1]`).
pub(crate) fn extent(
    kind: Kind,
    plot: &Plot,
    s: &Series,
    index: usize,
    path: &str,
) -> Result<Extent> {
    use Kind::*;
    match kind {
        Line => line::extent(plot, s, path),
        Scatter => scatter::extent(plot, s, path),
        Stairs => stairs::extent(plot, s, path),
        Stem => stem::extent(plot, s, path),
        Barplot => barplot::extent(plot, s, index, path),
        Histogram => histogram::extent(plot, s, path),
        Heatmap | MarginalHeatmap => heatmap::extent(plot, s, path),
        NonuniformHeatmap => nonuniform_heatmap::extent(plot, s, path),
        Contour => contour::extent(plot, s, path),
        Contourf => contourf::extent(plot, s, path),
        Tricontour => tricontour::extent(plot, s, path),
        Hexbin => hexbin::extent(plot, s, path),
        Shade => shade::extent(plot, s, path),
        Quiver => quiver::extent(plot, s, path),
        Surface => surface::grid_extent(plot, s, path),
        Wireframe => wireframe::extent(plot, s, path),
        Trisurface => trisurface::extent(plot, s, path),
        Line3 => line3::extent(plot, s, path),
        Scatter3 => scatter3::extent(plot, s, path),
        PolarLine => polar_line::extent(plot, s, path),
        PolarScatter => polar_scatter::extent(plot, s, path),
        PolarHistogram => polar_histogram::extent(plot, s, path),
        PolarHeatmap => polar_heatmap::extent(plot, s, path),
        Isosurface | Volume => volume3d::extent(plot, s, path),
        _ => Err(invalid(
            format!("{path}.kind"),
            format!("kind {:?} is not implemented yet", kind.name()),
        )),
    }
}

/// Draws series `index`.
pub(crate) fn draw(kind: Kind, ctx: &mut Ctx, s: &Series, index: usize, path: &str) -> Result<()> {
    use Kind::*;
    match kind {
        Line => line::draw(ctx, s, index, path),
        Scatter => scatter::draw(ctx, s, index, path),
        Stairs => stairs::draw(ctx, s, index, path),
        Stem => stem::draw(ctx, s, index, path),
        Barplot => barplot::draw(ctx, s, index, path),
        Histogram => histogram::draw(ctx, s, index, path),
        Heatmap => heatmap::draw(ctx, s, index, path),
        NonuniformHeatmap => nonuniform_heatmap::draw(ctx, s, index, path),
        Contour => contour::draw(ctx, s, index, path),
        Contourf => contourf::draw(ctx, s, index, path),
        Tricontour => tricontour::draw(ctx, s, index, path),
        Hexbin => hexbin::draw(ctx, s, index, path),
        Shade => shade::draw(ctx, s, index, path),
        Quiver => quiver::draw(ctx, s, index, path),
        Surface => surface::draw(ctx, s, index, path),
        Wireframe => wireframe::draw(ctx, s, index, path),
        Trisurface => trisurface::draw(ctx, s, index, path),
        Line3 => line3::draw(ctx, s, index, path),
        Scatter3 => scatter3::draw(ctx, s, index, path),
        PolarLine => polar_line::draw(ctx, s, index, path),
        PolarScatter => polar_scatter::draw(ctx, s, index, path),
        PolarHistogram => polar_histogram::draw(ctx, s, index, path),
        PolarHeatmap => polar_heatmap::draw(ctx, s, index, path),
        _ => Err(invalid(
            format!("{path}.kind"),
            format!("kind {:?} is not implemented yet", kind.name()),
        )),
    }
}
