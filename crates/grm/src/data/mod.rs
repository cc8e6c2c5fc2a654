//! Data-file import: reads columns of numbers from the files people plot.
//!
//! Every reader returns a [`Table`]: equally long columns of `f64`, optional column titles,
//! the `# key: value` header lines of the file, and the row indices where blank-line separated
//! blocks (GR's "matrices", e.g. the slices of a volume) start.
//!
//! Supported inputs ([`Format`]):
//! - **GR's grplot format**: `# key : value` header lines (title, x_label, x_lim, ...), then an
//!   optional line of column titles (a blank line when there are none), then tab-separated rows.
//!   A blank line between rows starts a new block.
//! - **CSV / TSV / semicolon-separated** files, with or without a header row. The header is
//!   detected: if any cell of the first row is not a number, that row holds the column titles.
//!   A first row of strictly monotonic numbers with exactly one field less than the (at least
//!   two) rows below it is also a title row: axis values above a matrix whose first column
//!   holds the other axis, as in grplot's `use_bins` files; its titles get an empty first
//!   entry.
//!   Double-quoted fields (`"a, b"`, `""` for a quote) are understood.
//! - **Whitespace-separated** columns (any run of spaces and tabs separates).
//! - **NumPy `.npy`** files (format versions 1, 2 and 3): little or big endian `f8`, `f4`,
//!   `i1`..`i8`, `u1`..`u8` and `bool`, C or Fortran order. A 1-D array is one column, a 2-D
//!   array of shape `(rows, cols)` is `cols` columns, a 3-D array `(blocks, rows, cols)` is
//!   `blocks` blocks of `rows` rows.
//!
//! In text formats `#` starts a comment (a whole line, or the rest of a line when it begins a
//! field), blank lines before the data are skipped, and `\r\n` line ends are accepted.
//! Missing values: the words `nan`/`NaN`/`NAN` (and `inf`, `-inf`) are read in every text
//! format; an *empty* cell (`1,,3` or two adjacent tabs) is NaN in CSV, TSV and semicolon files;
//! whitespace-separated files cannot express empty cells.
//!
//! `-` as a path reads standard input (text or `.npy`, told apart by the `.npy` magic bytes).
//!
//! Errors are [`DataError`]s that name the file, the line and column (1-based, as editors
//! count) and what to change.

mod npy;
mod text;

use std::fmt;
use std::io::Read;
use std::path::Path;

pub use text::Delimiter;

/// Columns of numbers read from a data file.
///
/// Invariants (upheld by every reader): all `columns` have the same length; `names` is either
/// empty (the file has no column titles) or has one entry per column; `blocks` is non-empty,
/// starts with `0`, is strictly increasing and every entry is a valid row index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The data, column by column (`columns[c][r]` is row `r` of column `c`).
    pub columns: Vec<Vec<f64>>,
    /// Column titles from the header row, or empty when the file has none.
    pub names: Vec<String>,
    /// `# key: value` header lines in file order (keys and values trimmed).
    pub meta: Vec<(String, String)>,
    /// The first row of every blank-line separated block; `[0]` for a single block.
    pub blocks: Vec<usize>,
}

impl Table {
    /// Number of columns.
    pub fn ncols(&self) -> usize {
        self.columns.len()
    }

    /// Number of rows (0 for a table without columns).
    pub fn nrows(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }

    /// The title of column `c`, if the file has titles.
    pub fn name(&self, c: usize) -> Option<&str> {
        self.names.get(c).map(String::as_str)
    }

    /// The value of the last `# key: value` header line with this key.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Row `r` across all columns.
    pub fn row(&self, r: usize) -> Vec<f64> {
        self.columns.iter().map(|c| c[r]).collect()
    }

    /// The row range `start..end` of every block.
    pub fn block_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let n = self.nrows();
        let mut starts = self.blocks.clone();
        if starts.is_empty() {
            starts.push(0);
        }
        starts
            .iter()
            .enumerate()
            .map(|(i, &s)| s..starts.get(i + 1).copied().unwrap_or(n))
            .collect()
    }

    /// The table as a matrix of rows (`matrix()[r][c]`), e.g. for a heatmap's `z`.
    pub fn matrix(&self) -> Vec<Vec<f64>> {
        (0..self.nrows()).map(|r| self.row(r)).collect()
    }
}

/// How to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the extension (`.npy`) and the content: the `.npy` magic bytes, otherwise
    /// text whose delimiter is the first of tab, comma, semicolon that splits the first data
    /// lines into the same number (> 1) of fields, else whitespace.
    #[default]
    Auto,
    /// Text with this delimiter (grplot files are [`Delimiter::Tab`]).
    Text(Delimiter),
    /// A NumPy `.npy` array.
    Npy,
}

/// What went wrong while reading a data file.
#[derive(Debug)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The path could not be opened or read.
    Io(std::io::Error),
    /// The file holds no data rows.
    Empty,
    /// A row has a different number of fields than the first data row.
    Ragged {
        /// Fields found on this line.
        found: usize,
        /// Fields of the first data row.
        expected: usize,
        /// Line number (1-based) of the first data row.
        first_line: usize,
    },
    /// A cell of a numeric column is not a number.
    NotANumber {
        /// The offending text.
        text: String,
        /// The column title, if the file has titles.
        column_name: Option<String>,
    },
    /// The header row has a different number of titles than the data has columns.
    HeaderMismatch {
        /// Titles in the header row.
        names: usize,
        /// Columns of the data.
        columns: usize,
    },
    /// The text is not valid UTF-8.
    NotUtf8,
    /// The `.npy` header is missing or malformed.
    NpyHeader(String),
    /// The `.npy` element type is not supported.
    NpyDtype(String),
    /// The `.npy` array has an unsupported shape or too little data.
    NpyData(String),
}

/// A malformed or unreadable data file: which file, where, and what to change.
#[derive(Debug, thiserror::Error)]
pub struct DataError {
    /// The file name as given (`<stdin>` for `-`).
    pub file: String,
    /// Line number (1-based), when the problem is on one line.
    pub line: Option<usize>,
    /// Column number (1-based), when the problem is in one cell.
    pub column: Option<usize>,
    /// The problem.
    pub kind: DataErrorKind,
}

impl DataError {
    pub(crate) fn new(file: &str, kind: DataErrorKind) -> Self {
        DataError {
            file: file.to_string(),
            line: None,
            column: None,
            kind,
        }
    }

    pub(crate) fn at(file: &str, line: usize, column: Option<usize>, kind: DataErrorKind) -> Self {
        DataError {
            file: file.to_string(),
            line: Some(line),
            column,
            kind,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, ": line {l}, column {c}")?,
            (Some(l), None) => write!(f, ": line {l}")?,
            _ => {}
        }
        write!(f, ": ")?;
        match &self.kind {
            DataErrorKind::Io(e) => write!(f, "cannot read the file: {e}"),
            DataErrorKind::Empty => write!(
                f,
                "no data rows (the file is empty or holds only comments and a header)"
            ),
            DataErrorKind::Ragged {
                found,
                expected,
                first_line,
            } => write!(
                f,
                "has {found} fields, expected {expected} like line {first_line}; \
                 every row needs the same number of columns"
            ),
            DataErrorKind::NotANumber { text, column_name } => {
                write!(f, "\"{text}\" is not a number")?;
                if let Some(n) = column_name {
                    write!(f, " (column \"{n}\")")?;
                }
                write!(f, "; write a number or NaN, or comment the line out with #")
            }
            DataErrorKind::HeaderMismatch { names, columns } => write!(
                f,
                "the header row has {names} titles but the data has {columns} columns"
            ),
            DataErrorKind::NotUtf8 => {
                write!(f, "the text is not valid UTF-8; save the file as UTF-8")
            }
            DataErrorKind::NpyHeader(m) => write!(f, "not a valid .npy file: {m}"),
            DataErrorKind::NpyDtype(d) => write!(
                f,
                "unsupported .npy dtype '{d}' (supported: f8, f4, i1, i2, i4, i8, u1, u2, u4, \
                 u8, bool, little or big endian)"
            ),
            DataErrorKind::NpyData(m) => write!(f, "{m}"),
        }
    }
}

/// Reads a data file; `-` reads standard input. The format is detected ([`Format::Auto`]).
pub fn read_path(path: impl AsRef<Path>) -> Result<Table, DataError> {
    read_path_as(path, Format::Auto)
}

/// Reads a data file in the given format; `-` reads standard input.
pub fn read_path_as(path: impl AsRef<Path>, format: Format) -> Result<Table, DataError> {
    let path = path.as_ref();
    if path == Path::new("-") {
        return read_reader(std::io::stdin().lock(), "<stdin>", format);
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| DataError::new(&name, DataErrorKind::Io(e)))?;
    let format = match format {
        Format::Auto => format_from_extension(path),
        f => f,
    };
    read_bytes(&bytes, &name, format)
}

/// Reads a whole stream (e.g. standard input); `name` is used in error messages.
pub fn read_reader(mut reader: impl Read, name: &str, format: Format) -> Result<Table, DataError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| DataError::new(name, DataErrorKind::Io(e)))?;
    read_bytes(&bytes, name, format)
}

/// Parses the contents of a file already in memory; `name` is used in error messages.
pub fn read_bytes(bytes: &[u8], name: &str, format: Format) -> Result<Table, DataError> {
    match format {
        Format::Npy => npy::parse(bytes, name),
        Format::Auto if bytes.starts_with(npy::MAGIC) => npy::parse(bytes, name),
        Format::Auto | Format::Text(_) => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                DataError::at(name, line, None, DataErrorKind::NotUtf8)
            })?;
            let delimiter = match format {
                Format::Text(d) => Some(d),
                _ => None,
            };
            text::parse(text, name, delimiter)
        }
    }
}

/// Parses text (GR's grplot format, CSV, TSV or whitespace columns). `delimiter` `None`
/// detects it.
pub fn parse_text(
    text: &str,
    name: &str,
    delimiter: Option<Delimiter>,
) -> Result<Table, DataError> {
    text::parse(text, name, delimiter)
}

/// Parses the bytes of a `.npy` file.
pub fn parse_npy(bytes: &[u8], name: &str) -> Result<Table, DataError> {
    npy::parse(bytes, name)
}

fn format_from_extension(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "npy" => Format::Npy,
        // GR's own `.csv` examples are tab-separated, so text extensions only mean "detect".
        _ => Format::Auto,
    }
}
