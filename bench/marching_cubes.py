#!/usr/bin/env python3
"""Marching cubes: GR for Rust (`gr3::isosurface::marching_cubes`) against scikit-image.

Builds the synthetic head phantom of crates/gr3/examples/common/phantom.rs (nested smooth
ellipsoids, float32, x fastest) with numpy, times `skimage.measure.marching_cubes` on it
(median of 5 runs after one warm-up), runs the release example `mc_timing` on the same
volume size just before it (median of 7 after one warm-up, one JSON line), and prints both
times and the ratio.

    python3 bench/marching_cubes.py              # 128^3 and 256^3
    python3 bench/marching_cubes.py 64 128       # other sizes

Installs numpy and scikit-image with pip if they are missing. Uses $CARGO_TARGET_DIR.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Same table as crates/gr3/examples/common/phantom.rs: centre, radii, amplitude.
ELLIPSOIDS = [
    ((0.0, 0.0, 0.0), (0.69, 0.92, 0.90), 1.0),
    ((0.0, -0.02, 0.0), (0.62, 0.85, 0.83), -0.8),
    ((0.22, 0.0, -0.25), (0.11, 0.31, 0.22), 0.9),
    ((-0.22, 0.0, -0.25), (0.16, 0.41, 0.28), 0.9),
    ((0.0, 0.35, -0.25), (0.21, 0.25, 0.41), 0.7),
    ((0.0, -0.6, 0.0), (0.05, 0.05, 0.05), 1.0),
]
ISO = 0.45


def ensure(*modules):
    missing = []
    for m in modules:
        try:
            __import__(m)
        except ImportError:
            missing.append({"skimage": "scikit-image"}.get(m, m))
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", *missing])


def phantom(n):
    import numpy as np

    c = np.linspace(-1.0, 1.0, n)
    # Array index order (z, y, x): C order makes x the fastest axis, as in Rust.
    z, y, x = np.meshgrid(c, c, c, indexing="ij")
    v = np.zeros((n, n, n))
    for ctr, r, a in ELLIPSOIDS:
        q = ((x - ctr[0]) / r[0]) ** 2 + ((y - ctr[1]) / r[1]) ** 2 + ((z - ctr[2]) / r[2]) ** 2
        v += a / (1.0 + q**4)
    return v.astype(np.float32)


def time_skimage(vol, runs=5):
    from skimage.measure import marching_cubes

    verts, faces, _, _ = marching_cubes(vol, ISO)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        marching_cubes(vol, ISO)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2], len(verts), len(faces)


def build_rust():
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    subprocess.check_call(
        ["cargo", "build", "--quiet", "--release", "-p", "gr3", "--example", "mc_timing"],
        cwd=REPO,
    )
    return target / "release" / "examples" / "mc_timing"


def rust_timing(binary, n):
    out = subprocess.check_output([str(binary), str(n)], text=True)
    return json.loads(out.splitlines()[0])


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [128, 256]
    ensure("numpy", "skimage")
    import skimage

    binary = build_rust()
    print(f"scikit-image {skimage.__version__}, {os.cpu_count()} CPUs")
    print(f"{'size':>6} {'skimage s':>10} {'rust s':>10} {'ratio':>7}  vertices (skimage/rust)")
    for n in sizes:
        # Each size: Rust, then scikit-image right after, so both see the same machine load.
        r = rust_timing(binary, n)
        sk, nv, nf = time_skimage(phantom(n))
        ratio = sk / r["median_s"]
        print(
            f"{n:>5}³ {sk:>10.4f} {r['median_s']:>10.4f} {ratio:>6.2f}x  "
            f"{nv}/{r['vertices']}, triangles {nf}/{r['triangles']}"
        )


if __name__ == "__main__":
    main()
