//! Layout: every text of a figure lies inside the page and no two texts overlap, measured
//! from the drawn display list with the kernel's text metrics (what `inqtext` reports).

mod common;

use common::{linspace, overlap, text_boxes};
use grm::{Figure, Kind, Location, Series};

fn check_layout(name: &str, fig: &Figure) {
    let gr = fig.render_gr().unwrap_or_else(|e| panic!("{name}: {e}"));
    let (w, h) = (fig.width, fig.height);
    let (pw, ph) = if w >= h { (1.0, h / w) } else { (w / h, 1.0) };
    let boxes = text_boxes(&gr);
    assert!(!boxes.is_empty(), "{name}: no text drawn");
    for (t, b) in &boxes {
        assert!(
            b[0] >= 0.0 && b[1] <= pw && b[2] >= 0.0 && b[3] <= ph,
            "{name}: text {t:?} at {b:?} leaves the page {pw}×{ph}"
        );
    }
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            assert!(
                !overlap(&boxes[i].1, &boxes[j].1, 1e-4),
                "{name}: texts {:?} {:?} and {:?} {:?} overlap",
                boxes[i].0,
                boxes[i].1,
                boxes[j].0,
                boxes[j].1
            );
        }
    }
}

#[test]
fn examples_have_no_clipped_or_overlapping_text() {
    for (name, fig) in grm::examples() {
        check_layout(name, &fig);
    }
}

#[test]
fn long_tick_labels_and_labels_fit() {
    let x = linspace(1e6, 9.87654e6, 50);
    let y: Vec<f64> = x.iter().map(|v| -v * 123.456).collect();
    let mut fig = Figure::new();
    let p = fig.plot();
    p.title = Some("A rather long title with math $\\int_0^1 f(x)\\,dx$".into());
    p.x_label = Some("distance from the origin in metres".into());
    p.y_label = Some("a very negative quantity".into());
    p.add(Series::xy(x, y).label("data"));
    check_layout("long labels", &fig);
}

#[test]
fn subplots_grid_and_small_pages_fit() {
    for (w, h) in [(600.0, 450.0), (300.0, 400.0), (400.0, 200.0)] {
        let mut fig = Figure::new().with_size_px(w, h).unwrap();
        for i in 1..=4 {
            let p = fig.subplot(2, 2, i);
            p.kind = if i % 2 == 0 {
                Kind::Scatter
            } else {
                Kind::Line
            };
            p.title = Some(format!("plot {i}"));
            p.x_label = Some("x".into());
            p.y_label = Some("y".into());
            let x = linspace(0.0, 100.0 * i as f64, 30);
            let y: Vec<f64> = x.iter().map(|v| (v / 10.0).sin() * 1000.0).collect();
            p.add(Series::xy(x, y).label("s"));
            p.location = Location::Best;
        }
        check_layout(&format!("2×2 at {w}×{h}"), &fig);
    }
}

#[test]
fn log_axes_twin_axis_and_colorbar_fit() {
    let x = linspace(0.0, 4.0, 40)
        .iter()
        .map(|e| 10f64.powf(*e))
        .collect::<Vec<_>>();
    let y: Vec<f64> = x.iter().map(|v| v * v).collect();
    let mut fig = Figure::new();
    let p = fig.plot();
    p.kind = Kind::Scatter;
    p.x_log = true;
    p.y_log = true;
    p.x_label = Some("frequency".into());
    p.y_label = Some("power".into());
    p.z_label = Some("phase".into());
    p.title = Some("log–log".into());
    let c = linspace(-3.0, 3.0, 40);
    p.add(Series::xy(x, y).c(c));
    check_layout("log", &fig);

    let mut fig = Figure::new();
    let p = fig.plot();
    let t = linspace(0.0, 24.0, 49);
    p.add(
        Series::xy(
            t.clone(),
            t.iter().map(|h| 15.0 + 8.0 * (h / 4.0).sin()).collect(),
        )
        .label("temperature"),
    );
    p.add_twin(
        Series::xy(
            t.clone(),
            t.iter().map(|h| 1000.0 + 20.0 * (h / 6.0).cos()).collect(),
        )
        .spec("r--")
        .label("pressure"),
    );
    p.y_label = Some("temperature in °C".into());
    p.twin_y_label = Some("pressure in hPa".into());
    p.x_label = Some("hour".into());
    check_layout("twin", &fig);

    // A second x axis on top (twiny) with its label, under the title.
    let mut fig = Figure::new();
    let p = fig.plot();
    let f = linspace(1.0, 10.0, 30);
    p.add(Series::xy(f.clone(), f.iter().map(|v| v.sqrt()).collect()).label("vs frequency"));
    p.add_twin_x(
        Series::xy(
            f.iter().map(|v| 300.0 / v).collect(),
            f.iter().map(|v| v.sqrt()).collect(),
        )
        .spec("r--"),
    );
    p.title = Some("Two x axes".into());
    p.x_label = Some("frequency in GHz".into());
    p.twin_x_label = Some("wavelength in mm".into());
    p.y_label = Some("amplitude".into());
    check_layout("twin x", &fig);
    let g = fig.geometry().unwrap()[0];
    let gr = fig.render_gr().unwrap();
    let boxes = text_boxes(&gr);
    let find = |t: &str| boxes.iter().find(|b| b.0 == t).unwrap().1;
    assert!(
        find("wavelength in mm")[2] > g.viewport[3],
        "twin x label above the plot"
    );
    assert!(
        find("Two x axes")[2] >= find("wavelength in mm")[3],
        "title above the twin x label"
    );
}

#[test]
fn tick_labels_do_not_crowd_on_narrow_axes() {
    // A narrow plot with long numbers: the layout must thin the ticks.
    let mut fig = Figure::new().with_size_px(220.0, 300.0).unwrap();
    let x = linspace(123456.0, 987654.0, 20);
    let y = linspace(0.0, 1.0, 20);
    fig.plot().add(Series::xy(x, y));
    check_layout("narrow", &fig);
}

#[test]
fn best_legend_location_avoids_the_data() {
    // Data crowd the top of the plot: "best" must put the legend in the lower half.
    let x = linspace(0.0, 10.0, 200);
    let y: Vec<f64> = x.iter().map(|v| 8.5 + 1.5 * (v * 3.0).sin()).collect();
    let mut fig = Figure::new();
    let p = fig.plot();
    p.y_lim = Some([0.0, 10.0]);
    p.location = Location::Best;
    p.add(Series::xy(x, y).label("the legend entry"));
    let gr = fig.render_gr().unwrap();
    let g = fig.geometry().unwrap()[0].viewport;
    let b = text_boxes(&gr)
        .into_iter()
        .find(|(t, _)| t == "the legend entry")
        .expect("legend text drawn")
        .1;
    assert!(
        b[3] < 0.5 * (g[2] + g[3]),
        "legend at {b:?} is not in the lower half of {g:?}"
    );
    // An explicit location is honoured: upper left.
    fig.plots[0].location = Location::UpperLeft;
    let gr = fig.render_gr().unwrap();
    let b = text_boxes(&gr)
        .into_iter()
        .find(|(t, _)| t == "the legend entry")
        .unwrap()
        .1;
    assert!(
        b[2] > 0.5 * (g[2] + g[3]) && b[1] < 0.5 * (g[0] + g[1]),
        "{b:?}"
    );
}
