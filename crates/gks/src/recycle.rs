//! Recycling of large point buffers from one page to the next.
//!
//! GKS is immediate mode: a program records a picture, renders it, clears it and records
//! the next one, at up to hundreds of frames per second. A large mesh (a 200×200 surface
//! has 160,000 corner points) lives in a few buffers of megabytes: its points in the
//! display list, in device pixels when it is lowered, and the scratch arrays of the code
//! that builds it. Freed, such buffers go back to the operating system, and the next
//! frame pays a page fault for every 4 KiB it touches again (on a typical virtual machine
//! that costs more time than filling the buffers). So the display list and the device
//! meshes hand their point buffers back here when they are dropped, and
//! [`points_buffer`] gives them out again, on the same thread.
//!
//! At most [`MAX_POOLED`] buffers are kept per thread, only large ones
//! ([`MIN_RECYCLED`] points and more) and none above [`MAX_RECYCLED`] points (a
//! ten-million-point line handed over whole is freed, not kept), so a thread holds on to at
//! most 8 × 64 MiB, in practice the few megabytes of the pages it draws.
//!
//! ```
//! // A scratch buffer for 100,000 points: recycled memory if a mesh was dropped before.
//! let mut points = gks::recycle::points_buffer(100_000);
//! assert!(points.is_empty() && points.capacity() >= 100_000);
//! points.push((0.5, 0.5));
//! gks::recycle::recycle_points(points); // or hand it to `Gks::mesh_points`
//! ```

use std::cell::RefCell;

/// Buffers kept per thread.
pub const MAX_POOLED: usize = 8;
/// Smallest capacity (points) worth keeping: 256 KiB.
pub const MIN_RECYCLED: usize = 1 << 14;
/// Largest capacity (points) kept: 64 MiB.
pub const MAX_RECYCLED: usize = 1 << 22;

thread_local! {
    static POINTS: RefCell<Vec<Vec<(f64, f64)>>> = const { RefCell::new(Vec::new()) };
}

/// An empty vector with room for at least `capacity` points, reusing the smallest
/// recycled buffer that is large enough (a new one if there is none).
pub fn points_buffer(capacity: usize) -> Vec<(f64, f64)> {
    if capacity < MIN_RECYCLED {
        return Vec::with_capacity(capacity);
    }
    let reused = POINTS.with(|pool| {
        let mut pool = pool.borrow_mut();
        let best = pool
            .iter()
            .enumerate()
            .filter(|(_, v)| v.capacity() >= capacity)
            .min_by_key(|(_, v)| v.capacity())
            .map(|(i, _)| i)?;
        Some(pool.swap_remove(best))
    });
    reused.unwrap_or_else(|| Vec::with_capacity(capacity))
}

/// Keeps `points`' memory for a later [`points_buffer`] on this thread (if it is large,
/// but not huge, and the pool has room; a smaller buffer in a full pool is replaced).
pub fn recycle_points(mut points: Vec<(f64, f64)>) {
    if !(MIN_RECYCLED..=MAX_RECYCLED).contains(&points.capacity()) {
        return;
    }
    points.clear();
    // `try_with`: a buffer dropped while the thread shuts down is simply freed.
    let _ = POINTS.try_with(|pool| {
        let Ok(mut pool) = pool.try_borrow_mut() else {
            return;
        };
        if pool.len() < MAX_POOLED {
            pool.push(points);
        } else if let Some(smallest) = pool.iter_mut().min_by_key(|v| v.capacity()) {
            if smallest.capacity() < points.capacity() {
                *smallest = points;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_buffers_come_back_small_ones_do_not() {
        let big = points_buffer(MIN_RECYCLED * 2);
        let address = big.as_ptr();
        recycle_points(big);
        let again = points_buffer(MIN_RECYCLED);
        assert_eq!(again.as_ptr(), address, "the recycled buffer is reused");
        assert!(again.is_empty());
        let small = points_buffer(10);
        assert!(small.capacity() >= 10);
        recycle_points(small);
        // The pool never grows beyond its limit.
        for _ in 0..3 * MAX_POOLED {
            recycle_points(Vec::with_capacity(MIN_RECYCLED));
        }
        assert!(POINTS.with(|p| p.borrow().len()) <= MAX_POOLED);
        // Huge buffers are freed, not kept.
        let huge: Vec<(f64, f64)> = Vec::with_capacity(MAX_RECYCLED + 1);
        let address = huge.as_ptr();
        recycle_points(huge);
        assert!(POINTS.with(|p| p.borrow().iter().all(|v| v.as_ptr() != address)));
    }
}
