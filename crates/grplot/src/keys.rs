//! The `key:value` parameters of GR's grplot: names, aliases, value types, where they go in
//! the JSON plot spec, and the plot kinds with the data they expect.

/// How a value is written on the command line and stored in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Text, stored as a JSON string.
    Str,
    /// Whole number.
    Int,
    /// Number.
    Float,
    /// `0`/`1` (also `true`/`false`, `yes`/`no`, `on`/`off`), stored as a JSON bool.
    Bool,
    /// Two numbers `a,b`, stored as `[a, b]`.
    Pair,
    /// Two positive whole numbers `w,h`.
    Size,
    /// Comma-separated numbers, stored as an array.
    Floats,
    /// A colour: an index `4` or RGB `1,0,0` (0..1).
    Color,
    /// A colormap name (`viridis`, `-magma` reversed) or GR number (`44`, `-44` reversed),
    /// stored as the name.
    Colormap,
    /// Comma-separated texts.
    Strs,
    /// grplot's column selection `1:3,5` (0-based, ranges inclusive).
    Columns,
    /// grplot's container syntax `{{key:value},{key:value}}`.
    Container,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
}

/// Where a key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The figure (`size`).
    Root,
    /// Every subplot object.
    Subplot,
    /// Every series object.
    Series,
    /// Only used to turn the file into series (column selection, ranges, file layouts).
    Import,
}

/// One known key.
#[derive(Debug)]
pub struct Key {
    /// The canonical name (GRM's).
    pub name: &'static str,
    /// Other names accepted on the command line and in file headers.
    pub aliases: &'static [&'static str],
    /// Value syntax.
    pub ty: Type,
    /// Where it goes.
    pub scope: Scope,
    /// One-line help.
    pub help: &'static str,
}

macro_rules! k {
    ($name:literal, [$($a:literal),*], $ty:expr, $scope:ident, $help:literal) => {
        Key { name: $name, aliases: &[$($a),*], ty: $ty, scope: Scope::$scope, help: $help }
    };
}

use Type::*;

/// Every key grplot understands.
#[rustfmt::skip]
pub const KEYS: &[Key] = &[
    k!("kind", [], Str, Subplot, "plot kind (default line); see the kinds table"),
    k!("size", [], Size, Root, "figure size in pixels, e.g. size:800,600 (default 600,450)"),
    k!("title", [], Str, Subplot, "plot title"),
    k!("x_label", ["xlabel"], Str, Subplot, "x axis label"),
    k!("y_label", ["ylabel"], Str, Subplot, "y axis label"),
    k!("z_label", ["zlabel"], Str, Subplot, "z axis label"),
    k!("x_lim", ["xlim"], Pair, Subplot, "x axis limits a,b"),
    k!("y_lim", ["ylim"], Pair, Subplot, "y axis limits a,b"),
    k!("z_lim", ["zlim"], Pair, Subplot, "z axis limits a,b"),
    k!("phi_lim", ["philim"], Pair, Subplot, "polar angle limits"),
    k!("r_lim", ["rlim"], Pair, Subplot, "polar radius limits"),
    k!("x_log", ["xlog"], Bool, Subplot, "logarithmic x axis (0/1)"),
    k!("y_log", ["ylog"], Bool, Subplot, "logarithmic y axis (0/1)"),
    k!("z_log", ["zlog"], Bool, Subplot, "logarithmic z axis (0/1)"),
    k!("r_log", ["rlog"], Bool, Subplot, "logarithmic polar radius (0/1)"),
    k!("x_flip", ["xflip"], Bool, Subplot, "flip the x axis (0/1)"),
    k!("y_flip", ["yflip"], Bool, Subplot, "flip the y axis (0/1)"),
    k!("z_flip", ["zflip"], Bool, Subplot, "flip the z axis (0/1)"),
    k!("phi_flip", ["phiflip"], Bool, Subplot, "flip the polar angle (0/1)"),
    k!("grid", [], Bool, Subplot, "draw grid lines (0/1)"),
    k!("x_grid", ["xgrid"], Bool, Subplot, "x grid lines (0/1)"),
    k!("y_grid", ["ygrid"], Bool, Subplot, "y grid lines (0/1)"),
    k!("z_grid", ["zgrid"], Bool, Subplot, "z grid lines (0/1)"),
    k!("colormap", ["cmap"], Colormap, Subplot, "colormap name or GR number (viridis, -magma, 44)"),
    k!("x_colormap", ["xcolormap"], Colormap, Subplot, "colormap of the polar histogram's x direction"),
    k!("y_colormap", ["ycolormap"], Colormap, Subplot, "colormap of the polar histogram's y direction"),
    k!("levels", [], Int, Subplot, "number of contour levels (default 20)"),
    k!("bins", ["nbins", "num_bins"], Int, Subplot, "number of histogram or hexbin bins"),
    k!("x_bins", ["xbins"], Int, Subplot, "shade: bins in x (default 100)"),
    k!("y_bins", ["ybins"], Int, Subplot, "shade: bins in y (default 100)"),
    k!("bin_edges", [], Floats, Subplot, "polar histogram: class borders"),
    k!("bin_width", [], Float, Subplot, "polar histogram: width of every bin"),
    k!("bin_counts", [], Int, Subplot, "polar histogram: number of classes"),
    k!("normalization", [], Choice(&["count", "probability", "countdensity", "pdf", "cumcount", "cdf"]), Subplot, "polar histogram normalization"),
    k!("keep_aspect_ratio", ["aspect"], Bool, Subplot, "keep the data's aspect ratio (0/1)"),
    k!("only_quadratic_aspect_ratio", [], Bool, Subplot, "force a square plot area (0/1)"),
    k!("location", [], Int, Subplot, "legend location (GR numbers 1..11)"),
    k!("orientation", [], Choice(&["horizontal", "vertical"]), Subplot, "bar, line and stem orientation"),
    k!("rotation", [], Float, Subplot, "3D view rotation in degrees"),
    k!("tilt", [], Float, Subplot, "3D view tilt in degrees"),
    k!("isovalue", [], Float, Subplot, "isosurface value (default 0.5)"),
    k!("style", [], Choice(&["default", "stacked", "lined"]), Subplot, "barplot style"),
    k!("step_where", [], Choice(&["pre", "mid", "post"]), Subplot, "stairs: where the step is"),
    k!("algorithm", [], Str, Subplot, "marginal heatmap: sum or max; volume: emission, absorption, mip"),
    k!("marginal_heatmap_kind", ["h_kind", "hkind", "marginalheatmap_kind"], Choice(&["all", "line"]), Subplot, "marginal heatmap side plots"),
    k!("bar_width", [], Float, Subplot, "barplot: bar width (default 0.8)"),
    k!("bar_color", [], Color, Subplot, "bar colour: index or r,g,b"),
    k!("edge_color", [], Color, Subplot, "bar edge colour: index or r,g,b"),
    k!("edge_width", [], Float, Subplot, "bar edge width"),
    k!("transformation", ["xform"], Int, Subplot, "shade: colour transformation (GR numbers)"),
    k!("resample_method", [], Str, Subplot, "image resampling: nearest, linear, default"),
    k!("major_h", [], Int, Subplot, "contour: label every n-th level"),
    k!("accelerate", [], Bool, Subplot, "surface: use GR3 (0/1)"),
    k!("draw_edges", [], Bool, Subplot, "polar histogram: draw bin outlines (0/1)"),
    k!("stairs", [], Bool, Subplot, "polar histogram: only the outline (0/1)"),
    k!("scale", [], Int, Subplot, "GR scale options bit mask"),
    k!("clip_negative", [], Bool, Subplot, "polar: clip negative radii (0/1)"),
    k!("keep_radii_axes", [], Bool, Subplot, "polar: keep the radius axes when zooming (0/1)"),
    k!("grplot", [], Bool, Subplot, "orient matrices like grplot does (0/1, default 1)"),
    k!("y_labels", ["ylabels"], Strs, Subplot, "barplot: category names"),
    k!("int_limits_low", [], Floats, Subplot, "integration limits (low)"),
    k!("int_limits_high", [], Floats, Subplot, "integration limits (high)"),
    k!("error_bar_style", [], Int, Subplot, "error bars: 0 lines, 1 area"),
    k!("error", [], Container, Series, "error bars: {{error_bar_color:4},{upwards_cap_color:2}}"),
    k!("ind_bar_color", [], Container, Subplot, "colours of single bars: 1,{{indices:2},{rgb:1,0,0}}"),
    k!("ind_edge_color", [], Container, Subplot, "edge colours of single bars"),
    k!("ind_edge_width", [], Container, Subplot, "edge widths of single bars: 1,{{indices:2},{width:5}}"),
    k!("spec", ["line_spec"], Str, Series, "line spec like r--o (colour, line style, marker)"),
    k!("marker_type", ["markertype"], Int, Series, "GR marker type number"),
    k!("columns", [], Columns, Import, "columns to use, 0-based: 1:3,5 (ranges inclusive)"),
    k!("x_columns", [], Columns, Import, "columns holding x values (line-like kinds)"),
    k!("y_columns", [], Columns, Import, "columns holding y values (line-like kinds)"),
    k!("error_columns", [], Columns, Import, "columns holding errors (up, down per series)"),
    k!("x_range", ["xrange"], Pair, Import, "map the x positions (or x data) onto a,b"),
    k!("y_range", ["yrange"], Pair, Import, "map the y positions (or y data) onto a,b"),
    k!("z_range", ["zrange"], Pair, Import, "map the z data onto a,b"),
    k!("use_bins", [], Bool, Import, "matrix files: first row and column hold x and y (0/1)"),
    k!("xyz_file", [], Bool, Import, "matrix kinds: the file has x, y, z columns (0/1)"),
    k!("xye_file", [], Bool, Import, "line kinds: the file has x, y, error columns (0/1)"),
    k!("scatter_z", ["scatterz"], Bool, Import, "scatter: third column is z (0/1)"),
    k!("equal_up_and_down_error", [], Bool, Import, "one error column per series (0/1)"),
];

/// The key with this name or alias.
pub fn lookup(name: &str) -> Option<&'static Key> {
    KEYS.iter()
        .find(|k| k.name == name || k.aliases.contains(&name))
}

/// The known key closest to a misspelt one (for "did you mean").
pub fn suggest(name: &str) -> Option<&'static str> {
    KEYS.iter()
        .map(|k| (edit_distance(name, k.name), k.name))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// What data a kind takes from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Every selected column is one series of y values; x is the row position or an
    /// `x_columns` column.
    Series,
    /// The first y column only (bars, histogram).
    OneColumn,
    /// The table is a matrix `z` on a grid.
    Grid,
    /// The first three columns are x, y, z.
    Xyz,
    /// The first two columns are x and y.
    Xy,
    /// Two blank-line separated matrices u and v.
    TwoGrids,
    /// Blank-line separated matrices are the slices of a volume.
    Volume,
    /// The first row holds the values (later rows optional RGB colours).
    Pie,
}

/// One plot kind.
#[derive(Debug)]
pub struct KindInfo {
    /// GRM's name.
    pub name: &'static str,
    /// Older names (GR's grplot README, python-gr).
    pub aliases: &'static [&'static str],
    /// The data it takes.
    pub shape: Shape,
    /// What the file must look like.
    pub data: &'static str,
    /// The keys that matter for it besides the common ones.
    pub keys: &'static [&'static str],
}

macro_rules! kind {
    ($name:literal, [$($a:literal),*], $shape:ident, $data:literal, [$($k:literal),*]) => {
        KindInfo { name: $name, aliases: &[$($a),*], shape: Shape::$shape, data: $data, keys: &[$($k),*] }
    };
}

/// Keys every kind understands.
pub const COMMON_KEYS: &[&str] = &[
    "kind",
    "size",
    "title",
    "x_label",
    "y_label",
    "x_lim",
    "y_lim",
    "x_log",
    "y_log",
    "x_flip",
    "y_flip",
    "grid",
    "columns",
    "keep_aspect_ratio",
];

/// Every kind, in the order of the help table.
#[rustfmt::skip]
pub const KINDS: &[KindInfo] = &[
    kind!("line", [], Series, "columns; each is a series of y values over the row number (x_columns: x)", ["spec", "x_columns", "y_columns", "error_columns", "error", "xye_file", "x_range", "y_range", "orientation", "location"]),
    kind!("scatter", [], Series, "columns as for line; scatter_z:1 reads x, y, z", ["spec", "marker_type", "x_columns", "y_columns", "scatter_z", "error", "x_range", "y_range", "location"]),
    kind!("stairs", ["step"], Series, "columns as for line", ["spec", "step_where", "orientation", "x_columns", "x_range", "location"]),
    kind!("stem", [], Series, "columns as for line", ["spec", "orientation", "x_columns", "x_range", "location"]),
    kind!("barplot", ["bar"], OneColumn, "one column of bar heights (x_columns: positions)", ["bar_width", "bar_color", "edge_color", "edge_width", "style", "orientation", "ind_bar_color", "ind_edge_color", "ind_edge_width", "error", "y_labels", "x_range"]),
    kind!("histogram", ["hist"], OneColumn, "one column of values to bin", ["bins", "bar_color", "edge_color", "orientation"]),
    kind!("pie", [], Pie, "first row: the values; rows 2-4: optional r, g, b of each slice", []),
    kind!("hexbin", [], Xy, "two columns x, y", ["bins", "colormap"]),
    kind!("shade", [], Xy, "two columns x, y", ["x_bins", "y_bins", "transformation"]),
    kind!("quiver", [], TwoGrids, "two matrices u and v separated by a blank line", ["x_range", "y_range"]),
    kind!("contour", [], Grid, "a matrix z (rows are y, columns x)", ["levels", "colormap", "major_h", "use_bins", "xyz_file", "x_range", "y_range", "z_range"]),
    kind!("contourf", [], Grid, "a matrix z", ["levels", "colormap", "major_h", "use_bins", "xyz_file", "x_range", "y_range", "z_range"]),
    kind!("tricontour", ["tricont"], Xyz, "three columns x, y, z", ["levels", "colormap"]),
    kind!("heatmap", [], Grid, "a matrix z", ["colormap", "use_bins", "xyz_file", "x_range", "y_range", "z_range", "z_log"]),
    kind!("marginal_heatmap", ["marginalheatmap"], Grid, "a matrix z", ["colormap", "marginal_heatmap_kind", "algorithm", "use_bins", "x_range", "y_range"]),
    kind!("imshow", [], Grid, "a matrix z", ["colormap", "use_bins", "grplot", "x_range", "y_range"]),
    kind!("surface", [], Grid, "a matrix z", ["colormap", "accelerate", "rotation", "tilt", "z_label", "z_lim", "z_log", "use_bins", "xyz_file", "x_range", "y_range", "z_range"]),
    kind!("wireframe", [], Grid, "a matrix z", ["rotation", "tilt", "z_label", "z_lim", "use_bins", "xyz_file", "x_range", "y_range", "z_range"]),
    kind!("trisurface", ["trisurf"], Xyz, "three columns x, y, z", ["colormap", "rotation", "tilt", "z_label", "z_lim"]),
    kind!("line3", ["plot3"], Xyz, "three columns x, y, z", ["spec", "rotation", "tilt", "z_label", "z_lim"]),
    kind!("scatter3", [], Xyz, "three columns x, y, z", ["marker_type", "colormap", "rotation", "tilt", "z_label", "z_lim"]),
    kind!("isosurface", [], Volume, "matrices (slices) separated by blank lines", ["isovalue", "rotation", "tilt"]),
    kind!("volume", [], Volume, "matrices (slices) separated by blank lines", ["algorithm", "colormap", "rotation", "tilt"]),
    kind!("polar_line", ["polar"], Xy, "two columns: angle (radians), radius", ["spec", "r_lim", "r_log", "phi_flip", "clip_negative"]),
    kind!("polar_scatter", [], Xy, "two columns: angle (radians), radius", ["marker_type", "r_lim", "r_log", "phi_flip"]),
    kind!("polar_histogram", [], OneColumn, "one column of angles to bin", ["bins", "bin_edges", "bin_width", "bin_counts", "normalization", "draw_edges", "stairs", "phi_flip", "x_colormap", "y_colormap"]),
    kind!("polar_heatmap", [], Grid, "a matrix; columns span 0..360 degrees, rows radius 0..3 (x_range, y_range)", ["colormap", "x_range", "y_range", "r_log"]),
];

/// The kind with this name or alias.
pub fn kind(name: &str) -> Option<&'static KindInfo> {
    KINDS
        .iter()
        .find(|k| k.name == name || k.aliases.contains(&name))
}

/// The help text for one kind: its data and keys with their meaning.
pub fn kind_help(k: &KindInfo) -> String {
    let mut s = format!("grplot kind:{}", k.name);
    if !k.aliases.is_empty() {
        s += &format!(" (also: {})", k.aliases.join(", "));
    }
    s += &format!("\n\nData: {}.\n\nKeys:\n", k.data);
    for name in k.keys.iter().chain(COMMON_KEYS.iter()) {
        if let Some(key) = lookup(name) {
            s += &format!("  {:<24} {}\n", key.name, key.help);
        }
    }
    s
}

/// The table of kinds shown by `grplot --help`.
pub fn kinds_table() -> String {
    let mut s = String::from("Kinds (grplot help KIND lists a kind's keys):\n");
    for k in KINDS {
        s += &format!("  {:<18} {}\n", k.name, k.data);
    }
    s
}

/// The table of all keys shown by `grplot --help`.
pub fn keys_table() -> String {
    let mut s = String::from("Keys (key:value; aliases in brackets):\n");
    for k in KEYS {
        let name = if k.aliases.is_empty() {
            k.name.to_string()
        } else {
            format!("{} [{}]", k.name, k.aliases.join(", "))
        };
        s += &format!("  {name:<34} {}\n", k.help);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_unique() {
        let mut all: Vec<&str> = KEYS
            .iter()
            .flat_map(|k| std::iter::once(k.name).chain(k.aliases.iter().copied()))
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a key name or alias appears twice");
        let mut kinds: Vec<&str> = KINDS
            .iter()
            .flat_map(|k| std::iter::once(k.name).chain(k.aliases.iter().copied()))
            .collect();
        let n = kinds.len();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), n);
    }

    #[test]
    fn every_key_listed_for_a_kind_exists() {
        for k in KINDS {
            for key in k.keys.iter().chain(COMMON_KEYS) {
                assert!(
                    lookup(key).is_some(),
                    "kind {} lists unknown key {key}",
                    k.name
                );
            }
        }
    }

    #[test]
    fn lookup_and_suggestions() {
        assert_eq!(lookup("cmap").map(|k| k.name), Some("colormap"));
        assert_eq!(lookup("xlabel").map(|k| k.name), Some("x_label"));
        assert_eq!(lookup("line_spec").map(|k| k.name), Some("spec"));
        assert!(lookup("colour").is_none());
        assert_eq!(suggest("x_lable"), Some("x_label"));
        assert_eq!(suggest("levls"), Some("levels"));
        assert_eq!(suggest("zzzzzzzz"), None);
        assert_eq!(kind("hist").map(|k| k.name), Some("histogram"));
        assert_eq!(kind("plot3").map(|k| k.name), Some("line3"));
    }
}
