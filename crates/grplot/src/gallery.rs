//! The gallery: renders every scene of the project in every vector and raster format and
//! writes an HTML index.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use gks::Gks;

/// Formats every gallery page is written in.
const FORMATS: &[&str] = &["png", "svg", "pdf"];

/// One gallery page: a name, a title and how to draw it.
struct Page {
    name: &'static str,
    title: &'static str,
    layer: &'static str,
    draw: Box<dyn Fn() -> Result<Gks, String>>,
}

/// Every page of the gallery: the kernel's scenes, then the plotting layer's.
fn pages() -> Vec<Page> {
    let mut v: Vec<Page> = gks::scenes::ALL
        .iter()
        .map(|s| Page {
            name: s.name,
            title: s.title,
            layer: "gks",
            draw: Box::new(move || {
                let mut g = Gks::new();
                (s.draw)(&mut g).map_err(|e| format!("scene {}: {e}", s.name))?;
                Ok(g)
            }),
        })
        .collect();
    v.extend(gr::scenes::ALL.iter().map(|s| Page {
        name: s.name,
        title: s.title,
        layer: "gr",
        draw: Box::new(move || {
            let mut g = gr::Gr::new();
            (s.draw)(&mut g).map_err(|e| format!("scene {}: {e}", s.name))?;
            Ok(std::mem::take(g.gks_mut()))
        }),
    }));
    for (kind, fig) in grm::examples() {
        let name: &'static str = Box::leak(format!("grm-{kind}").into_boxed_str());
        let title: &'static str = Box::leak(
            format!("Figure API (grm), kind {kind}: one call, automatic ranges and margins; JSON spec: {name}.json")
                .into_boxed_str(),
        );
        v.push(Page {
            name,
            title,
            layer: "grm",
            draw: Box::new(move || {
                let mut gr = fig.render_gr().map_err(|e| format!("{name}: {e}"))?;
                Ok(std::mem::take(gr.gks_mut()))
            }),
        });
    }
    v.push(Page {
        name: "isosurface",
        title:
            "GR3: marching cubes on a 128³ MRI-like head phantom, skin translucent over the brain",
        layer: "gr3",
        draw: Box::new(crate::gr3_pages::isosurface_page),
    });
    v.push(Page {
        name: "molecule",
        title: "GR3 molecules: caffeine read from an XYZ file, ball-and-stick and space-filling",
        layer: "gr3",
        draw: Box::new(crate::gr3_pages::molecule_page),
    });
    v.push(Page {
        name: "volume",
        title: "Volume rendering (cpubasedvolume): maximum intensity and emission through GR's 3D view",
        layer: "gr",
        draw: Box::new(crate::gr3_pages::volume_page),
    });
    v.push(Page {
        name: "gr3-surface",
        title: "GR3 inside GR: a lit, z-buffered peaks surface under GR's 3D axes",
        layer: "gr3",
        draw: Box::new(crate::gr3_pages::gr3_surface_page),
    });
    v.push(Page {
        name: "pendulum",
        title: "Damped pendulum (frame 60 of the movie): the equation in math text, θ(t), phase portrait",
        layer: "demo",
        draw: Box::new(|| {
            let tr = gr::pendulum::simulate();
            let mut g = gr::Gr::new();
            gr::pendulum::draw_frame(&mut g, &tr, 60).map_err(|e| format!("pendulum: {e}"))?;
            Ok(std::mem::take(g.gks_mut()))
        }),
    });
    v.push(Page {
        name: "particles",
        title: "Hard-disk gas (frame 150 of the movie): 400 disks, speed histogram vs Maxwell–Boltzmann",
        layer: "demo",
        draw: Box::new(|| {
            let mut p = crate::demos::Particles::new(400, 0.008);
            for _ in 0..150 * 4 {
                p.step(0.0015);
            }
            let mut g = gr::Gr::new();
            p.draw(&mut g, 150).map_err(|e| format!("particles: {e}"))?;
            Ok(std::mem::take(g.gks_mut()))
        }),
    });
    v.push(Page {
        name: "spectrum",
        title:
            "Live spectrum of a speech recording (frame 80 of the movie; ALSA's Front_Center.wav)",
        layer: "demo",
        draw: Box::new(|| {
            let (samples, rate) = crate::demos::read_wav(Path::new(crate::demos::SPEECH_WAV))
                .map_err(|e| format!("{e} (Debian: apt install alsa-utils)"))?;
            let s = crate::demos::Spectrum::new(samples, rate, 2048, 120);
            let mut g = gr::Gr::new();
            s.draw(&mut g, 80).map_err(|e| format!("spectrum: {e}"))?;
            Ok(std::mem::take(g.gks_mut()))
        }),
    });
    v
}

/// A two-page document showing that PDF and PS hold several pages and PNG numbers them.
fn multipage(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for ext in ["pdf", "ps", "png"] {
        let mut g = Gks::new();
        let path = dir.join(format!("multipage.{ext}"));
        g.beginprint(&path).map_err(|e| e.to_string())?;
        for page in 1..=2 {
            g.setcharheight(0.05).map_err(|e| e.to_string())?;
            g.settextalign(2, 3).map_err(|e| e.to_string())?;
            g.text(0.5, 0.375, &format!("page {page} of 2"))
                .map_err(|e| e.to_string())?;
            if page == 1 {
                g.clearws();
            }
        }
        for p in g.endprint().map_err(|e| e.to_string())? {
            files.push(
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    Ok(files)
}

/// Draws frame `i` of a movie.
type FrameFn = Box<dyn FnMut(&mut gr::Gr, usize) -> Result<(), String>>;

/// One gallery movie: how many frames and how to draw frame `i` (after the setup).
struct Movie {
    name: &'static str,
    title: &'static str,
    frames: usize,
    draw: FrameFn,
}

/// The demos rendered as movies.
fn movies() -> Result<Vec<Movie>, String> {
    let mut particles = crate::demos::Particles::new(400, 0.008);
    let (samples, rate) = crate::demos::read_wav(Path::new(crate::demos::SPEECH_WAV))
        .map_err(|e| format!("{e} (Debian: apt install alsa-utils)"))?;
    let spectrum = crate::demos::Spectrum::new(samples, rate, 2048, 120);
    let pendulum = gr::pendulum::simulate();
    Ok(vec![
        Movie {
            name: "pendulum-movie",
            title: "GR's damped pendulum with its equation, θ(t) and the phase portrait drawn live (200 frames)",
            frames: gr::pendulum::FRAMES,
            draw: Box::new(move |g, i| {
                gr::pendulum::draw_frame(g, &pendulum, i).map_err(|e| e.to_string())
            }),
        },
        Movie {
            name: "particles-movie",
            title: "Hard-disk gas expanding into a box (200 frames, 4 collision steps per frame)",
            frames: 200,
            draw: Box::new(move |g, i| {
                if i > 0 {
                    for _ in 0..4 {
                        particles.step(0.0015);
                    }
                }
                particles.draw(g, i).map_err(|e| e.to_string())
            }),
        },
        Movie {
            name: "spectrum-movie",
            title: "Live spectrum of a 1.4 s speech recording (120 frames)",
            frames: 120,
            draw: Box::new(move |g, i| spectrum.draw(g, i).map_err(|e| e.to_string())),
        },
    ])
}

/// Renders every movie as MP4 (ffmpeg) and GIF; returns HTML rows.
fn render_movies(dir: &Path) -> Result<String, String> {
    let mut html = String::from("<h2>Movies</h2>\n<table>\n");
    for ext in ["mp4", "gif"] {
        for mut m in movies()? {
            let path = dir.join(format!("{}.{ext}", m.name));
            let t = Instant::now();
            let mut g = gr::Gr::new();
            g.gks_mut().set_movie_fps(25.0).map_err(|e| e.to_string())?;
            g.beginprint(&path).map_err(|e| e.to_string())?;
            for i in 0..m.frames {
                (m.draw)(&mut g, i).map_err(|e| format!("{} frame {i}: {e}", m.name))?;
                g.clearws();
            }
            g.endprint().map_err(|e| e.to_string())?;
            let secs = t.elapsed().as_secs_f64();
            let fps = m.frames as f64 / secs;
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            println!(
                "{:<20} {ext}: {} frames in {:.2} s ({fps:.0} frames/s), {:.0} kB",
                m.name,
                m.frames,
                secs,
                size as f64 / 1e3
            );
            let media = if ext == "mp4" {
                format!(
                    "<video src=\"{}.mp4\" controls loop muted width=\"480\"></video>",
                    m.name
                )
            } else {
                format!("<img src=\"{}.gif\" alt=\"{} gif\">", m.name, m.name)
            };
            let _ = writeln!(
                html,
                "<tr><td><b>{}.{ext}</b><br>{}<br><small>{} frames, {fps:.0} frames/s rendered and encoded, {:.0} kB</small></td><td>{media}</td></tr>",
                m.name,
                m.title,
                m.frames,
                size as f64 / 1e3
            );
        }
    }
    html.push_str("</table>\n");
    Ok(html)
}

/// Renders the gallery into `dir`.
pub fn render(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let start = Instant::now();
    let mut html = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>GR for Rust gallery</title>\n\
         <style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:0 1em 1em 0}\
         img{width:480px;border:1px solid #ccc}td{vertical-align:top;padding:4px}</style></head><body>\n\
         <h1>GR for Rust gallery</h1>\n<p>Every page rendered as PNG (tiny-skia), SVG and PDF (fonts embedded, text selectable) from one display list.</p>\n<table>\n\
         <tr><th>page</th><th>PNG</th><th>SVG</th><th>PDF</th></tr>\n",
    );
    let pages = pages();
    let mut timings = String::from("page,layer,draw_ms,png_ms,svg_ms,pdf_ms\n");
    let progress = grplot::progress::Progress::new(pages.len() as u64, "pages");
    for scene in &pages {
        let t = Instant::now();
        let g = (scene.draw)()?;
        let draw_ms = t.elapsed().as_secs_f64() * 1e3;
        let mut format_ms = Vec::new();
        for ext in FORMATS {
            let t = Instant::now();
            g.save(dir.join(format!("{}.{ext}", scene.name)))
                .map_err(|e| e.to_string())?;
            format_ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let _ = writeln!(
            timings,
            "{},{},{draw_ms:.2},{:.2},{:.2},{:.2}",
            scene.name, scene.layer, format_ms[0], format_ms[1], format_ms[2]
        );
        progress.println(&format!(
            "{:<20} draw {:>7.1} ms  png {:>7.1} ms  svg {:>7.1} ms  pdf {:>7.1} ms",
            scene.name, draw_ms, format_ms[0], format_ms[1], format_ms[2]
        ));
        progress.step(scene.name);
        let size = |ext: &str| {
            std::fs::metadata(dir.join(format!("{}.{ext}", scene.name)))
                .map(|m| format!("{:.1} kB", m.len() as f64 / 1e3))
                .unwrap_or_default()
        };
        let _ = writeln!(
            html,
            "<tr><td><b>{0}</b> <small>({6})</small><br>{1}<br><small>draw {2:.1} ms</small></td>\
             <td><img src=\"{0}.png\" alt=\"{0} png\"><br><small>{3}, {7:.1} ms</small></td>\
             <td><img src=\"{0}.svg\" alt=\"{0} svg\"><br><small>{4}, {8:.1} ms</small></td>\
             <td><a href=\"{0}.pdf\">{0}.pdf</a><br><small>{5}, {9:.1} ms</small></td></tr>",
            scene.name,
            scene.title,
            draw_ms,
            size("png"),
            size("svg"),
            size("pdf"),
            scene.layer,
            format_ms[0],
            format_ms[1],
            format_ms[2],
        );
    }
    progress.finish();
    gks::driver::write_atomic(&dir.join("timings.csv"), timings.as_bytes())
        .map_err(|e| e.to_string())?;
    html.push_str("</table>\n");
    for (kind, fig) in grm::examples() {
        let json = serde_json::to_string_pretty(&fig.to_json()).map_err(|e| e.to_string())?;
        gks::driver::write_atomic(&dir.join(format!("grm-{kind}.json")), json.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    html.push_str(&render_movies(dir)?);
    let exported = crate::gr3_pages::exports(dir)?;
    let _ = writeln!(
        html,
        "<h2>GR3 exports of the head scene</h2>\n<p>{}</p><p><img src=\"head-gr3.png\" width=\"360\"> {}</p>",
        exported
            .iter()
            .map(|f| format!("<a href=\"{f}\">{f}</a>"))
            .collect::<Vec<_>>()
            .join(" · "),
        if exported.iter().any(|f| f == "head-povray.png") {
            "<img src=\"head-povray.png\" width=\"360\"> (left: our renderer, right: POV-Ray on head.pov)"
        } else {
            ""
        }
    );
    html.push_str("<table>\n");
    let multi = multipage(dir)?;
    let links: Vec<String> = multi
        .iter()
        .map(|f| format!("<a href=\"{f}\">{f}</a>"))
        .collect();
    let _ = writeln!(
        html,
        "</table>\n<h2>Multi-page output</h2>\n<p>{}</p>",
        links.join(" · ")
    );
    let _ = writeln!(
        html,
        "<p>Rendered in {:.2} s.</p>\n</body></html>",
        start.elapsed().as_secs_f64()
    );
    gks::driver::write_atomic(&dir.join("index.html"), html.as_bytes())
        .map_err(|e| e.to_string())?;
    println!(
        "gallery: {} pages in {:.2} s -> {}",
        pages.len(),
        start.elapsed().as_secs_f64(),
        dir.join("index.html").display()
    );
    Ok(())
}
