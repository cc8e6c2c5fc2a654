//! GR's damped pendulum demo as a reusable animation: the pendulum
//! `θ'' + (γ/m) θ' + (g/l) sin θ = 0` integrated with RK4, and a frame drawer that shows the
//! pendulum (rod, pivot, bob, velocity arrow), the angle θ(t) and the phase portrait (θ, ω)
//! as 500-point lines, the equation and the current values. Used by the `pendulum` example,
//! the gallery movie and the W7 benchmark.
//!
//! ```
//! let tr = gr::pendulum::simulate();
//! let mut gr = gr::Gr::new();
//! gr::pendulum::draw_frame(&mut gr, &tr, 42)?;
//! # Ok::<(), gr::Error>(())
//! ```

use crate::error::Result;
use crate::Gr;

/// Frames of the animation.
pub const FRAMES: usize = 200;
/// Points of the θ(t) and phase lines.
/// Points of the θ(t) and phase lines.
pub const LINE_POINTS: usize = 500;
/// Simulated time in seconds and RK4 steps per line point.
/// Simulated time in seconds.
pub const T_END: f64 = 20.0;
const SUBSTEPS: usize = 4;

/// Pendulum parameters: damping γ/m (1/s), g (m/s²), length l (m), start angle (degrees).
const GAMMA: f64 = 0.35;
const G: f64 = 9.81;
const LENGTH: f64 = 1.0;
const THETA0_DEG: f64 = 70.0;

/// GR colour indices.
const BLACK: i32 = 1;
const RED: i32 = 2;
const BLUE: i32 = 4;

/// The simulated trajectory at the line points.
#[derive(Debug, Clone)]
pub struct Trajectory {
    /// Times.
    pub t: Vec<f64>,
    /// Angles in radians.
    pub theta: Vec<f64>,
    /// Angular velocities in 1/s.
    pub omega: Vec<f64>,
}

fn deriv(state: [f64; 2]) -> [f64; 2] {
    let [theta, omega] = state;
    [omega, -GAMMA * omega - G / LENGTH * theta.sin()]
}

fn rk4(state: [f64; 2], h: f64) -> [f64; 2] {
    let add = |s: [f64; 2], k: [f64; 2], f: f64| [s[0] + f * k[0], s[1] + f * k[1]];
    let k1 = deriv(state);
    let k2 = deriv(add(state, k1, h / 2.0));
    let k3 = deriv(add(state, k2, h / 2.0));
    let k4 = deriv(add(state, k3, h));
    [
        state[0] + h / 6.0 * (k1[0] + 2.0 * k2[0] + 2.0 * k3[0] + k4[0]),
        state[1] + h / 6.0 * (k1[1] + 2.0 * k2[1] + 2.0 * k3[1] + k4[1]),
    ]
}

/// Integrates the pendulum from 70° at rest over [`T_END`] seconds.
pub fn simulate() -> Trajectory {
    let dt = T_END / (LINE_POINTS - 1) as f64;
    let mut state = [THETA0_DEG.to_radians(), 0.0];
    let mut tr = Trajectory {
        t: Vec::with_capacity(LINE_POINTS),
        theta: Vec::with_capacity(LINE_POINTS),
        omega: Vec::with_capacity(LINE_POINTS),
    };
    for i in 0..LINE_POINTS {
        tr.t.push(i as f64 * dt);
        tr.theta.push(state[0]);
        tr.omega.push(state[1]);
        for _ in 0..SUBSTEPS {
            state = rk4(state, dt / SUBSTEPS as f64);
        }
    }
    tr
}

/// The line point shown in frame `k`.
fn frame_index(k: usize) -> usize {
    (k * (LINE_POINTS - 1) / (FRAMES - 1)).min(LINE_POINTS - 1)
}

/// Draws frame `k` (0..[`FRAMES`]) on a cleared page.
pub fn draw_frame(gr: &mut Gr, tr: &Trajectory, k: usize) -> Result<()> {
    let i = frame_index(k);
    let (theta, omega) = (tr.theta[i], tr.omega[i]);
    let theta_max = THETA0_DEG.to_radians() * 1.1;
    let grey = gr.inqcolorfromrgb(0.7, 0.7, 0.7)?;

    // Title and equation.
    gr.settextfontprec(232, 3)?;
    gr.settextcolorind(BLACK)?;
    gr.settextalign(1, 3)?;
    gr.setcharheight(0.026)?;
    gr.text(0.04, 0.715, "Damped pendulum")?;
    gr.setcharheight(0.024)?;
    gr.settextalign(2, 3)?;
    gr.mathtex(
        0.5,
        0.665,
        "\\ddot\\theta + \\frac{\\gamma}{m}\\dot\\theta + \\frac{g}{l}\\sin\\theta = 0",
    )?;

    // The pendulum, in NDC (square pixels: the page is 1 × 0.75).
    let (px, py, len) = (0.25, 0.56, 0.3);
    let (bx, by) = (px + len * theta.sin(), py - len * theta.cos());
    let g = gr.gks_mut();
    g.selntran(0)?;
    g.setfillintstyle(1)?;
    g.setfillcolorind(BLACK)?;
    g.fillarea(
        &[px - 0.06, px + 0.06, px + 0.06, px - 0.06],
        &[py, py, py + 0.012, py + 0.012],
    )?;
    // Vertical rest position, dashed.
    g.setlinecolorind(grey)?;
    g.setlinetype(2)?;
    g.polyline(&[px, px], &[py, py - len - 0.05])?;
    g.setlinetype(1)?;
    g.setlinecolorind(BLACK)?;
    g.setlinewidth(2.0)?;
    g.polyline(&[px, bx], &[py, by])?;
    let r = 0.03;
    g.setfillcolorind(RED)?;
    g.fillarc(bx - r, bx + r, by - r, by + r, 0.0, 360.0)?;
    g.setlinewidth(1.0)?;
    g.drawarc(bx - r, bx + r, by - r, by + r, 0.0, 360.0)?;
    g.selntran(1)?;
    // Velocity arrow, tangent to the swing.
    gr.setviewport(0.0, 1.0, 0.0, 0.75)?;
    gr.setwindow(0.0, 1.0, 0.0, 0.75)?;
    let v = 0.04 * omega;
    if v.abs() > 1e-3 {
        gr.setlinecolorind(BLUE)?;
        gr.setlinewidth(2.0)?;
        gr.drawarrow(bx, by, bx + v * theta.cos(), by + v * theta.sin())?;
        gr.setlinewidth(1.0)?;
    }

    // Values.
    gr.settextalign(1, 3)?;
    gr.setcharheight(0.02)?;
    gr.settextcolorind(BLACK)?;
    gr.text(0.05, 0.12, &format!("$t$ = {:6.2} s", tr.t[i]))?;
    gr.text(
        0.05,
        0.08,
        &format!("$\\theta$ = {:7.2}°", theta.to_degrees()),
    )?;
    gr.settextcolorind(BLUE)?;
    gr.text(0.05, 0.04, &format!("$\\omega$ = {omega:6.2} 1/s"))?;
    gr.settextcolorind(BLACK)?;

    // θ(t) and the phase portrait: whole curve in grey, the past in blue, now in red.
    let plots = [
        (
            [0.63, 0.96, 0.39, 0.6],
            [0.0, T_END, -theta_max, theta_max],
            &tr.t,
            &tr.theta,
            "$t$",
            "$\\theta$",
        ),
        (
            [0.63, 0.96, 0.07, 0.3],
            [-theta_max, theta_max, -4.5, 4.5],
            &tr.theta,
            &tr.omega,
            "$\\theta$",
            "$\\omega$",
        ),
    ];
    for (vp, win, xs, ys, xlabel, ylabel) in plots {
        gr.setviewport(vp[0], vp[1], vp[2], vp[3])?;
        gr.setwindow(win[0], win[1], win[2], win[3])?;
        gr.setlinecolorind(BLACK)?;
        gr.setcharheight(0.016)?;
        let (xtick, xmajor) = if win[1] - win[0] > 5.0 {
            (1.0, 5)
        } else {
            (0.25, 2)
        };
        let (ytick, ymajor) = if win[3] - win[2] > 5.0 {
            (1.0, 2)
        } else {
            (0.5, 2)
        };
        gr.grid(xtick * xmajor as f64, ytick * ymajor as f64, 0.0, 0.0, 1, 1)?;
        gr.axes(xtick, ytick, win[0], win[2], xmajor, ymajor, 0.0075)?;
        gr.setlinewidth(1.0)?;
        gr.setlinecolorind(grey)?;
        gr.polyline(xs, ys)?;
        gr.setlinecolorind(BLUE)?;
        gr.setlinewidth(2.0)?;
        if i > 0 {
            gr.polyline(&xs[..=i], &ys[..=i])?;
        }
        gr.setlinewidth(1.0)?;
        gr.setmarkertype(-1)?;
        gr.setmarkersize(1.6)?;
        gr.setmarkercolorind(RED)?;
        gr.polymarker(&[xs[i]], &[ys[i]])?;
        gr.setcharheight(0.018)?;
        gr.settextalign(2, 1)?;
        gr.text((vp[0] + vp[1]) / 2.0, vp[2] - 0.035, xlabel)?;
        gr.settextalign(3, 3)?;
        gr.text(vp[0] - 0.04, (vp[2] + vp[3]) / 2.0, ylabel)?;
    }
    Ok(())
}
