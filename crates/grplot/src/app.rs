//! The command line: `grplot FILE [key:value ...] [-o OUT]`, `grplot spec.json -o OUT`,
//! `grplot help [KIND]`, `grplot gallery DIR`.
//!
//! Exit codes: 0 success, 2 usage errors, 1 data and render errors. Messages go to stderr and
//! start with `grplot:`.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use serde_json::Value;

use crate::cli::{parse_key_value, CliError, KeyValue};
use crate::keys::{self, Scope};
use crate::render::render;
use crate::spec::build_spec_with_notes;

/// Plots data files with GR's grplot syntax and renders the GR for Rust gallery.
#[derive(Parser, Debug)]
#[command(
    name = "grplot",
    version,
    disable_help_flag = true,
    disable_help_subcommand = true,
    args_conflicts_with_subcommands = true,
    override_usage = "grplot [OPTIONS] FILE [KEY:VALUE]... -o OUT\n       grplot spec.json -o OUT\n       grplot help [KIND]\n       grplot gallery DIR"
)]
pub struct Cli {
    /// Subcommands.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The data file (`-` reads standard input, a `.json` file is a plot spec; `file:PATH`
    /// also works), then key:value parameters such as kind:contourf columns:1:3,5 title:Hi.
    #[arg(value_name = "FILE|KEY:VALUE")]
    pub args: Vec<String>,
    /// Output file; the format follows the extension (png, jpg, svg, pdf, ps, eps, ...).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Figure size in pixels, like size:W,H (default 600,450).
    #[arg(long, value_name = "W,H")]
    pub size: Option<String>,
    /// Print the JSON plot spec on stdout (with or without -o).
    #[arg(long)]
    pub print_spec: bool,
    /// Print help; with a KIND, the data and keys of that kind.
    #[arg(short = 'h', long = "help", value_name = "KIND", num_args = 0..=1, default_missing_value = "")]
    pub help: Option<String>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Render every example as PNG, SVG and PDF into DIR, with DIR/index.html.
    Gallery {
        /// Output directory (created if missing).
        dir: PathBuf,
        /// Print help.
        #[arg(short = 'h', long = "help", action = clap::ArgAction::Help)]
        help: Option<bool>,
    },
    /// List the kinds and keys, or the data and keys of one KIND.
    Help {
        /// A plot kind, e.g. contourf.
        kind: Option<String>,
    },
}

/// Runs grplot with `args` (including the program name); `gallery` renders the gallery.
pub fn run<I, T>(args: I, gallery: &dyn Fn(&Path) -> Result<(), String>) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                print!("{e}");
                return ExitCode::SUCCESS;
            }
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            eprint!("grplot: {text}");
            return ExitCode::from(2);
        }
    };
    let result = match (&cli.command, &cli.help) {
        (Some(Command::Help { kind }), _) => help(kind.as_deref()),
        (None, Some(kind)) => help(Some(kind.as_str()).filter(|k| !k.is_empty())),
        (Some(Command::Gallery { dir, .. }), _) => gallery(dir).map_err(CliError::Render),
        (None, None) => plot(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("grplot: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// The full help text: options, then the tables of kinds and keys.
pub fn help_text() -> String {
    let mut cmd = Cli::command();
    let mut s = cmd.render_long_help().to_string();
    s += "\n\nExamples:\n  grplot data.dat -o plot.png\n  grplot matrix.csv kind:contourf levels:20 colormap:viridis -o c.pdf\n  grplot covid19.csv columns:1:3,5 y_log:1 title:Cases -o cases.svg\n  cat data.txt | grplot - kind:scatter spec:ro -o s.png\n  grplot spec.json -o out.pdf\n\n";
    s += "Data files: GR's grplot format (`# key : value` header lines, an optional title row,\ntab-separated columns), CSV/TSV with or without a title row, whitespace columns, .npy.\nColumns count from 0, as in GR's grplot.\n\n";
    s += &keys::kinds_table();
    s.push('\n');
    s += &keys::keys_table();
    s
}

fn help(kind: Option<&str>) -> Result<(), CliError> {
    match kind {
        None => print!("{}", help_text()),
        Some(k) => {
            let info = keys::kind(k).ok_or_else(|| {
                let names: Vec<&str> = keys::KINDS.iter().map(|k| k.name).collect();
                CliError::Usage(format!(
                    "unknown kind '{k}'; kinds are {}",
                    names.join(", ")
                ))
            })?;
            print!("{}", keys::kind_help(info));
        }
    }
    Ok(())
}

/// Splits the positional arguments into the input file and the parameters (GR's rule: the
/// first argument is the file when it has no `:`, or `file:PATH` anywhere; an existing path
/// with a `:` also counts).
pub fn split_args(args: &[String]) -> Result<(String, Vec<KeyValue>), CliError> {
    let mut file = None;
    let mut kvs = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if let Some(p) = a.strip_prefix("file:") {
            file = Some(p.to_string());
        } else if i == 0 && (!a.contains(':') || Path::new(a).exists()) {
            file = Some(a.clone());
        } else {
            kvs.push(parse_key_value(a)?);
        }
    }
    let file = file.ok_or_else(|| {
        CliError::Usage(
            "no input file; usage: grplot FILE [KEY:VALUE]... -o OUT (grplot --help lists the keys)"
                .into(),
        )
    })?;
    Ok((file, kvs))
}

fn plot(cli: &Cli) -> Result<(), CliError> {
    let (file, mut kvs) = split_args(&cli.args)?;
    if let Some(s) = &cli.size {
        kvs.push(parse_key_value(&format!("size:{s}"))?);
    }
    if cli.output.is_none() && !cli.print_spec {
        return Err(CliError::Usage(
            "no output: add -o OUT.png (or .svg, .pdf, ...) or --print-spec; grplot has no window yet"
                .into(),
        ));
    }
    let (name, bytes) = load(&file)?;
    let is_json = file.to_ascii_lowercase().ends_with(".json")
        || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let spec = if is_json {
        let mut spec: Value = serde_json::from_slice(&bytes)
            .map_err(|e| CliError::Input(format!("{name}: invalid JSON plot spec: {e}")))?;
        apply_to_json(&mut spec, &kvs)?;
        spec
    } else {
        let table = grm::data::read_bytes(&bytes, &name, grm::data::Format::Auto)?;
        let (spec, notes) = build_spec_with_notes(&table, &kvs)?;
        for n in notes {
            eprintln!("grplot: note: {n}");
        }
        spec
    };
    if cli.print_spec {
        let text = serde_json::to_string_pretty(&spec)
            .map_err(|e| CliError::Render(format!("cannot print the spec: {e}")))?;
        println!("{text}");
    }
    if let Some(out) = &cli.output {
        render(&spec, out)?;
    }
    Ok(())
}

fn load(file: &str) -> Result<(String, Vec<u8>), CliError> {
    let io = |name: &str, e| {
        CliError::Data(grm::data::DataError {
            file: name.to_string(),
            line: None,
            column: None,
            kind: grm::data::DataErrorKind::Io(e),
        })
    };
    if file == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut b)
            .map_err(|e| io("<stdin>", e))?;
        Ok(("<stdin>".into(), b))
    } else {
        let b = std::fs::read(file).map_err(|e| io(file, e))?;
        Ok((file.to_string(), b))
    }
}

/// Applies command-line parameters to a JSON spec: `size` to the figure, subplot keys to
/// every subplot, series keys to every series.
pub fn apply_to_json(spec: &mut Value, kvs: &[KeyValue]) -> Result<(), CliError> {
    let Some(root) = spec.as_object_mut() else {
        return Err(CliError::Input(
            "the JSON plot spec must be an object {...}".into(),
        ));
    };
    for kv in kvs {
        match kv.info().scope {
            Scope::Root => {
                root.insert(kv.key.into(), kv.value.clone());
            }
            Scope::Import => {
                return Err(CliError::Usage(format!(
                    "{}: applies to data files, not to a JSON plot spec",
                    kv.key
                )))
            }
            scope => {
                let subplots = root
                    .get_mut("subplots")
                    .and_then(Value::as_array_mut)
                    .ok_or_else(|| {
                        CliError::Input("the JSON plot spec has no \"subplots\" array".into())
                    })?;
                for sp in subplots.iter_mut().filter_map(Value::as_object_mut) {
                    if scope == Scope::Subplot {
                        sp.insert(kv.key.into(), kv.value.clone());
                    } else if let Some(series) = sp.get_mut("series").and_then(Value::as_array_mut)
                    {
                        for s in series.iter_mut().filter_map(Value::as_object_mut) {
                            s.insert(kv.key.into(), kv.value.clone());
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
