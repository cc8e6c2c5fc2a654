//! Animations with the figure API: a closure changes the figure before each frame (append
//! to a series, move a marker, change the title), and every frame is rendered into a
//! reused buffer and streamed to a movie encoder (GIF, APNG natively; MP4, WebM, MOV
//! through the `ffmpeg` program), as GR's movie workstations do.
//!
//! ```no_run
//! use grm::{Figure, Series};
//! let mut fig = Figure::new();
//! fig.subplot(1, 1, 1).add(Series::xy(vec![0.0], vec![0.0]));
//! fig.animate("growing.gif", 50, 25.0, |fig, i| {
//!     let s = &mut fig.subplot(1, 1, 1).series[0];
//!     let t = i as f64 / 10.0;
//!     s.x.get_or_insert_with(Vec::new).push(t);
//!     s.y.get_or_insert_with(Vec::new).push(t.sin());
//!     Ok(())
//! })?;
//! # Ok::<(), grm::Error>(())
//! ```

use std::path::{Path, PathBuf};

use gks::driver::movie::MovieWriter;

use crate::error::{invalid, Result};
use crate::figure::Figure;

impl Figure {
    /// Renders `frames` frames into the movie `path` (gif, apng, mp4, webm, mov) at `fps`
    /// frames per second. Before frame `i`, `update(self, i)` may change the figure. The
    /// movie is written atomically: on any error no file is left. Returns the movie's path.
    pub fn animate(
        &mut self,
        path: impl AsRef<Path>,
        frames: usize,
        fps: f64,
        mut update: impl FnMut(&mut Figure, usize) -> Result<()>,
    ) -> Result<PathBuf> {
        if frames == 0 {
            return Err(invalid("animate", "frames must be at least 1"));
        }
        let (w, h) = (self.width.round() as u32, self.height.round() as u32);
        let mut writer = MovieWriter::create(path, w, h, fps)?;
        for i in 0..frames {
            update(self, i)?;
            let gr = self.render_gr()?;
            writer.push_frame_with(|buf| gr.gks().render_into(buf))?;
        }
        Ok(writer.finish()?)
    }
}
