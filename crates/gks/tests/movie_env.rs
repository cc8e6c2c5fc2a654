//! The frame rate follows the environment variable `GKS_FPS` like GR, and shows in the
//! written file. Its own test binary, since it sets an environment variable.

use gks::Gks;

#[test]
fn gks_fps_sets_the_default_frame_rate() {
    std::env::set_var("GKS_FPS", "not a number");
    assert_eq!(
        Gks::new().movie_fps(),
        25.0,
        "unusable values fall back to 25"
    );
    std::env::set_var("GKS_FPS", "-3");
    assert_eq!(Gks::new().movie_fps(), 25.0);
    std::env::set_var("GKS_FPS", "10");
    let mut g = Gks::new();
    assert_eq!(g.movie_fps(), 10.0);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten.gif");
    g.set_size_px(40.0, 30.0).unwrap();
    g.beginprint(&path).unwrap();
    for i in 0..3 {
        let x = 0.1 + 0.2 * i as f64;
        g.polyline(&[x, x + 0.1], &[0.2, 0.5]).unwrap();
        g.clearws();
    }
    g.endprint().unwrap();
    let mut dec = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    let mut delays = Vec::new();
    while let Some(f) = dec.read_next_frame().unwrap() {
        delays.push(f.delay);
    }
    assert_eq!(delays, vec![10, 10, 10], "10 fps = 10 centiseconds a frame");

    // An explicit rate wins over the variable; bad rates are refused.
    g.set_movie_fps(50.0).unwrap();
    assert_eq!(g.movie_fps(), 50.0);
    let e = g.set_movie_fps(f64::NAN).unwrap_err().to_string();
    assert!(e.contains("0 < fps <= 1000"), "{e}");
}
