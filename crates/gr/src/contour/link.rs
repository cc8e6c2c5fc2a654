//! Joining directed pieces into polylines and rings, and ring clean-up.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::march::{Pt, Seg};

/// A cheap hasher for the integer point keys (a splitmix64 finaliser).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b) ^ self.0.rotate_left(8));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let mut v = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
        v = (v ^ (v >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        v = (v ^ (v >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        self.0 = v ^ (v >> 31);
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

const NONE: u32 = u32::MAX;

/// The first piece starting at each key: a hash map, or a dense table indexed by key
/// (reused across calls, all entries [`NONE`] between uses).
enum Heads<'t> {
    Hash(KeyMap<u32>),
    Dense(&'t mut [u32]),
}

/// For each start key, the pieces starting there (as a linked list).
struct Outgoing<'t> {
    head: Heads<'t>,
    next: Vec<u32>,
}

impl<'t> Outgoing<'t> {
    fn new(segs: &[Seg]) -> Self {
        let mut head: KeyMap<u32> = KeyMap::default();
        head.reserve(segs.len());
        let mut next = vec![NONE; segs.len()];
        for (s, seg) in segs.iter().enumerate().rev() {
            let h = head.entry(seg.a).or_insert(NONE);
            next[s] = *h;
            *h = s as u32;
        }
        Outgoing {
            head: Heads::Hash(head),
            next,
        }
    }

    /// Like [`Outgoing::new`] with the dense `table` (all [`NONE`], longer than every
    /// key); [`Outgoing::clear`] restores it.
    fn dense(segs: &[Seg], table: &'t mut [u32]) -> Self {
        let mut next = vec![NONE; segs.len()];
        for (s, seg) in segs.iter().enumerate().rev() {
            let h = &mut table[seg.a as usize];
            next[s] = *h;
            *h = s as u32;
        }
        Outgoing {
            head: Heads::Dense(table),
            next,
        }
    }

    /// Resets the entries of a dense table that `segs` used.
    fn clear(self, segs: &[Seg]) {
        if let Heads::Dense(table) = self.head {
            for seg in segs {
                table[seg.a as usize] = NONE;
            }
        }
    }

    /// Takes an unused piece starting at `key`, if any.
    #[inline]
    fn take(&mut self, key: u64, used: &[bool]) -> Option<usize> {
        let h = match &mut self.head {
            Heads::Hash(map) => map.get_mut(&key)?,
            Heads::Dense(table) => table.get_mut(key as usize)?,
        };
        while *h != NONE {
            let s = *h as usize;
            *h = self.next[s];
            if !used[s] {
                return Some(s);
            }
        }
        None
    }
}

/// Follows unused pieces from `first` until none continues (or, if
/// `stop_at` is given, until that key is reached); returns the points.
fn follow(
    segs: &[Seg],
    first: usize,
    out: &mut Outgoing,
    used: &mut [bool],
    stop_at: Option<u64>,
) -> Vec<Pt> {
    let mut pts = vec![segs[first].pa];
    let mut cur = first;
    loop {
        used[cur] = true;
        let seg = &segs[cur];
        pts.push(seg.pb);
        if stop_at == Some(seg.b) {
            break;
        }
        match out.take(seg.b, used) {
            Some(s) => cur = s,
            None => break,
        }
    }
    pts
}

/// Joins the pieces of one contour level into polylines.
///
/// Every key has at most one incoming and one outgoing piece, so lines are
/// unambiguous: open lines start at keys without an incoming piece; the
/// rest are closed loops, returned with the first point repeated at the end.
pub(crate) fn link_lines(segs: &[Seg]) -> Vec<Vec<Pt>> {
    let mut out = Outgoing::new(segs);
    let mut has_incoming: KeyMap<()> = KeyMap::default();
    has_incoming.reserve(segs.len());
    for seg in segs {
        has_incoming.insert(seg.b, ());
    }
    let mut used = vec![false; segs.len()];
    let mut lines = Vec::new();
    for s in 0..segs.len() {
        if !used[s] && !has_incoming.contains_key(&segs[s].a) {
            lines.push(follow(segs, s, &mut out, &mut used, None));
        }
    }
    for s in 0..segs.len() {
        if !used[s] {
            lines.push(follow(segs, s, &mut out, &mut used, Some(segs[s].a)));
        }
    }
    lines
        .into_iter()
        .filter_map(|mut line| {
            line.dedup();
            (line.len() >= 2).then_some(line)
        })
        .collect()
}

/// Joins band-boundary pieces (band on the left) into closed rings.
///
/// Every key has as many incoming as outgoing pieces, so walks always
/// return to their start. Where several pieces leave the same key (two
/// parts of a band touching at a single point) the choice does not affect
/// the even-odd fill. Rings are returned without repeating the first point,
/// cleaned of duplicate and axis-collinear vertices; outer rings run
/// counter-clockwise and holes clockwise.
pub(crate) fn link_rings(segs: &[Seg]) -> Vec<Vec<Pt>> {
    rings_with(segs, &mut Outgoing::new(segs))
}

/// [`link_rings`] for pieces whose keys are all below `table.len()`, with a dense key
/// table (all [`u32::MAX`], left so on return) instead of a hash map.
pub(crate) fn link_rings_dense(segs: &[Seg], table: &mut [u32]) -> Vec<Vec<Pt>> {
    if segs.iter().any(|s| s.a as usize >= table.len()) {
        return link_rings(segs);
    }
    let mut out = Outgoing::dense(segs, table);
    let rings = rings_with(segs, &mut out);
    out.clear(segs);
    rings
}

fn rings_with(segs: &[Seg], out: &mut Outgoing) -> Vec<Vec<Pt>> {
    let mut used = vec![false; segs.len()];
    let mut rings = Vec::new();
    for s in 0..segs.len() {
        if used[s] {
            continue;
        }
        let mut ring = follow(segs, s, out, &mut used, Some(segs[s].a));
        ring.pop();
        let ring = simplify_ring(ring);
        if ring.len() >= 3 {
            rings.push(ring);
        }
    }
    rings
}

/// Whether `b` is redundant between `a` and `c`: equal to a neighbour, or
/// on the same horizontal or vertical line as both (exact comparisons; such
/// vertices arise where band boundaries follow grid lines).
#[inline]
fn redundant(a: Pt, b: Pt, c: Pt) -> bool {
    b == a || b == c || (a.0 == b.0 && b.0 == c.0) || (a.1 == b.1 && b.1 == c.1)
}

/// Removes duplicate vertices and vertices in the middle of axis-parallel
/// runs from a closed ring (without repeated first point).
fn simplify_ring(ring: Vec<Pt>) -> Vec<Pt> {
    let mut st: Vec<Pt> = Vec::with_capacity(ring.len());
    for p in ring {
        while st.len() >= 2 && redundant(st[st.len() - 2], st[st.len() - 1], p) {
            st.pop();
        }
        if st.last() != Some(&p) {
            st.push(p);
        }
    }
    // Clean up across the wrap-around point.
    let mut start = 0;
    loop {
        let n = st.len() - start;
        if n < 3 {
            return Vec::new();
        }
        let last = st.len() - 1;
        if redundant(st[last - 1], st[last], st[start]) {
            st.pop();
        } else if redundant(st[last], st[start], st[start + 1]) {
            start += 1;
        } else {
            break;
        }
    }
    st.drain(..start);
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contour_simplify_ring_removes_collinear_and_duplicates() {
        let ring = vec![
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0),
            (2.0, 1.0),
            (2.0, 2.0),
            (0.0, 2.0),
            (0.0, 1.0),
        ];
        assert_eq!(
            simplify_ring(ring),
            vec![(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
        );
        assert!(simplify_ring(vec![(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)]).is_empty());
        assert!(simplify_ring(vec![(1.0, 1.0); 4]).is_empty());
    }
}
