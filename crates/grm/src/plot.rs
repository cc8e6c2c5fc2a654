//! A subplot ([`Plot`]) and its data ([`Series`]), with GRM's option names.

use crate::kinds::Kind;

/// Where a subplot sits on its figure's grid (row 0 at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridPos {
    /// Number of grid rows.
    pub rows: usize,
    /// Number of grid columns.
    pub cols: usize,
    /// First row (0 = top).
    pub row: usize,
    /// First column (0 = left).
    pub col: usize,
    /// Rows covered.
    pub rowspan: usize,
    /// Columns covered.
    pub colspan: usize,
}

impl Default for GridPos {
    fn default() -> Self {
        GridPos {
            rows: 1,
            cols: 1,
            row: 0,
            col: 0,
            rowspan: 1,
            colspan: 1,
        }
    }
}

/// A colormap by GR name (`"viridis"`, `"-magma"` reversed) or GR number (0..=47).
#[derive(Debug, Clone, PartialEq)]
pub enum Colormap {
    /// By name.
    Name(String),
    /// By GR number (negative: reversed).
    Number(i32),
}

impl Default for Colormap {
    fn default() -> Self {
        Colormap::Name("viridis".into())
    }
}

/// Legend placement with matplotlib's codes (`location` key: name or 0..=10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Location {
    /// 0: the corner that covers the fewest data points.
    Best,
    /// 1 (default).
    #[default]
    UpperRight,
    /// 2.
    UpperLeft,
    /// 3.
    LowerLeft,
    /// 4.
    LowerRight,
    /// 5.
    Right,
    /// 6.
    CenterLeft,
    /// 7.
    CenterRight,
    /// 8.
    LowerCenter,
    /// 9.
    UpperCenter,
    /// 10.
    Center,
}

const LOCATION_NAMES: [&str; 11] = [
    "best",
    "upper right",
    "upper left",
    "lower left",
    "lower right",
    "right",
    "center left",
    "center right",
    "lower center",
    "upper center",
    "center",
];

impl Location {
    /// All locations in code order.
    pub const ALL: [Location; 11] = [
        Location::Best,
        Location::UpperRight,
        Location::UpperLeft,
        Location::LowerLeft,
        Location::LowerRight,
        Location::Right,
        Location::CenterLeft,
        Location::CenterRight,
        Location::LowerCenter,
        Location::UpperCenter,
        Location::Center,
    ];
    /// matplotlib's code (0..=10).
    pub fn code(self) -> i32 {
        Self::ALL.iter().position(|&l| l == self).unwrap_or(1) as i32
    }
    /// From matplotlib's code.
    pub fn from_code(code: i64) -> Option<Self> {
        usize::try_from(code)
            .ok()
            .and_then(|i| Self::ALL.get(i).copied())
    }
    /// matplotlib's name (`"upper right"`).
    pub fn name(self) -> &'static str {
        LOCATION_NAMES[self.code() as usize]
    }
    /// From matplotlib's name.
    pub fn from_name(name: &str) -> Option<Self> {
        LOCATION_NAMES
            .iter()
            .position(|&n| n == name)
            .map(|i| Self::ALL[i])
    }
}

/// Bar plot style (`style` key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BarStyle {
    /// Series side by side in each group.
    #[default]
    Default,
    /// Series stacked on each other.
    Stacked,
    /// Series as outlined bars over each other.
    Lined,
}

/// Bar and histogram orientation (`orientation` key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// Bars grow upwards.
    #[default]
    Vertical,
    /// Bars grow to the right.
    Horizontal,
}

/// Where a stairs plot steps (`step_where` key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StepWhere {
    /// The value holds left of each point (`y[i]` on `(x[i-1], x[i]]`).
    #[default]
    Pre,
    /// Steps halfway between points.
    Mid,
    /// The value holds right of each point.
    Post,
}

/// Shape of `z` given as nested rows (kept for the JSON round trip).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZShape {
    /// Values per row (x direction).
    pub nx: usize,
    /// Rows (y direction).
    pub ny: usize,
}

/// One data series of a plot. Which arrays a kind needs is listed in [`Kind`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// x values (or cell edges/centres on grid kinds).
    pub x: Option<Vec<f64>>,
    /// y values.
    pub y: Option<Vec<f64>>,
    /// z values; for grid kinds row by row, x fastest.
    pub z: Option<Vec<f64>>,
    /// Set when `z` was given as nested rows.
    pub z_shape: Option<ZShape>,
    /// Colour values per point (scatter), mapped through the colormap.
    pub c: Option<Vec<f64>>,
    /// Marker sizes per point in percent of the default size (scatter).
    pub s: Option<Vec<f64>>,
    /// Vector x components (quiver).
    pub u: Option<Vec<f64>>,
    /// Vector y components (quiver).
    pub v: Option<Vec<f64>>,
    /// Weights per sample (histogram).
    pub weights: Option<Vec<f64>>,
    /// Explicit bin edges (histogram).
    pub bin_edges: Option<Vec<f64>>,
    /// Error per point (line: vertical error bars); the upward error when `error_down`
    /// is set, else symmetric. JSON: an array, or `{"up": [...], "down": [...]}`.
    pub error: Option<Vec<f64>>,
    /// Downward error per point (asymmetric error bars).
    pub error_down: Option<Vec<f64>>,
    /// A matplotlib-style line spec such as `"r--o"`.
    pub spec: Option<String>,
    /// The legend entry.
    pub label: Option<String>,
    /// One label per value (pie wedges).
    pub labels: Option<Vec<String>>,
    /// Kind of this series when it differs from the plot's kind (overlay).
    pub kind: Option<Kind>,
    /// Drawn against the second y axis on the right (matplotlib's `twinx`; key `twin_y`).
    pub twin_y: bool,
    /// Drawn against the second x axis on top (matplotlib's `twiny`; key `twin_x`).
    pub twin_x: bool,
    /// Dimensions `[nx, ny, nz]` of a volume in `c` (x fastest; isosurface and volume
    /// kinds). Set when `c` is given as nested slices of rows.
    pub dims: Option<[usize; 3]>,
}

impl Series {
    /// A series with `x` and `y`.
    pub fn xy(x: Vec<f64>, y: Vec<f64>) -> Self {
        Series {
            x: Some(x),
            y: Some(y),
            ..Default::default()
        }
    }
    /// A series with `y` only (x becomes 1..=n where a kind needs it).
    pub fn y(y: Vec<f64>) -> Self {
        Series {
            y: Some(y),
            ..Default::default()
        }
    }
    /// A series with `x`, `y` and `z`.
    pub fn xyz(x: Vec<f64>, y: Vec<f64>, z: Vec<f64>) -> Self {
        Series {
            x: Some(x),
            y: Some(y),
            z: Some(z),
            ..Default::default()
        }
    }
    /// A grid series: `z` given as `ny` rows of `nx` values; x and y default to 1..=n.
    pub fn grid(z: Vec<Vec<f64>>) -> Self {
        let ny = z.len();
        let nx = z.first().map_or(0, Vec::len);
        Series {
            z: Some(z.into_iter().flatten().collect()),
            z_shape: Some(ZShape { nx, ny }),
            ..Default::default()
        }
    }
    /// Sets the line spec.
    pub fn spec(mut self, spec: &str) -> Self {
        self.spec = Some(spec.into());
        self
    }
    /// Sets the legend label.
    pub fn label(mut self, label: &str) -> Self {
        self.label = Some(label.into());
        self
    }
    /// Sets per-point colour values.
    pub fn c(mut self, c: Vec<f64>) -> Self {
        self.c = Some(c);
        self
    }
    /// Sets per-point marker sizes (percent of the default).
    pub fn s(mut self, s: Vec<f64>) -> Self {
        self.s = Some(s);
        self
    }
    /// Sets the series kind (overlay on a plot of another kind).
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }
}

/// One subplot: a kind, series, and GRM's options.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// The plot kind (series may override it).
    pub kind: Kind,
    /// The data.
    pub series: Vec<Series>,
    /// Position on the figure grid.
    pub pos: GridPos,
    /// Title above the plot (`$...$` math allowed).
    pub title: Option<String>,
    /// x axis label.
    pub x_label: Option<String>,
    /// y axis label.
    pub y_label: Option<String>,
    /// z axis label (3D kinds; colorbar label otherwise).
    pub z_label: Option<String>,
    /// Fixed x range (else from the data, rounded to nice numbers).
    pub x_lim: Option<[f64; 2]>,
    /// Fixed y range.
    pub y_lim: Option<[f64; 2]>,
    /// Fixed z (colour) range.
    pub z_lim: Option<[f64; 2]>,
    /// Logarithmic x axis.
    pub x_log: bool,
    /// Logarithmic y axis.
    pub y_log: bool,
    /// Logarithmic z axis (3D).
    pub z_log: bool,
    /// Flipped x axis.
    pub x_flip: bool,
    /// Flipped y axis.
    pub y_flip: bool,
    /// Flipped z axis.
    pub z_flip: bool,
    /// Grid lines.
    pub grid: bool,
    /// Colormap of colour-mapped kinds.
    pub colormap: Colormap,
    /// Colour bar: `None` = the kind's default.
    pub colorbar: Option<bool>,
    /// Equal units on x and y.
    pub keep_aspect_ratio: bool,
    /// Legend: `None` = when some series has a label.
    pub legend: Option<bool>,
    /// Legend location.
    pub location: Location,
    /// Contour levels (default 20).
    pub levels: usize,
    /// Histogram/hexbin bins (`None`: kind default).
    pub bins: Option<usize>,
    /// 3D rotation about z in degrees (default 40).
    pub rotation: f64,
    /// 3D tilt from the z axis in degrees (default 60).
    pub tilt: f64,
    /// Bar style.
    pub style: BarStyle,
    /// Bar orientation.
    pub orientation: Orientation,
    /// Stairs step placement.
    pub step_where: StepWhere,
    /// Shade transfer function (GR's xform, default 5 = equalized).
    pub xform: i32,
    /// Marginal heatmap side plots: `"all"` (sums) or `"line"` (at `marginal_index`).
    pub marginal_heatmap_kind: String,
    /// Label of the right (twin) y axis.
    pub twin_y_label: Option<String>,
    /// Label of the top (twin) x axis.
    pub twin_x_label: Option<String>,
    /// Isosurface level (isosurface kind; default: the middle of the data range).
    pub isovalue: Option<f64>,
    /// Volume rendering model (volume kind): 0 emission, 1 absorption, 2 maximum intensity.
    pub algorithm: i32,
}

impl Default for Plot {
    fn default() -> Self {
        Plot {
            kind: Kind::Line,
            series: Vec::new(),
            pos: GridPos::default(),
            title: None,
            x_label: None,
            y_label: None,
            z_label: None,
            x_lim: None,
            y_lim: None,
            z_lim: None,
            x_log: false,
            y_log: false,
            z_log: false,
            x_flip: false,
            y_flip: false,
            z_flip: false,
            grid: true,
            colormap: Colormap::default(),
            colorbar: None,
            keep_aspect_ratio: false,
            legend: None,
            location: Location::default(),
            levels: 20,
            bins: None,
            rotation: 40.0,
            tilt: 60.0,
            style: BarStyle::default(),
            orientation: Orientation::default(),
            step_where: StepWhere::default(),
            xform: 5,
            marginal_heatmap_kind: "all".into(),
            twin_y_label: None,
            twin_x_label: None,
            isovalue: None,
            algorithm: 0,
        }
    }
}

impl Plot {
    /// An empty plot of a kind.
    pub fn new(kind: Kind) -> Self {
        Plot {
            kind,
            ..Default::default()
        }
    }
    /// Adds a series (hold/overlay: every added series is drawn).
    pub fn add(&mut self, series: Series) -> &mut Self {
        self.series.push(series);
        self
    }
    /// Adds a series drawn against a second x axis on top (matplotlib's `twiny`).
    pub fn add_twin_x(&mut self, series: Series) -> &mut Self {
        self.series.push(Series {
            twin_x: true,
            ..series
        });
        self
    }
    /// Adds a series drawn against a second y axis on the right (matplotlib's `twinx`).
    pub fn add_twin(&mut self, series: Series) -> &mut Self {
        self.series.push(Series {
            twin_y: true,
            ..series
        });
        self
    }
    /// The kind of series `i`.
    pub fn series_kind(&self, i: usize) -> Kind {
        self.series[i].kind.unwrap_or(self.kind)
    }
}
