//! Animated demos for the gallery's movies: a live spectrum of a real speech recording and
//! a hard-disk gas expanding into a box. Each demo draws frame `i` into a [`Gr`] with GR's
//! immediate-mode calls; the caller clears the workstation between frames.

use std::path::Path;

use gr::Gr;
use rustfft::{num_complex::Complex, FftPlanner};

/// Where Debian's `alsa-utils` package puts its recorded test sounds.
pub const SPEECH_WAV: &str = "/usr/share/sounds/alsa/Front_Center.wav";

/// Reads a mono or stereo 16-bit (or float) WAV file as mono samples in −1..1.
pub fn read_wav(path: &Path) -> Result<(Vec<f32>, u32), String> {
    let mut reader =
        hound::WavReader::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let spec = reader.spec();
    let channels = spec.channels.max(1) as usize;
    let samples: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Int => {
            let scale = (1u64 << (spec.bits_per_sample.clamp(1, 32) - 1)) as f32;
            reader
                .samples::<i32>()
                .map(|s| s.map(|v| v as f32 / scale))
                .collect::<Result<_, _>>()
        }
        hound::SampleFormat::Float => reader.samples::<f32>().collect::<Result<_, _>>(),
    }
    .map_err(|e| format!("{}: {e}", path.display()))?;
    let mono: Vec<f32> = samples
        .chunks(channels)
        .map(|c| c.iter().sum::<f32>() / c.len() as f32)
        .collect();
    if mono.is_empty() {
        return Err(format!("{}: no samples", path.display()));
    }
    Ok((mono, spec.sample_rate))
}

/// A sliding-window spectrum of a recording: frame `i` shows the waveform around time
/// `t_i` and the Hann-windowed magnitude spectrum in dB.
pub struct Spectrum {
    samples: Vec<f32>,
    rate: u32,
    window: usize,
    frames: usize,
    fft: std::sync::Arc<dyn rustfft::Fft<f32>>,
    hann: Vec<f32>,
}

impl Spectrum {
    /// Prepares `frames` frames over the whole recording with a `window`-sample FFT.
    pub fn new(samples: Vec<f32>, rate: u32, window: usize, frames: usize) -> Self {
        let fft = FftPlanner::new().plan_fft_forward(window);
        let hann = (0..window)
            .map(|i| {
                let s = (std::f32::consts::PI * i as f32 / (window - 1) as f32).sin();
                s * s
            })
            .collect();
        Spectrum {
            samples,
            rate,
            window,
            frames,
            fft,
            hann,
        }
    }

    /// First sample of frame `i`'s window.
    fn start(&self, i: usize) -> usize {
        let span = self.samples.len().saturating_sub(self.window);
        span * i / (self.frames - 1).max(1)
    }

    /// Magnitudes in dB (re full scale) of the window starting at `start`.
    fn spectrum_db(&self, start: usize) -> Vec<f64> {
        let mut buf: Vec<Complex<f32>> = (0..self.window)
            .map(|k| {
                let s = self.samples.get(start + k).copied().unwrap_or(0.0);
                Complex::new(s * self.hann[k], 0.0)
            })
            .collect();
        self.fft.process(&mut buf);
        let norm = 2.0 / self.hann.iter().sum::<f32>();
        buf[..self.window / 2]
            .iter()
            .map(|c| 20.0 * f64::from((c.norm() * norm).max(1e-7)).log10())
            .collect()
    }

    /// Draws frame `i`.
    pub fn draw(&self, gr: &mut Gr, i: usize) -> gr::Result<()> {
        let start = self.start(i);
        let rate = f64::from(self.rate);
        let t0 = start as f64 / rate;
        let ms_per_window = self.window as f64 / rate * 1e3;
        // Waveform.
        gr.setviewport(0.1, 0.95, 0.47, 0.68)?;
        gr.setwindow(0.0, ms_per_window, -0.6, 0.6)?;
        gr.setcharheight(0.016)?;
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.grid(5.0, 0.1, 0.0, -0.6, 2, 2)?;
        gr.axes(5.0, 0.1, 0.0, -0.6, 2, 2, -0.008)?;
        let x: Vec<f64> = (0..self.window).map(|k| k as f64 / rate * 1e3).collect();
        let y: Vec<f64> = (0..self.window)
            .map(|k| f64::from(self.samples.get(start + k).copied().unwrap_or(0.0)))
            .collect();
        gr.setlinecolorind(4)?;
        gr.polyline(&x, &y)?;
        // Spectrum.
        let db = self.spectrum_db(start);
        let fmax = 8000.0_f64.min(rate / 2.0);
        let bins = ((fmax / rate * self.window as f64) as usize).min(db.len());
        gr.setviewport(0.1, 0.95, 0.08, 0.37)?;
        gr.setwindow(0.0, fmax / 1e3, -100.0, 0.0)?;
        gr.setlinecolorind(1)?;
        gr.grid(0.5, 10.0, 0.0, -100.0, 2, 2)?;
        gr.axes(0.5, 10.0, 0.0, -100.0, 2, 2, -0.008)?;
        let f: Vec<f64> = (0..bins)
            .map(|k| k as f64 * rate / self.window as f64 / 1e3)
            .collect();
        let mut xs = vec![0.0];
        let mut ys = vec![-100.0];
        xs.extend(&f);
        ys.extend(db[..bins].iter().map(|v| v.max(-100.0)));
        xs.push(*f.last().unwrap_or(&0.0));
        ys.push(-100.0);
        gr.settransparency(0.35)?;
        gr.setfillintstyle(1)?;
        gr.setfillcolorind(4)?;
        gr.fillarea(&xs, &ys)?;
        gr.settransparency(1.0)?;
        gr.setlinecolorind(4)?;
        gr.polyline(
            &f,
            &db[..bins].iter().map(|v| v.max(-100.0)).collect::<Vec<_>>(),
        )?;
        // Labels.
        gr.setcharheight(0.02)?;
        gr.settextalign(2, 1)?;
        gr.text(
            0.525,
            0.74,
            &format!(
                "Speech recording, t = {t0:.3} s   (window {} samples)",
                self.window
            ),
        )?;
        gr.setcharheight(0.016)?;
        gr.text(0.525, 0.425, "time in window / ms")?;
        gr.text(0.525, 0.03, "frequency / kHz")?;
        gr.settextalign(2, 5)?;
        gr.setcharup(-1.0, 0.0)?;
        gr.text(0.025, 0.575, "amplitude")?;
        gr.text(0.025, 0.225, "$|X(f)|$ / dB")?;
        gr.setcharup(0.0, 1.0)?;
        Ok(())
    }
}

/// A 2D gas of hard disks released from the left third of a box: elastic collisions
/// between disks and with the walls. The speed histogram relaxes towards the 2D
/// Maxwell–Boltzmann distribution, drawn for comparison.
pub struct Particles {
    pos: Vec<[f64; 2]>,
    vel: Vec<[f64; 2]>,
    radius: f64,
    /// Box size (square, 0..size).
    size: f64,
}

impl Particles {
    /// `n` disks of `radius` on a jittered lattice in the left third, with random
    /// directions and equal speeds (fixed seed).
    pub fn new(n: usize, radius: f64) -> Self {
        let size = 1.0;
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng >> 11) as f64 / (1u64 << 53) as f64
        };
        let cols = ((n as f64 / 3.0).sqrt().ceil() as usize).max(1);
        let rows = n.div_ceil(cols);
        let (w, h) = (size / 3.0, size);
        let mut pos = Vec::with_capacity(n);
        let mut vel = Vec::with_capacity(n);
        for k in 0..n {
            let (i, j) = (k % cols, k / cols);
            let jitter = 0.2 * (next() - 0.5);
            pos.push([
                (i as f64 + 0.5 + jitter) * w / cols as f64,
                (j as f64 + 0.5 + jitter) * h / rows as f64,
            ]);
            let a = 2.0 * std::f64::consts::PI * next();
            vel.push([a.cos(), a.sin()]);
        }
        Particles {
            pos,
            vel,
            radius,
            size,
        }
    }

    /// Advances by `dt` with collisions resolved on a uniform grid (O(n) per step).
    pub fn step(&mut self, dt: f64) {
        let n = self.pos.len();
        for (p, v) in self.pos.iter_mut().zip(&self.vel) {
            p[0] += v[0] * dt;
            p[1] += v[1] * dt;
        }
        let r = self.radius;
        for (p, v) in self.pos.iter_mut().zip(self.vel.iter_mut()) {
            for d in 0..2 {
                if p[d] < r {
                    p[d] = 2.0 * r - p[d];
                    v[d] = v[d].abs();
                } else if p[d] > self.size - r {
                    p[d] = 2.0 * (self.size - r) - p[d];
                    v[d] = -v[d].abs();
                }
            }
        }
        let cell = 2.0 * r;
        let m = ((self.size / cell).floor() as usize).max(1);
        let mut grid: Vec<Vec<usize>> = vec![Vec::new(); m * m];
        let idx = |x: f64| ((x / cell) as usize).min(m - 1);
        for (k, p) in self.pos.iter().enumerate() {
            grid[idx(p[1]) * m + idx(p[0])].push(k);
        }
        for a in 0..n {
            let (ci, cj) = (idx(self.pos[a][0]), idx(self.pos[a][1]));
            for dj in 0..3usize {
                for di in 0..3usize {
                    let (i, j) = ((ci + di).wrapping_sub(1), (cj + dj).wrapping_sub(1));
                    if i >= m || j >= m {
                        continue;
                    }
                    for &b in &grid[j * m + i] {
                        if b <= a {
                            continue;
                        }
                        self.collide(a, b);
                    }
                }
            }
        }
    }

    /// Elastic collision of equal-mass disks `a` and `b` if they overlap and approach.
    fn collide(&mut self, a: usize, b: usize) {
        let d = [
            self.pos[b][0] - self.pos[a][0],
            self.pos[b][1] - self.pos[a][1],
        ];
        let dist2 = d[0] * d[0] + d[1] * d[1];
        let min = 2.0 * self.radius;
        if dist2 >= min * min || dist2 == 0.0 {
            return;
        }
        let dv = [
            self.vel[b][0] - self.vel[a][0],
            self.vel[b][1] - self.vel[a][1],
        ];
        let approach = dv[0] * d[0] + dv[1] * d[1];
        if approach >= 0.0 {
            return;
        }
        let k = approach / dist2;
        for (c, dc) in d.iter().enumerate() {
            self.vel[a][c] += k * dc;
            self.vel[b][c] -= k * dc;
        }
        // Separate the overlap symmetrically.
        let dist = dist2.sqrt();
        let push = 0.5 * (min - dist) / dist;
        for (c, dc) in d.iter().enumerate() {
            self.pos[a][c] -= push * dc;
            self.pos[b][c] += push * dc;
        }
    }

    /// Total kinetic energy (mass 1 each): conserved by the collisions.
    #[cfg(test)]
    pub fn energy(&self) -> f64 {
        self.vel
            .iter()
            .map(|v| 0.5 * (v[0] * v[0] + v[1] * v[1]))
            .sum()
    }

    /// Draws the box coloured by speed and the speed histogram against Maxwell–Boltzmann.
    pub fn draw(&self, gr: &mut Gr, frame: usize) -> gr::Result<()> {
        let speeds: Vec<f64> = self.vel.iter().map(|v| v[0].hypot(v[1])).collect();
        let vmax = 3.0;
        // Box.
        gr.setviewport(0.05, 0.5, 0.1, 0.55)?;
        gr.setwindow(0.0, self.size, 0.0, self.size)?;
        gr.setlinecolorind(1)?;
        gr.setlinewidth(1.0)?;
        gr.drawrect(0.0, self.size, 0.0, self.size)?;
        gr.setcolormap(gr::colormap::colormap_by_name("inferno").unwrap_or(0))?;
        gr.setmarkertype(-1)?;
        // Disks at their true radius: a circle marker's radius is 3 × size × (page height
        // / 500) pixels and the box is 0.45 NDC = 0.45 × page width, so on a 4:3 page
        // size = r × 0.45 × (4/3) × 500 / 3 = 100 r.
        gr.setmarkersize(self.radius * 100.0)?;
        const GROUPS: usize = 16;
        let mut groups: Vec<(Vec<f64>, Vec<f64>)> = vec![Default::default(); GROUPS];
        for (p, s) in self.pos.iter().zip(&speeds) {
            let g = ((s / vmax) * GROUPS as f64).clamp(0.0, (GROUPS - 1) as f64) as usize;
            groups[g].0.push(p[0]);
            groups[g].1.push(p[1]);
        }
        for (g, (x, y)) in groups.iter().enumerate() {
            if x.is_empty() {
                continue;
            }
            let ci = 1000 + (40 + g * 200 / (GROUPS - 1)) as i32;
            gr.setmarkercolorind(ci)?;
            gr.polymarker(x, y)?;
        }
        // Speed histogram.
        let bins = 24;
        let width = vmax / bins as f64;
        let mut counts = vec![0usize; bins];
        for s in &speeds {
            let b = ((s / width) as usize).min(bins - 1);
            counts[b] += 1;
        }
        let n = speeds.len() as f64;
        let density: Vec<f64> = counts.iter().map(|&c| c as f64 / n / width).collect();
        gr.setviewport(0.6, 0.97, 0.1, 0.55)?;
        gr.setwindow(0.0, vmax, 0.0, 1.6)?;
        gr.setcharheight(0.016)?;
        gr.setlinecolorind(1)?;
        gr.grid(0.5, 0.2, 0.0, 0.0, 2, 2)?;
        gr.setfillintstyle(1)?;
        gr.setfillcolorind(1000 + 140)?;
        for (b, d) in density.iter().enumerate() {
            if *d > 0.0 {
                gr.fillrect(b as f64 * width, (b + 1) as f64 * width, 0.0, d.min(1.6))?;
            }
        }
        gr.axes(0.5, 0.2, 0.0, 0.0, 2, 2, -0.008)?;
        // 2D Maxwell–Boltzmann with the same mean energy: f(v) = v/σ² exp(−v²/2σ²),
        // σ² = <v²>/2.
        let sigma2 = speeds.iter().map(|s| s * s).sum::<f64>() / n / 2.0;
        let xs: Vec<f64> = (0..=120).map(|k| vmax * k as f64 / 120.0).collect();
        let ys: Vec<f64> = xs
            .iter()
            .map(|v| v / sigma2 * (-v * v / (2.0 * sigma2)).exp())
            .collect();
        gr.setlinecolorind(2)?;
        gr.setlinewidth(2.0)?;
        gr.polyline(&xs, &ys)?;
        gr.setlinewidth(1.0)?;
        gr.setcharheight(0.02)?;
        gr.settextalign(2, 1)?;
        gr.text(
            0.5,
            0.72,
            &format!("Hard-disk gas, {} particles, step {frame}", self.pos.len()),
        )?;
        gr.setcharheight(0.016)?;
        gr.text(0.785, 0.035, "speed $v$")?;
        gr.text(
            0.785,
            0.62,
            "histogram vs. $f(v) = \\frac{v}{\\sigma^2} e^{-v^2/2\\sigma^2}$",
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collisions_conserve_energy_and_keep_particles_in_the_box() {
        let mut p = Particles::new(300, 0.01);
        let e0 = p.energy();
        for _ in 0..300 {
            p.step(0.002);
        }
        assert!(
            (p.energy() - e0).abs() < 1e-9 * e0,
            "{} vs {e0}",
            p.energy()
        );
        for q in &p.pos {
            assert!(q[0] >= 0.0 && q[0] <= 1.0 && q[1] >= 0.0 && q[1] <= 1.0);
        }
        // The gas has spread beyond the left third.
        assert!(p.pos.iter().filter(|q| q[0] > 0.5).count() > 30);
    }

    #[test]
    fn spectrum_of_a_pure_tone_peaks_at_its_frequency() {
        let rate = 8000;
        let tone: Vec<f32> = (0..8000)
            .map(|k| (2.0 * std::f32::consts::PI * 1000.0 * k as f32 / rate as f32).sin() * 0.5)
            .collect();
        let s = Spectrum::new(tone, rate, 512, 10);
        let db = s.spectrum_db(s.start(3));
        let peak = db
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(k, _)| k)
            .unwrap();
        assert_eq!(peak, 64, "1000 Hz of 8000 Hz with 512 bins is bin 64");
        // Amplitude 0.5 → −6 dB with the Hann window's coherent gain corrected.
        assert!((db[peak] + 6.02).abs() < 0.2, "{}", db[peak]);
    }

    #[test]
    fn missing_wav_is_an_error_naming_the_file() {
        let e = read_wav(Path::new("/nonexistent/x.wav")).unwrap_err();
        assert!(e.contains("/nonexistent/x.wav"), "{e}");
    }
}
