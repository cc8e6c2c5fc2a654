//! Volume rendering lives in the plotting layer, as in GR, where `gr_cpubasedvolume` is part
//! of libGR: see [`gr::volume`] and `Gr::cpubasedvolume` (ray casting with the emission,
//! absorption and maximum-intensity models through the current 3D projection and colormap).
//! The algorithm enum is re-exported here so GR3 programs find it next to the isosurfaces.

pub use gr::volume::VolumeAlgorithm;
