//! Figure-API animations: frames decoded back from the GIF.

use grm::{Figure, Series};

#[test]
fn animate_appends_points_and_writes_every_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grow.gif");
    let mut fig = Figure::new().with_size_px(200.0, 150.0).unwrap();
    {
        let p = fig.subplot(1, 1, 1);
        p.x_lim = Some([0.0, 10.0]);
        p.y_lim = Some([-1.0, 1.0]);
        p.add(Series::xy(vec![0.0], vec![0.0]).spec("r-"));
    }
    let written = fig
        .animate(&path, 12, 10.0, |fig, i| {
            let s = &mut fig.subplot(1, 1, 1).series[0];
            let t = i as f64 * 0.8 + 0.8;
            s.x.get_or_insert_with(Vec::new).push(t);
            s.y.get_or_insert_with(Vec::new).push((t).sin());
            Ok(())
        })
        .unwrap();
    assert_eq!(written, path);
    let file = std::fs::File::open(&path).unwrap();
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut dec = opts.read_info(file).unwrap();
    assert_eq!((dec.width(), dec.height()), (200, 150));
    let mut frames = 0;
    let mut red_counts = Vec::new();
    // Frames after the first may cover only the changed rectangle, with transparent pixels
    // where nothing changed: composite them onto a canvas as a viewer does.
    let (w, h) = (200usize, 150usize);
    let mut canvas = vec![0u8; w * h * 4];
    while let Some(f) = dec.read_next_frame().unwrap() {
        frames += 1;
        assert_eq!(f.delay, 10, "10 frames/s = 10 centiseconds per frame");
        let (fl, ft, fw) = (f.left as usize, f.top as usize, f.width as usize);
        for (k, px) in f.buffer.chunks(4).enumerate() {
            if px[3] == 0 {
                continue;
            }
            let (x, y) = (fl + k % fw, ft + k / fw);
            canvas[(y * w + x) * 4..(y * w + x) * 4 + 4].copy_from_slice(px);
        }
        let red = canvas
            .chunks(4)
            .filter(|p| p[0] > 200 && p[0] as i32 - p[1] as i32 > 60)
            .count();
        red_counts.push(red);
    }
    assert_eq!(frames, 12);
    // The red (anti-aliased, thin at this size) line grows: later frames hold more red pixels than earlier ones.
    assert!(red_counts[11] > red_counts[1] * 3, "{red_counts:?}");
}

#[test]
fn animate_errors_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.gif");
    let mut fig = Figure::new();
    fig.subplot(1, 1, 1)
        .add(Series::xy(vec![0.0, 1.0], vec![0.0, 1.0]));
    let e = fig
        .animate(&path, 5, 10.0, |fig, i| {
            if i == 3 {
                fig.subplot(1, 1, 1).series[0].y = Some(vec![0.0]);
            }
            Ok(())
        })
        .unwrap_err();
    assert!(e.to_string().contains("y"), "{e}");
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "no file left"
    );
    let e = fig.animate(&path, 0, 10.0, |_, _| Ok(())).unwrap_err();
    assert!(e.to_string().contains("at least 1"), "{e}");
    let e = fig
        .animate(dir.path().join("x.avi"), 2, 10.0, |_, _| Ok(()))
        .unwrap_err();
    assert!(e.to_string().contains("avi"), "{e}");
}
