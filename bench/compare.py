#!/usr/bin/env python3
"""Runs the benchmark workloads W1-W8 (design section 6) with GR for Rust (`grbench`) and
with matplotlib (Agg) / scikit-image on the same data, and writes bench/results.md.

    python3 bench/compare.py                  # everything, 5 timed runs after 1 warm-up
    python3 bench/compare.py --runs 3 W1 W3   # some workloads, fewer runs
    python3 bench/compare.py --no-curve W2    # without W1's cost curve
    python3 bench/compare.py W6 W6-256        # marching cubes at 128^3 and 256^3 only

With W1 selected (and no --no-curve), W1 is also run at 10^4 .. 10^7 points (the first N
points of the same random walk, `grbench --points N`) for the cost-curve table.

The input data comes from `grbench --write-data DIR` (raw little-endian float64 files), so
both sides draw bit-identical numbers. Every workload runs in a fresh process on each side,
and its peak resident memory is that process's VmHWM (ru_maxrss where /proc is missing).
A timed run is the whole figure: create the figure, draw it with axes, write the file.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "bench" / "results.md"

# name, what is drawn, speed-up target (matplotlib time / project time), size target
WORKLOADS = [
    ("W1", "line of 1,000,000 points with axes, PNG", 10, None),
    ("W2", "scatter of 100,000 markers with axes, PNG", 10, None),
    ("W3", "heatmap 1000x1000 with colorbar, PNG", 10, None),
    ("W4", "contourf 500x500, 20 levels, with colorbar, PNG", 5, None),
    ("W5", "3D surface 200x200 with colormap, PNG", 20, None),
    ("W6", "marching cubes of a 128^3 field (time alone)", 2, None),
    ("W6-256", "marching cubes of a 256^3 field (time alone)", 2, None),
    ("W7", "200 animation frames (500-point line + text) to PNG files", 10, None),
    ("W8-svg", "W1 to SVG", 10, 10),
    ("W8-pdf", "W1 to PDF", 10, 10),
]
NAMES = [w[0] for w in WORKLOADS]
# Marching-cubes workloads: name -> the volume array (from `grbench --write-data`) it meshes.
VOLUMES = {"W6": "volume", "W6-256": "volume256"}
# Arrays that only one workload reads, loaded by that workload's worker alone (the 128 MiB
# 256^3 volume must not count in the peak memory of the others).
ONLY_FOR = {"volume256": "W6-256"}

# W1's cost curve: line lengths, and timed runs at most (the longest lines are slow in
# matplotlib).
CURVE_POINTS = [10_000, 100_000, 1_000_000, 10_000_000]
CURVE_MAX_RUNS = 3

# Figure geometry shared with grbench: 8x6 in at 100 dpi = 800x600 px.
FIGSIZE = (8, 6)
DPI = 100
LINE_WIDTH_PT = 0.864  # 1.2 px, GR's line width 1 on an 800x600 page
MARKER_PT = 5.184  # 7.2 px across, GR's marker size 1 on an 800x600 page


# --------------------------------------------------------------------------------------
# matplotlib side (runs inside a worker process: `compare.py --worker NAME ...`)
# --------------------------------------------------------------------------------------


def peak_rss_kib():
    """VmHWM of this process in KiB (as grbench measures it), else ru_maxrss."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def load_data(data_dir, workload=None):
    """The arrays of the data directory (those in ONLY_FOR only for their `workload`) and
    the manifest's params."""
    import numpy as np

    data_dir = Path(data_dir)
    manifest = json.loads((data_dir / "manifest.json").read_text())
    arrays = {}
    for name, meta in manifest["arrays"].items():
        if ONLY_FOR.get(name, workload) != workload:
            continue
        a = np.fromfile(data_dir / f"{name}.f64", dtype="<f8")
        arrays[name] = a.reshape(meta["shape"])
    return arrays, manifest["params"]


def mpl_workloads(arrays, params):
    """Returns {name: function(out_dir) -> list of written files}."""
    import numpy as np
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def new_figure():
        fig = Figure(figsize=FIGSIZE, dpi=DPI)
        FigureCanvasAgg(fig)
        return fig

    lx, ly = arrays["line_x"], arrays["line_y"]
    sx, sy = arrays.get("scatter_x"), arrays.get("scatter_y")

    def line(path):
        fig = new_figure()
        ax = fig.add_subplot()
        ax.plot(lx, ly, lw=LINE_WIDTH_PT, color="blue")
        fig.savefig(path)
        return [path]

    def w1(out):
        return line(out / "w1.png")

    def w2(out):
        fig = new_figure()
        ax = fig.add_subplot()
        ax.plot(sx, sy, "o", ms=MARKER_PT, color="blue", mec="white", mew=LINE_WIDTH_PT)
        path = out / "w2.png"
        fig.savefig(path)
        return [path]

    def w3(out):
        z, g = arrays["heatmap_z"], arrays["heatmap_axis"]
        lo, hi = g[0], g[-1]
        fig = new_figure()
        ax = fig.add_subplot()
        im = ax.imshow(z, origin="lower", extent=(lo, hi, lo, hi), aspect="auto",
                       cmap="viridis", interpolation="nearest")
        fig.colorbar(im, ax=ax)
        path = out / "w3.png"
        fig.savefig(path)
        return [path]

    def w4(out):
        z, g = arrays["contour_z"], arrays["contour_axis"]
        levels = np.linspace(np.nanmin(z), np.nanmax(z), params["contour_levels"] + 1)
        fig = new_figure()
        ax = fig.add_subplot()
        cs = ax.contourf(g, g, z, levels=levels, cmap="viridis")
        fig.colorbar(cs, ax=ax)
        path = out / "w4.png"
        fig.savefig(path)
        return [path]

    def w5(out):
        z, g = arrays["surface_z"], arrays["surface_axis"]
        x, y = np.meshgrid(g, g)
        fig = new_figure()
        ax = fig.add_subplot(projection="3d")
        # Every grid cell drawn (matplotlib's default would resample to 50x50).
        ax.plot_surface(x, y, z, cmap="viridis", rcount=z.shape[0], ccount=z.shape[1])
        path = out / "w5.png"
        fig.savefig(path)
        return [path]

    def isosurface(array):
        def run(out):
            from skimage.measure import marching_cubes

            vol = arrays[array]
            lo, hi = params["volume_range"]
            step = (hi - lo) / (vol.shape[0] - 1)
            verts, faces, _, _ = marching_cubes(vol, level=params["volume_level"],
                                                spacing=(step, step, step))
            run.triangles = len(faces)
            return []

        return run

    def w7(out):
        fx, fy, ft = arrays["frames_x"], arrays["frames_y"], arrays["frames_t"]
        fig = new_figure()
        ax = fig.add_subplot()
        (ln,) = ax.plot(fx, fy[0], lw=LINE_WIDTH_PT, color="blue")
        ax.set_ylim(-1.1, 1.1)
        text = ax.text(0.05, 0.9, "", transform=ax.transAxes)
        files = []
        for k in range(fy.shape[0]):
            ln.set_ydata(fy[k])
            text.set_text(f"t = {ft[k]:.2f} s")
            path = out / f"w7_{k:03d}.png"
            fig.savefig(path)
            files.append(path)
        return files

    return {
        "W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W7": w7,
        **{name: isosurface(array) for name, array in VOLUMES.items() if array in arrays},
        "W8-svg": lambda out: line(out / "w8.svg"),
        "W8-pdf": lambda out: line(out / "w8.pdf"),
    }


def worker(args):
    """Times one matplotlib workload in this process and prints its JSON line."""
    arrays, params = load_data(args.data, args.worker)
    fn = mpl_workloads(arrays, params)[args.worker]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for _ in range(args.warmup):
        files = fn(out)
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        files = fn(out)
        times.append(time.perf_counter() - t0)
    times_sorted = sorted(times)
    n = len(times_sorted)
    median = times_sorted[n // 2] if n % 2 else 0.5 * (times_sorted[n // 2 - 1] + times_sorted[n // 2])
    line = {
        "workload": args.worker,
        "status": "ok",
        "runs": n,
        "warmup": args.warmup,
        "median_s": median,
        "min_s": times_sorted[0],
        "max_s": times_sorted[-1],
        "output_bytes": sum(Path(f).stat().st_size for f in files),
        "files": len(files),
    }
    if args.worker == "W7":
        line["frames"] = arrays["frames_y"].shape[0]
        line["frames_per_s"] = line["frames"] / median
    if args.worker in VOLUMES:
        line["triangles"] = getattr(fn, "triangles", None)
    line["peak_rss_kib"] = peak_rss_kib()
    print(json.dumps(line), flush=True)


# --------------------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------------------


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def ensure_python_deps():
    missing = []
    for module, package in [("numpy", "numpy"), ("matplotlib", "matplotlib"),
                            ("skimage", "scikit-image")]:
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        log(f"installing {' '.join(missing)} with pip ...")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                        "matplotlib", "numpy", "scikit-image"], check=True)


def build_grbench():
    log("building grbench (cargo build --release -p grbench) ...")
    try:
        subprocess.run(["cargo", "build", "--release", "-p", "grbench"], cwd=REPO, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"compare.py: building grbench failed ({e}); fix the build or pass --grbench PATH")
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    exe = target / "release" / "grbench"
    if not exe.exists():
        sys.exit(f"compare.py: {exe} not found after the build")
    return exe


def last_json_line(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                break
    return None


def run_json(cmd, name):
    """Runs a command that prints one JSON line; a failure becomes an error record."""
    res = subprocess.run(cmd, capture_output=True, text=True)
    rec = last_json_line(res.stdout)
    if res.returncode != 0 or rec is None:
        msg = (res.stderr.strip() or f"exit code {res.returncode}").splitlines()[-1]
        return {"workload": name, "status": "error", "message": msg}
    return rec


def versions(grbench):
    import numpy
    import matplotlib
    import skimage

    def cmd(*c):
        try:
            return subprocess.run(c, capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return "?"

    rev = cmd("git", "rev-parse", "--short", "HEAD") or "?"
    if cmd("git", "status", "--porcelain", "--untracked-files=no"):
        rev += " (with uncommitted changes)"
    return {
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "matplotlib": matplotlib.__version__,
        "scikit-image": skimage.__version__,
        "rustc": cmd("rustc", "--version"),
        "grbench": cmd(str(grbench), "--version"),
        "git": rev,
    }


def machine():
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "?"
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    env = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "os": platform.platform(), "env": env}


def load_average():
    """The 1-minute load average, or None where the OS has none."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def fmt_time(rec):
    if not rec or rec.get("status") != "ok":
        return "n/a"
    return f"{rec['median_s']:.4f} ({rec['min_s']:.4f}–{rec['max_s']:.4f})"


def fmt_mib(rec):
    if not rec or rec.get("status") != "ok" or rec.get("peak_rss_kib") is None:
        return "n/a"
    return f"{rec['peak_rss_kib'] / 1024:.0f}"


def fmt_size(rec):
    if not rec or rec.get("status") != "ok":
        return "n/a"
    if rec.get("files", 0) == 0:
        return "—"
    b = rec["output_bytes"]
    s = f"{b / 1024:.0f} KiB" if b < 10 * 1024 * 1024 else f"{b / 1024 / 1024:.1f} MiB"
    if rec["files"] > 1:
        s += f" ({rec['files']} files)"
    return s


def status_note(rec):
    if not rec:
        return "not run"
    if rec.get("status") == "ok":
        return ""
    return rec.get("status", "?") + (f": {rec['message']}" if rec.get("message") else "")


def write_report(path, results, info, args):
    lines = ["# Benchmark results: GR for Rust vs matplotlib", ""]
    lines.append(f"Generated by `python3 bench/compare.py` on {time.strftime('%Y-%m-%d %H:%M %Z')}; "
                 f"median of {args.runs} timed runs after {args.warmup} warm-up, each workload "
                 "in a fresh process per side; whole figure to file, 800×600 px. "
                 "Times in seconds (min–max in brackets). Ratio = matplotlib median / "
                 "project median (higher is better for the project).")
    lines.append("")
    lines.append("| workload | what | project s | matplotlib s | ratio | target | met | "
                 "peak RSS MiB project / mpl | output project / mpl |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for name, what, speed_target, size_target in WORKLOADS:
        if name not in results:
            continue
        p, m = results[name]["project"], results[name]["matplotlib"]
        ok = p and p.get("status") == "ok" and m and m.get("status") == "ok"
        ratio = m["median_s"] / p["median_s"] if ok and p["median_s"] > 0 else None
        ratio_s = f"{ratio:.1f}×" if ratio is not None else "n/a"
        target = []
        met = []
        if speed_target:
            target.append(f"≥ {speed_target}×")
            if ratio is not None:
                met.append("yes" if ratio >= speed_target else "no")
        if size_target:
            target.append(f"size ≤ 1/{size_target}")
            if ok and p["output_bytes"] > 0:
                met.append("yes" if m["output_bytes"] / p["output_bytes"] >= size_target else "no")
        if name == "W7" and ok:
            what += f" — project {p['frames_per_s']:.0f} frames/s, matplotlib {m['frames_per_s']:.0f} frames/s"
            if p.get("render_frames_per_s"):
                fps = p["render_frames_per_s"]
                what += (f"; rendered without encoding (into an RGBA buffer): project {fps:.0f} "
                         f"frames/s (target ≥ 300: {'met' if fps >= 300 else 'not met'})")
        if name in VOLUMES and m and m.get("triangles"):
            what += f" ({m['triangles']} triangles)"
        note = status_note(p)
        project_time = fmt_time(p) + (f" ({note})" if note else "")
        mpl_note = status_note(m)
        mpl_time = fmt_time(m) + (f" ({mpl_note})" if mpl_note else "")
        lines.append(f"| {name} | {what} | {project_time} | {mpl_time} | {ratio_s} | "
                     f"{', '.join(target) or '—'} | {', '.join(met) or '—'} | "
                     f"{fmt_mib(p)} / {fmt_mib(m)} | {fmt_size(p)} / {fmt_size(m)} |")
    mc = [name for name in VOLUMES if name in results]
    if mc:
        sizes = {"W6": "128³", "W6-256": "256³"}
        lines += ["", f"{' and '.join(mc)} time{'s' if len(mc) == 1 else ''} marching cubes alone "
                  "on both sides: `gr3::isosurface::marching_cubes` (Rust, rayon over z-slabs) "
                  "against `skimage.measure.marching_cubes` on the same "
                  f"{' and '.join(sizes[n] for n in mc)} "
                  f"volume{'s' if len(mc) > 1 else ''} (one bumpy-sphere field"
                  f"{', sampled at both sizes' if len(mc) > 1 else ''}) and level. "
                  "`bench/marching_cubes.py` also compares the MRI-like head phantom at 128³ "
                  "and 256³."]
    lines += ["", "Peak RSS is each side's whole process (VmHWM): the project's includes the "
              "input data, the display list and the page raster; matplotlib's includes the "
              "Python interpreter with numpy and matplotlib imported."]
    curve = info.get("curve") or []
    if curve:
        lines += ["", "## W1 cost curve", "",
                  "W1 (line with axes to PNG) at growing line lengths, the first N points of the "
                  "same random walk on both sides; median of "
                  f"{min(args.runs, CURVE_MAX_RUNS)} runs after {args.warmup} warm-up. "
                  "The project reduces a dense line per pixel column before stroking, so its "
                  "cost per point falls as the line grows; matplotlib's path simplification "
                  "does similar work in its Agg backend.", "",
                  "| points | project s | matplotlib s | ratio | ns/point project / mpl | "
                  "peak RSS MiB project / mpl |",
                  "|---|---|---|---|---|---|"]
        for n, p, m in curve:
            ok = p and p.get("status") == "ok" and m and m.get("status") == "ok"
            ratio = f"{m['median_s'] / p['median_s']:.1f}×" if ok and p["median_s"] > 0 else "n/a"
            per = (f"{p['median_s'] / n * 1e9:.1f} / {m['median_s'] / n * 1e9:.1f}"
                   if ok else "n/a")
            lines.append(f"| {n:,} | {fmt_time(p)} | {fmt_time(m)} | {ratio} | {per} | "
                         f"{fmt_mib(p)} / {fmt_mib(m)} |")
    lines += ["", "## Machine and versions", ""]
    mach = info["machine"]
    lines.append(f"- CPU: {mach['cpu']}, {mach['cores']} cores; memory {mach['memory']}; {mach['os']}")
    env = ", ".join(f"{k}={v}" for k, v in mach["env"].items()) or "none set"
    lines.append(f"- OpenBLAS environment (left as found): {env}")
    start, end = info["load"]
    if start is not None and end is not None:
        lines.append(f"- 1-minute load average at start / end: {start:.2f} / {end:.2f} "
                     "(other work on the machine shows up as noise in both columns)")
    for k, v in info["versions"].items():
        lines.append(f"- {k}: {v}")
    lines += ["", "## How each side draws", "",
              "- Project: `grbench --run NAME` (crates/grbench/src/workloads.rs): `polyline` "
              "(a solid line of 100k+ points is reduced per quarter pixel column on all cores "
              "while it is recorded, then drawn by the direct thin-line rasterizer), "
              "`polymarker` (solid circles: sprites per sub-pixel phase, stacked front to back "
              "per band of rows on all cores), `cellarray` + `colorbar`, `contourf` (no lines; "
              "nested regions filled by the direct polygon filler) + `colorbar`, `surface` "
              "option 4 with `setspace(zmin, zmax, 30, 30)` + `grid3d`/`axes3d` (the 39,601 "
              "cells are one `Gks::mesh` item, drawn nearest first into a coverage buffer by "
              "bands of rows on all cores), `axes` on every 2D plot, W7 `clearws` + draw + "
              "`save` per frame (render only: `render_into` a reused RGBA buffer). The machine "
              "has 2 cores; the project uses both where a workload is large enough, matplotlib "
              "one.",
              "- matplotlib: `Figure(figsize=(8, 6), dpi=100)` with the Agg canvas (no pyplot), "
              "default rcParams otherwise; W1/W8 `plot` (line 0.864 pt = 1.2 px), W2 `plot(..., 'o')` "
              "(markers 7.2 px, white edge), W3 `imshow(origin='lower', aspect='auto', "
              "interpolation='nearest')` + `colorbar`, W4 `contourf` with 21 evenly spaced "
              "edges + `colorbar`, W5 `plot_surface(cmap='viridis', rcount=200, ccount=200)`, "
              "in the default view (elevation 30°, azimuth −60°), W6/W6-256 "
              "`skimage.measure.marching_cubes`, W7 one figure per run, `set_ydata` + "
              "`set_text` + `savefig` per frame.",
              "- Peak RSS includes the interpreter and its imported modules on the matplotlib side.",
              "", "## Raw records", "", "```"]
    for name in results:
        for side in ("project", "matplotlib"):
            rec = dict(results[name][side] or {})
            rec["side"] = side
            lines.append(json.dumps(rec))
    for n, p, m in curve:
        for side, rec in (("project", p), ("matplotlib", m)):
            rec = dict(rec or {})
            rec.update(side=side, curve_points=n)
            lines.append(json.dumps(rec))
    lines += ["```", ""]
    Path(path).write_text("\n".join(lines))


def run_curve(grbench, tmp, args):
    """W1 at each of CURVE_POINTS line lengths on both sides: [(points, project, mpl)]."""
    runs = str(min(args.runs, CURVE_MAX_RUNS))
    warmup = str(args.warmup)
    curve = []
    for n in CURVE_POINTS:
        data = tmp / f"curve-data-{n}"
        try:
            subprocess.run([str(grbench), "--write-data", str(data), "--points", str(n)],
                           check=True)
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit(f"compare.py: {grbench} --write-data --points {n} failed ({e})")
        log(f"W1 curve, {n} points: project ...")
        project = run_json([str(grbench), "--run", "W1", "--points", str(n), "--runs", runs,
                            "--warmup", warmup, "--out", str(tmp / "curve-project")], "W1")
        log(f"W1 curve, {n} points: project {fmt_time(project)}; matplotlib ...")
        mpl = run_json([sys.executable, str(Path(__file__).resolve()), "--worker", "W1",
                        "--data", str(data), "--out", str(tmp / "curve-matplotlib"),
                        "--runs", runs, "--warmup", warmup], "W1")
        log(f"W1 curve, {n} points: matplotlib {fmt_time(mpl)}")
        curve.append((n, project, mpl))
        import shutil

        shutil.rmtree(data, ignore_errors=True)
    return curve


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("workloads", nargs="*", metavar="WORKLOAD",
                    help=f"workloads to run (default: all of {' '.join(NAMES)})")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per workload (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="warm-up runs (default 1)")
    ap.add_argument("--output", default=str(DEFAULT_OUTPUT), help="report file (bench/results.md)")
    ap.add_argument("--grbench", help="grbench executable (default: build it with cargo)")
    ap.add_argument("--keep", action="store_true", help="keep the data and output directory")
    ap.add_argument("--no-curve", action="store_true",
                    help="skip W1's cost curve (10^4 .. 10^7 points)")
    # internal: one matplotlib workload in this process
    ap.add_argument("--worker", choices=NAMES, help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.runs < 1 or args.warmup < 0:
        ap.error("--runs must be >= 1 and --warmup >= 0")
    if args.worker:
        if not (args.data and args.out):
            ap.error("--worker needs --data and --out")
        worker(args)
        return
    unknown = [w for w in args.workloads if w not in NAMES]
    if unknown:
        ap.error(f"unknown workload(s) {', '.join(unknown)}; choose from {' '.join(NAMES)}")
    selected = args.workloads or NAMES

    ensure_python_deps()
    grbench = Path(args.grbench) if args.grbench else build_grbench()
    load_start = load_average()
    tmp = Path(tempfile.mkdtemp(prefix="grbench-compare-"))
    try:
        data = tmp / "data"
        try:
            subprocess.run([str(grbench), "--write-data", str(data)], check=True)
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit(f"compare.py: {grbench} --write-data failed ({e})")
        results = {}
        for name in selected:
            log(f"{name}: project ...")
            project = run_json([str(grbench), "--run", name, "--runs", str(args.runs),
                                "--warmup", str(args.warmup), "--out", str(tmp / "project" / name)],
                               name)
            log(f"{name}: project {fmt_time(project)} {status_note(project)}")
            log(f"{name}: matplotlib ...")
            mpl = run_json([sys.executable, str(Path(__file__).resolve()), "--worker", name,
                            "--data", str(data), "--out", str(tmp / "matplotlib" / name),
                            "--runs", str(args.runs), "--warmup", str(args.warmup)], name)
            log(f"{name}: matplotlib {fmt_time(mpl)} {status_note(mpl)}")
            results[name] = {"project": project, "matplotlib": mpl}
        curve = []
        if "W1" in selected and not args.no_curve:
            curve = run_curve(grbench, tmp, args)
        info = {"machine": machine(), "versions": versions(grbench),
                "load": (load_start, load_average()), "curve": curve}
        write_report(args.output, results, info, args)
        log(f"wrote {args.output}")
    finally:
        if args.keep:
            log(f"data and outputs kept in {tmp}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
