//! Contour lines and filled contour bands on rectilinear grids (being written).
