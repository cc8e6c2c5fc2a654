//! Without ffmpeg (GKS_FFMPEG names a missing program), video output fails at once with a
//! message that says how to install it, and no file is made. Its own test binary, since it
//! sets an environment variable for the whole process.

use gks::driver::movie::MovieWriter;
use gks::Gks;

#[test]
fn missing_ffmpeg_is_a_clear_error_and_makes_no_file() {
    std::env::set_var("GKS_FFMPEG", "/nonexistent/ffmpeg");
    let dir = tempfile::tempdir().unwrap();
    for ext in ["mp4", "webm", "mov"] {
        let path = dir.path().join(format!("a.{ext}"));
        let e = MovieWriter::create(&path, 64, 48, 25.0)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("ffmpeg not found")
                && e.contains("apt install ffmpeg")
                && e.contains("GKS_FFMPEG"),
            "{e}"
        );
        let mut g = Gks::new();
        let e = g.beginprint(&path).unwrap_err().to_string();
        assert!(e.contains("ffmpeg not found"), "{e}");
    }
    // GIF and APNG need no ffmpeg.
    let mut g = Gks::new();
    g.beginprint(dir.path().join("ok.gif")).unwrap();
    g.polyline(&[0.1, 0.9], &[0.1, 0.6]).unwrap();
    g.endprint().unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["ok.gif".to_string()]);

    // An ffmpeg that fails: the error says so, and no movie (or temporary file) is left.
    if std::path::Path::new("/bin/false").is_file() {
        std::env::set_var("GKS_FFMPEG", "/bin/false");
        let path = dir.path().join("bad.mp4");
        let mut m = MovieWriter::create(&path, 64, 48, 25.0).unwrap();
        let frame = vec![255u8; 64 * 48 * 4];
        let mut result = Ok(());
        for _ in 0..50 {
            result = m.push_frame(&frame);
            if result.is_err() {
                break;
            }
        }
        let e = match result {
            Err(e) => {
                drop(m);
                e.to_string()
            }
            Ok(()) => m.finish().unwrap_err().to_string(),
        };
        eprintln!("{e}");
        assert!(
            e.contains("ffmpeg failed") || e.contains("writing to ffmpeg"),
            "{e}"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["ok.gif".to_string()]);
    } else {
        eprintln!("skipping the failing-ffmpeg check: /bin/false is missing");
    }
}
