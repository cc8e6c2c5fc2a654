//! Random sequences of calls with random arguments (NaN, infinities, huge, negative and
//! ordinary values, empty and mismatched arrays): every call returns `Ok` or `Err`, and the
//! page still renders in every driver. A panic anywhere fails the test.

use gr::Gr;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn f(&mut self) -> f64 {
        match self.below(12) {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => -1e300,
            3 => 0.0,
            4 => -1.0,
            5 => 1e-300,
            _ => (self.next() as f64 / (1u64 << 53) as f64) * 4.0 - 2.0,
        }
    }
    fn i(&mut self) -> i32 {
        match self.below(6) {
            0 => i32::MIN,
            1 => -1,
            2 => 1000 + self.below(300) as i32,
            _ => self.below(50) as i32 - 20,
        }
    }
    fn vec(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.f()).collect()
    }
}

#[test]
fn random_calls_never_panic() {
    let mut r = Lcg(42);
    for round in 0..100 {
        let mut gr = Gr::new();
        for _ in 0..40 {
            let n = r.below(7) as usize;
            let m = if r.below(5) == 0 { n + 1 } else { n };
            let (x, y) = (r.vec(n), r.vec(m));
            let _ = match r.below(24) {
                0 => gr.setwindow(r.f(), r.f(), r.f(), r.f()),
                1 => gr.setviewport(r.f(), r.f(), r.f(), r.f()),
                2 => gr.setscale(r.i()),
                3 => gr.polyline(&x, &y),
                4 => gr.polymarker(&x, &y),
                5 => gr.fillarea(&x, &y),
                6 => gr.axes(r.f(), r.f(), r.f(), r.f(), r.i(), r.i(), r.f()),
                7 => gr.grid(r.f(), r.f(), r.f(), r.f(), r.i(), r.i()),
                8 => gr.text(r.f(), r.f(), "text αβγ ∫"),
                9 => gr.setcolormap(r.i()),
                10 => gr.colorbar(),
                11 => gr.contour(&x, &y, &r.vec(2), &r.vec(n * m), r.i()),
                12 => gr.contourf(&x, &y, &[], &r.vec(n * m), r.i()),
                13 => gr.hexbin(&x, &y, r.below(5) as usize).map(|_| ()),
                14 => gr.shadepoints(&x, &y, r.i(), r.below(40) as usize, r.below(40) as usize),
                15 => gr.quiver(&x, &y, &r.vec(n * m), &r.vec(n * m), r.below(2) == 0),
                16 => gr.drawarrow(r.f(), r.f(), r.f(), r.f()),
                17 => gr.verrorbars(&x, &y, &r.vec(n), &r.vec(n)),
                18 => gr.setspace(r.f(), r.f(), r.f(), r.f()),
                19 => gr.surface(&x, &y, &r.vec(n * m), r.i()),
                20 => gr.cellarray(r.f(), r.f(), r.f(), r.f(), n, m, &vec![r.i(); n * m]),
                21 => gr.tricontour(&x, &y, &r.vec(n), &r.vec(2)),
                22 => gr.setcharheight(r.f()),
                _ => gr.setzrange(r.f(), r.f()),
            };
        }
        let page = gr.gks().page();
        gr.gks().render_rgba().unwrap();
        gks::driver::svg::write_svg(&page);
        gks::driver::pdf::write_pdf(std::slice::from_ref(&page))
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        gks::driver::ps::write_ps(std::slice::from_ref(&page), false)
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
    }
}
