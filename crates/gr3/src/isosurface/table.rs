//! The marching-cubes case table, derived at first use from one rule instead of typed in.
//!
//! Corner `i` of a cube sits at `(i & 1, (i >> 1) & 1, (i >> 2) & 1)`; a corner is *high*
//! when its value is greater than the isovalue. For each of the 256 high/low patterns the
//! surface inside the cube is built face by face: on every face the crossing points are joined
//! so that each run of high corners along the face border is cut off by one segment. On an
//! ambiguous face (high and low corners alternate) this separates the two high corners, the
//! same choice on both sides of the face because it depends only on the face's own corners.
//! The segments of the six faces close into loops; each loop becomes a triangle fan. Every
//! crossing edge therefore gets exactly one vertex that both neighbouring cubes share, and
//! every face segment is used by the two cubes with opposite directions: the surface is closed
//! and consistently oriented.

use std::sync::LazyLock;

/// The 12 cube edges as corner pairs (x edges, then y edges, then z edges).
pub(crate) const EDGES: [[u8; 2]; 12] = [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 7],
    [0, 2],
    [1, 3],
    [4, 6],
    [5, 7],
    [0, 4],
    [1, 5],
    [2, 6],
    [3, 7],
];

/// The six faces, corners listed counter-clockwise as seen from outside the cube.
const FACES: [[u8; 4]; 6] = [
    [0, 2, 3, 1], // z = 0
    [4, 5, 7, 6], // z = 1
    [0, 4, 6, 2], // x = 0
    [1, 3, 7, 5], // x = 1
    [0, 1, 5, 4], // y = 0
    [2, 6, 7, 3], // y = 1
];

/// Triangles (as triples of edge numbers) of every case, flattened, with offsets.
pub(crate) struct CaseTable {
    /// Edge triples of all cases, one after another.
    pub tris: Vec<[u8; 3]>,
    /// `tris[start[c]..start[c + 1]]` are the triangles of case `c`.
    pub start: [u16; 257],
}

/// The table, built once.
pub(crate) static TABLE: LazyLock<CaseTable> = LazyLock::new(build);

fn edge_of(a: u8, b: u8) -> u8 {
    EDGES
        .iter()
        .position(|e| (e[0] == a && e[1] == b) || (e[0] == b && e[1] == a))
        .map_or(u8::MAX, |p| p as u8)
}

/// Triangles of one case: loops of face segments, fans with the winding whose right-hand
/// normal points from high to low values.
pub(crate) fn case_triangles(case: u8) -> Vec<[u8; 3]> {
    let high = |c: u8| case & (1 << c) != 0;
    // next[e] = the edge that the segment leaving edge e's crossing point reaches.
    let mut next = [u8::MAX; 12];
    for face in FACES {
        for i in 0..4 {
            let c = face[i];
            if !high(c) {
                continue;
            }
            let after = face[(i + 1) % 4];
            if high(after) {
                continue;
            }
            // `c` ends a run of high corners; walk back to the run's start.
            let mut j = i;
            while high(face[(j + 3) % 4]) {
                j = (j + 3) % 4;
            }
            let exit = edge_of(c, after);
            let entry = edge_of(face[(j + 3) % 4], face[j]);
            next[exit as usize] = entry;
        }
    }
    let mut tris = Vec::new();
    let mut seen = [false; 12];
    for first in 0..12u8 {
        if next[first as usize] == u8::MAX || seen[first as usize] {
            continue;
        }
        let mut lp = Vec::new();
        let mut e = first;
        while !seen[e as usize] {
            seen[e as usize] = true;
            lp.push(e);
            e = next[e as usize];
        }
        // The loop runs so that its right-hand normal points towards the high corners;
        // emit the fan reversed so that the front faces look towards decreasing values.
        for k in 1..lp.len() - 1 {
            tris.push([lp[0], lp[k + 1], lp[k]]);
        }
    }
    tris
}

fn build() -> CaseTable {
    let mut tris = Vec::new();
    let mut start = [0u16; 257];
    for case in 0..=255u8 {
        start[case as usize] = tris.len() as u16;
        tris.extend(case_triangles(case));
    }
    start[256] = tris.len() as u16;
    CaseTable { tris, start }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_crossing_edge_is_used_and_loops_close() {
        for case in 0..=255u8 {
            let high = |c: u8| case & (1 << c) != 0;
            let crossing: Vec<u8> = (0..12u8)
                .filter(|&e| {
                    let [a, b] = EDGES[e as usize];
                    high(a) != high(b)
                })
                .collect();
            let tris = case_triangles(case);
            let mut used: Vec<u8> = tris.iter().flatten().copied().collect();
            used.sort_unstable();
            used.dedup();
            assert_eq!(used, crossing, "case {case}");
            // Within a cube each loop edge (pair of crossing points) of the fans is either
            // interior (used twice, opposite directions) or on the cube boundary (once).
            let mut directed = std::collections::HashMap::new();
            for t in &tris {
                for k in 0..3 {
                    *directed.entry((t[k], t[(k + 1) % 3])).or_insert(0) += 1;
                }
            }
            for (&(a, b), &n) in &directed {
                assert_eq!(n, 1, "case {case}: edge {a}->{b} used {n} times");
            }
        }
        assert!(case_triangles(0).is_empty() && case_triangles(255).is_empty());
        assert_eq!(case_triangles(1).len(), 1);
        assert_eq!(TABLE.start[256] as usize, TABLE.tris.len());
    }
}
