//! Movie output: GIF and APNG decoded back, MP4/WebM/MOV checked with ffprobe, and the
//! error cases (frame size change, bad paths, unfinished movies) leave no files behind.

use std::path::Path;
use std::process::Command;

use gks::driver::movie::MovieWriter;
use gks::Gks;

const W: usize = 80;
const H: usize = 60;
const FRAMES: usize = 5;
const BLUE: [u8; 3] = [0, 0, 255];
const WHITE: [u8; 3] = [255, 255, 255];

/// Left edge (NDC) of the square in frame `i`.
fn square_x(i: usize) -> f64 {
    0.05 + 0.17 * i as f64
}

/// Pixel centre of the square in frame `i` (page 80×60 px shows NDC 0..1 × 0..0.75).
fn square_center_px(i: usize) -> (usize, usize) {
    let x = (square_x(i) + 0.05) * W as f64;
    let y = (0.75 - 0.375) / 0.75 * H as f64;
    (x as usize, y as usize)
}

/// Draws the moving blue square (0.1 NDC wide) of frame `i`.
fn draw_square(g: &mut Gks, i: usize) {
    let x0 = square_x(i);
    let (y0, y1) = (0.325, 0.425);
    g.setfillintstyle(1).unwrap();
    g.setfillcolorind(4).unwrap();
    g.fillarea(&[x0, x0 + 0.1, x0 + 0.1, x0], &[y0, y0, y1, y1])
        .unwrap();
}

/// Writes the square animation through the kernel.
fn kernel_movie(path: &Path, fps: f64) -> Vec<std::path::PathBuf> {
    let mut g = Gks::new();
    g.set_size_px(W as f64, H as f64).unwrap();
    g.set_movie_fps(fps).unwrap();
    g.beginprint(path).unwrap();
    for i in 0..FRAMES {
        draw_square(&mut g, i);
        g.try_clearws().unwrap();
    }
    g.endprint().unwrap()
}

fn pixel(rgba: &[u8], width: usize, (x, y): (usize, usize)) -> [u8; 3] {
    let o = (y * width + x) * 4;
    [rgba[o], rgba[o + 1], rgba[o + 2]]
}

fn assert_close(got: [u8; 3], want: [u8; 3], tol: i32, what: &str) {
    let ok = got
        .iter()
        .zip(want)
        .all(|(&a, b)| (a as i32 - b as i32).abs() <= tol);
    assert!(ok, "{what}: got {got:?}, want {want:?} ± {tol}");
}

/// Checks each decoded frame: the square is blue where it is now and white where it was.
fn check_square_frames(frames: &[Vec<u8>], width: usize) {
    assert_eq!(frames.len(), FRAMES);
    for (i, f) in frames.iter().enumerate() {
        assert_close(
            pixel(f, width, square_center_px(i)),
            BLUE,
            8,
            &format!("frame {i} square"),
        );
        if i > 0 {
            let before = square_center_px(i - 1);
            assert_close(
                pixel(f, width, before),
                WHITE,
                8,
                &format!("frame {i} old place"),
            );
        }
        assert_close(
            pixel(f, width, (2, 2)),
            WHITE,
            8,
            &format!("frame {i} corner"),
        );
    }
}

fn no_temp_files(dir: &Path) {
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn gif_frames_decode_with_delay_loop_and_colours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("square.gif");
    assert_eq!(kernel_movie(&path, 25.0), vec![path.clone()]);
    no_temp_files(dir.path());

    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut dec = opts.read_info(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!((dec.width() as usize, dec.height() as usize), (W, H));
    assert_eq!(dec.repeat(), gif::Repeat::Infinite);
    // Frames may cover only the changed rectangle: composite them like a viewer.
    let mut canvas = vec![0u8; W * H * 4];
    let mut frames = Vec::new();
    while let Some(f) = dec.read_next_frame().unwrap() {
        assert_eq!(f.delay, 4, "25 fps is 4 centiseconds a frame");
        for y in 0..f.height as usize {
            for x in 0..f.width as usize {
                let src = &f.buffer[(y * f.width as usize + x) * 4..][..4];
                if src[3] == 0 {
                    continue;
                }
                let o = ((y + f.top as usize) * W + x + f.left as usize) * 4;
                canvas[o..o + 4].copy_from_slice(src);
            }
        }
        frames.push(canvas.clone());
    }
    check_square_frames(&frames, W);
}

#[test]
fn gif_delays_follow_the_frame_rate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slow.gif");
    kernel_movie(&path, 10.0);
    let mut dec = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    let mut delays = Vec::new();
    while let Some(f) = dec.read_next_frame().unwrap() {
        delays.push(f.delay);
    }
    assert_eq!(delays, vec![10; FRAMES]);
}

#[test]
fn gif_with_many_colours_is_quantised_closely() {
    // A smooth two-dimensional gradient (like a heatmap) has 12288 colours: the palette must
    // stay close.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gradient.gif");
    let (w, h) = (128u32, 96u32);
    let mut m = MovieWriter::create(&path, w, h, 25.0).unwrap();
    let mut frame = vec![255u8; (w * h * 4) as usize];
    for y in 0..h {
        for x in 0..w {
            let o = ((y * w + x) * 4) as usize;
            frame[o] = (x * 2) as u8;
            frame[o + 1] = (y * 255 / h) as u8;
            frame[o + 2] = 200;
        }
    }
    m.push_frame(&frame).unwrap();
    m.finish().unwrap();
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut dec = opts.read_info(std::fs::File::open(&path).unwrap()).unwrap();
    let f = dec.read_next_frame().unwrap().unwrap();
    let mean_err: f64 = f
        .buffer
        .chunks_exact(4)
        .zip(frame.chunks_exact(4))
        .map(|(a, b)| {
            (0..3)
                .map(|c| (a[c] as f64 - b[c] as f64).abs())
                .sum::<f64>()
                / 3.0
        })
        .sum::<f64>()
        / (w * h) as f64;
    assert!(mean_err < 3.5, "mean error {mean_err}");
}

#[test]
fn apng_frames_decode_with_delay_and_colours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("square.apng");
    assert_eq!(kernel_movie(&path, 25.0), vec![path.clone()]);
    no_temp_files(dir.path());

    let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let mut reader = dec.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width as usize, info.height as usize), (W, H));
    let actl = info.animation_control.expect("an APNG has acTL");
    assert_eq!(actl.num_frames as usize, FRAMES);
    assert_eq!(actl.num_plays, 0, "loops forever");
    // Frames after the first may cover only the changed rectangle: composite them.
    let mut frames: Vec<Vec<u8>> = Vec::new();
    let mut canvas = vec![0u8; W * H * 4];
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    for _ in 0..FRAMES {
        reader.next_frame(&mut buf).unwrap();
        let fc = *reader.info().frame_control().expect("fcTL");
        assert_eq!(fc.delay_num as f64 / fc.delay_den as f64, 1.0 / 25.0);
        let (fw, fh) = (fc.width as usize, fc.height as usize);
        for y in 0..fh {
            for x in 0..fw {
                let src = &buf[(y * fw + x) * 4..][..4];
                if fc.blend_op == png::BlendOp::Over && src[3] == 0 {
                    continue; // opaque frames: "over" with a cleared pixel keeps the old one
                }
                let dst = ((y + fc.y_offset as usize) * W + x + fc.x_offset as usize) * 4;
                canvas[dst..dst + 4].copy_from_slice(src);
            }
        }
        frames.push(canvas.clone());
    }
    assert_eq!(
        (reader.info().width as usize, reader.info().height as usize),
        (W, H)
    );
    check_square_frames(&frames, W);
}

#[test]
fn apng_keeps_transparency() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clear.apng");
    let mut g = Gks::new();
    g.set_size_px(W as f64, H as f64).unwrap();
    g.set_background(None);
    g.beginprint(&path).unwrap();
    draw_square(&mut g, 0);
    g.clearws();
    draw_square(&mut g, 1);
    g.endprint().unwrap();
    let mut reader =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()))
            .read_info()
            .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut buf).unwrap();
    assert_eq!(buf[3], 0, "background stays transparent");
    let (x, y) = square_center_px(0);
    assert_eq!(&buf[(y * W + x) * 4..][..4], &[0, 0, 255, 255]);
    // The second frame uncovers transparent pixels: it must replace ("source"), not blend.
    let mut canvas = buf.clone();
    reader.next_frame(&mut buf).unwrap();
    let fc = *reader.info().frame_control().unwrap();
    assert_eq!(fc.blend_op, png::BlendOp::Source);
    let fw = fc.width as usize;
    for row in 0..fc.height as usize {
        let dst = ((row + fc.y_offset as usize) * W + fc.x_offset as usize) * 4;
        canvas[dst..dst + fw * 4].copy_from_slice(&buf[row * fw * 4..(row + 1) * fw * 4]);
    }
    assert_eq!(
        canvas[(y * W + x) * 4 + 3],
        0,
        "old place is transparent again"
    );
    let (x, y) = square_center_px(1);
    assert_eq!(&canvas[(y * W + x) * 4..][..4], &[0, 0, 255, 255]);
}

/// Frame count, width, height and codec of a video, or `None` (with the reason printed)
/// when ffmpeg/ffprobe are missing.
fn probe(path: &Path) -> (usize, u32, u32, String) {
    let out = Command::new("ffprobe")
        .args(["-v", "error", "-count_frames", "-select_streams", "v:0"])
        .args([
            "-show_entries",
            "stream=codec_name,width,height,nb_read_frames",
        ])
        .args(["-of", "default=noprint_wrappers=1"])
        .arg(path)
        .output()
        .expect("ffprobe runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |k: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .unwrap_or_else(|| panic!("no {k} in {text}"))
            .to_string()
    };
    (
        field("nb_read_frames").parse().unwrap(),
        field("width").parse().unwrap(),
        field("height").parse().unwrap(),
        field("codec_name"),
    )
}

fn have(program: &str) -> bool {
    let ok = Command::new(program)
        .arg("-version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("skipping: {program} is not installed (Debian: apt install ffmpeg)");
    }
    ok
}

/// Extracts frame `n` of a video as RGBA with ffmpeg.
fn video_frame(path: &Path, n: usize, w: usize, h: usize) -> Vec<u8> {
    let out = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(path)
        .args(["-vf", &format!("select=eq(n\\,{n})"), "-vframes", "1"])
        .args(["-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout.len(), w * h * 4);
    out.stdout
}

#[test]
fn videos_have_frames_size_and_codec() {
    if !(have("ffmpeg") && have("ffprobe")) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, codec) in [("sq.mp4", "h264"), ("sq.webm", "vp9"), ("sq.mov", "h264")] {
        let path = dir.path().join(name);
        assert_eq!(kernel_movie(&path, 25.0), vec![path.clone()]);
        assert_eq!(
            probe(&path),
            (FRAMES, W as u32, H as u32, codec.to_string()),
            "{name}"
        );
        let frames: Vec<_> = (0..FRAMES).map(|i| video_frame(&path, i, W, H)).collect();
        // Lossy video: wider tolerance, still far from white vs blue.
        for (i, f) in frames.iter().enumerate() {
            let p = pixel(f, W, square_center_px(i));
            assert!(
                p[2] > 200 && p[0] < 60 && p[1] < 60,
                "{name} frame {i}: {p:?}"
            );
            if i > 0 {
                let q = pixel(f, W, square_center_px(i - 1));
                assert!(
                    q.iter().all(|&c| c > 200),
                    "{name} frame {i} old place: {q:?}"
                );
            }
        }
    }
    no_temp_files(dir.path());
}

#[test]
fn odd_sizes_are_padded_for_video() {
    if !(have("ffmpeg") && have("ffprobe")) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.mp4");
    let mut m = MovieWriter::create(&path, 81, 61, 30.0).unwrap();
    for _ in 0..3 {
        m.push_frame(&vec![255u8; 81 * 61 * 4]).unwrap();
    }
    m.finish().unwrap();
    assert_eq!(probe(&path), (3, 82, 62, "h264".to_string()));
}

#[test]
fn frame_size_change_is_an_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resize.gif");
    let mut g = Gks::new();
    g.set_size_px(W as f64, H as f64).unwrap();
    g.beginprint(&path).unwrap();
    draw_square(&mut g, 0);
    g.try_clearws().unwrap();
    g.set_size_px(100.0, 75.0).unwrap();
    draw_square(&mut g, 1);
    let e = g.try_clearws().unwrap_err().to_string();
    assert!(
        e.contains("frame 2 is 100×75 px") && e.contains("80×60"),
        "{e}"
    );
    draw_square(&mut g, 2);
    g.clearws();
    let e = g.endprint().unwrap_err().to_string();
    assert!(e.contains("frame 2"), "{e}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn writer_checks_frame_length_and_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.apng");
    let mut m = MovieWriter::create(&path, 10, 10, 25.0).unwrap();
    let e = m.push_frame(&[0u8; 10]).unwrap_err().to_string();
    assert!(
        e.contains("frame 1 holds 10 bytes") && e.contains("400"),
        "{e}"
    );
    assert!(MovieWriter::create(dir.path().join("z.gif"), 0, 10, 25.0).is_err());
    let e = MovieWriter::create(dir.path().join("f.gif"), 10, 10, 0.0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("0 < fps"), "{e}");
    let e = MovieWriter::create(dir.path().join("f.avi"), 10, 10, 25.0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown output format"), "{e}");
    // No frame at all: an error, no file.
    let e = m.finish().unwrap_err().to_string();
    assert!(e.contains("at least one frame"), "{e}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn unwritable_paths_fail_before_any_file() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["gif", "apng", "mp4"] {
        let path = dir.path().join("missing").join(format!("a.{ext}"));
        let e = MovieWriter::create(&path, 10, 10, 25.0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("does not exist"), "{e}");
        let mut g = Gks::new();
        let e = g.beginprint(&path).unwrap_err().to_string();
        assert!(e.contains("does not exist"), "{e}");
    }
    // A directory in place of the file.
    let e = MovieWriter::create(dir.path().join("d.gif"), 10, 10, 25.0).map(|_| ());
    assert!(e.is_ok());
    std::fs::create_dir(dir.path().join("sub.gif")).unwrap();
    let e = MovieWriter::create(dir.path().join("sub.gif"), 10, 10, 25.0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("is a directory"), "{e}");
    assert_eq!(files_in(dir.path()), vec!["sub.gif".to_string()]);
}

#[test]
fn dropping_an_unfinished_movie_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["u.gif", "u.apng", "u.mp4"] {
        if name.ends_with("mp4") && !have("ffmpeg") {
            continue;
        }
        let mut m = MovieWriter::create(dir.path().join(name), 16, 16, 25.0).unwrap();
        m.push_frame(&[255u8; 16 * 16 * 4]).unwrap();
        drop(m);
        // Through the kernel: beginprint, a frame, then a new beginprint discards it.
        let mut g = Gks::new();
        g.set_size_px(16.0, 12.0).unwrap();
        g.beginprint(dir.path().join(name)).unwrap();
        draw_square(&mut g, 0);
        g.clearws();
        g.beginprint(dir.path().join("other.pdf")).unwrap();
    }
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn save_writes_a_one_frame_movie() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.gif");
    let mut g = Gks::new();
    g.set_size_px(W as f64, H as f64).unwrap();
    draw_square(&mut g, 2);
    assert_eq!(g.save(&path).unwrap(), vec![path.clone()]);
    let mut dec = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    assert!(dec.read_next_frame().unwrap().is_some());
    assert!(dec.read_next_frame().unwrap().is_none());
}

#[test]
fn endprint_without_frames_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = Gks::new();
    g.beginprint(dir.path().join("empty.apng")).unwrap();
    g.clearws();
    let e = g.endprint().unwrap_err().to_string();
    assert!(e.contains("no frame"), "{e}");
    assert!(files_in(dir.path()).is_empty());
}
