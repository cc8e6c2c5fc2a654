//! GR's fill patterns and hatches (`pattern` table of `lib/gks/util.c`).
//!
//! GR keeps 120 one-bit tiles. A tile is 8 pixels wide and 4 or 8 rows high (GR would also
//! accept 32 rows for user-defined tiles); [`PATTERNS`] holds the rows of each tile top to
//! bottom exactly as GR stores them. Tile `i` is used as follows:
//!
//! * interior style PATTERN with style index `s` uses tile `s` (0..=107),
//! * interior style HATCH with style index `s` (1..=11) uses tile `108 + s` (109..=119).
//!
//! The drivers map any resulting index of 120 or more to tile 1 (see [`pattern_index`]).
//!
//! ## Bit semantics in GR's raw rows
//!
//! In a raw GR row, bit `i` (value `1 << i`) is the pixel in tile column `i`: the least
//! significant bit is the **leftmost** pixel. A bit that is **0 is painted with the fill
//! colour**, a bit that is 1 is not painted. In the cairo driver (`cairoplugin.c`) the 0-bits
//! become opaque alpha in an A8 mask that is filled with the fill colour and the 1-bits stay
//! fully transparent; the Qt driver paints the 1-bits white instead of leaving them
//! transparent, but agrees that 0-bits take the fill colour. Tile 0 (all rows 0) is
//! therefore a solid fill, and the PATTERN tiles 48..=107 run from sparse to dense.
//!
//! The Qt driver puts bit `i` of row `j` at tile pixel (`i`, `j`); cairo and wx shift the
//! tile by one pixel (`x = (i + 7) % 8`, `y = (j + rows − 1) % rows`), which only changes
//! the phase of the repetition. The cairo driver anchors the tiling at the device origin
//! and scales one tile pixel to `min(width, height) / 500` device pixels, i.e. one nominal
//! pixel.
//!
//! ## Ready-to-paint rows
//!
//! [`pattern_rows`] returns the same tiles converted to the convention of
//! `crate::device::Pattern`: bit 7 (`0x80`) is the leftmost pixel and a **set bit is
//! painted** with the fill colour (clear bits are transparent). The conversion inverts and
//! bit-reverses every byte and keeps GR's phase (Qt layout). Use [`gr_pattern_rows`] to get
//! GR's raw rows.

/// Number of tiles in GR's pattern table.
pub const PATTERN_COUNT: usize = 120;

/// Offset added to a hatch style index to get its tile (hatch `s` uses tile `108 + s`).
pub const HATCH_OFFSET: usize = 108;

/// Width of every tile in pixels.
pub const PATTERN_WIDTH: usize = 8;

/// GR's tiles as stored in `util.c`: rows top to bottom, bit `1 << i` = column `i`
/// (least significant bit leftmost), **0 = painted with the fill colour**, 1 = not painted.
#[rustfmt::skip]
pub const PATTERNS: [&[u8]; PATTERN_COUNT] = [
    &[0, 0, 0, 0], // 0
    &[255, 255, 187, 255], // 1
    &[238, 255, 187, 255], // 2
    &[187, 238, 187, 255], // 3
    &[119, 221, 119, 221], // 4
    &[119, 170, 119, 221], // 5
    &[85, 170, 85, 187], // 6
    &[85, 170, 85, 170], // 7
    &[136, 85, 136, 34], // 8
    &[136, 34, 136, 34], // 9
    &[0, 68, 0, 17], // 10
    &[0, 34, 0, 0], // 11
    &[0, 0, 0, 0, 0, 0, 0, 0], // 12
    &[128, 0, 8, 0, 128, 0, 8, 0], // 13
    &[34, 136, 34, 136, 34, 136, 34, 136], // 14
    &[85, 170, 85, 170, 85, 170, 85, 170], // 15
    &[170, 0, 170, 0, 170, 0, 170, 0], // 16
    &[85, 85, 85, 85, 85, 85, 85, 85], // 17
    &[17, 34, 68, 136, 17, 34, 68, 136], // 18
    &[119, 119, 119, 119, 119, 119, 119, 119], // 19
    &[78, 207, 252, 228, 39, 63, 243, 114], // 20
    &[127, 239, 253, 223, 254, 247, 191, 251], // 21
    &[0, 119, 119, 119, 0, 119, 119, 119], // 22
    &[0, 127, 127, 127, 0, 247, 247, 247], // 23
    &[127, 255, 255, 255, 255, 255, 255, 255], // 24
    &[127, 191, 223, 255, 253, 251, 247, 255], // 25
    &[125, 187, 198, 187, 125, 254, 254, 254], // 26
    &[7, 139, 221, 184, 112, 232, 221, 142], // 27
    &[170, 95, 191, 191, 170, 245, 251, 251], // 28
    &[223, 175, 119, 119, 119, 119, 250, 253], // 29
    &[64, 255, 64, 64, 79, 79, 79, 79], // 30
    &[127, 255, 247, 255, 127, 255, 247, 255], // 31
    &[119, 255, 221, 255, 119, 255, 221, 255], // 32
    &[119, 221, 119, 221, 119, 221, 119, 221], // 33
    &[85, 255, 85, 255, 85, 255, 85, 255], // 34
    &[0, 255, 0, 255, 0, 255, 0, 255], // 35
    &[238, 221, 187, 119, 238, 221, 187, 119], // 36
    &[0, 255, 255, 255, 0, 255, 255, 255], // 37
    &[254, 253, 251, 247, 239, 223, 191, 127], // 38
    &[85, 255, 127, 255, 119, 255, 127, 255], // 39
    &[0, 127, 127, 127, 127, 127, 127, 127], // 40
    &[247, 227, 221, 62, 127, 254, 253, 251], // 41
    &[119, 235, 221, 190, 119, 255, 85, 255], // 42
    &[191, 95, 255, 255, 251, 245, 255, 255], // 43
    &[252, 123, 183, 207, 243, 253, 254, 254], // 44
    &[127, 127, 190, 193, 247, 247, 235, 28], // 45
    &[239, 223, 171, 85, 0, 253, 251, 247], // 46
    &[136, 118, 112, 112, 136, 103, 7, 7], // 47
    &[255, 247, 235, 213, 170, 213, 235, 247], // 48
    &[255, 247, 235, 213, 170, 213, 235, 247], // 49
    &[127, 255, 255, 255, 255, 255, 255, 255], // 50
    &[127, 255, 255, 255, 247, 255, 255, 255], // 51
    &[119, 255, 255, 255, 247, 255, 255, 255], // 52
    &[119, 255, 255, 255, 119, 255, 255, 255], // 53
    &[119, 255, 223, 255, 119, 255, 255, 255], // 54
    &[119, 255, 223, 255, 119, 255, 253, 255], // 55
    &[119, 255, 221, 255, 119, 255, 253, 255], // 56
    &[119, 255, 221, 255, 119, 255, 221, 255], // 57
    &[87, 255, 221, 255, 119, 255, 221, 255], // 58
    &[87, 255, 221, 255, 117, 255, 221, 255], // 59
    &[85, 255, 221, 255, 117, 255, 221, 255], // 60
    &[85, 255, 221, 255, 85, 255, 221, 255], // 61
    &[85, 255, 93, 255, 85, 255, 221, 255], // 62
    &[85, 255, 93, 255, 85, 255, 213, 255], // 63
    &[85, 255, 85, 255, 85, 255, 213, 255], // 64
    &[85, 255, 85, 255, 85, 255, 85, 255], // 65
    &[85, 191, 85, 255, 85, 255, 85, 255], // 66
    &[85, 191, 85, 255, 85, 251, 85, 255], // 67
    &[85, 187, 85, 255, 85, 251, 85, 255], // 68
    &[85, 187, 85, 255, 85, 187, 85, 255], // 69
    &[85, 187, 85, 239, 85, 187, 85, 255], // 70
    &[85, 187, 85, 239, 85, 187, 85, 254], // 71
    &[85, 187, 85, 238, 85, 187, 85, 254], // 72
    &[85, 187, 85, 238, 85, 187, 85, 238], // 73
    &[85, 171, 85, 238, 85, 187, 85, 238], // 74
    &[85, 171, 85, 238, 85, 186, 85, 238], // 75
    &[85, 170, 85, 238, 85, 186, 85, 238], // 76
    &[85, 170, 85, 238, 85, 170, 85, 238], // 77
    &[85, 170, 85, 174, 85, 170, 85, 238], // 78
    &[85, 170, 85, 174, 85, 170, 85, 234], // 79
    &[85, 170, 85, 170, 85, 170, 85, 234], // 80
    &[85, 170, 85, 170, 85, 170, 85, 170], // 81
    &[21, 170, 85, 170, 85, 170, 85, 170], // 82
    &[21, 170, 85, 170, 81, 170, 85, 170], // 83
    &[17, 170, 85, 170, 81, 170, 85, 170], // 84
    &[17, 170, 85, 170, 17, 170, 85, 170], // 85
    &[17, 170, 69, 170, 17, 170, 85, 170], // 86
    &[17, 170, 69, 170, 17, 170, 84, 170], // 87
    &[17, 170, 68, 170, 17, 170, 84, 170], // 88
    &[17, 170, 68, 170, 17, 170, 68, 170], // 89
    &[1, 170, 68, 170, 17, 170, 68, 170], // 90
    &[1, 170, 68, 170, 16, 170, 68, 170], // 91
    &[0, 170, 68, 170, 16, 170, 68, 170], // 92
    &[0, 170, 68, 170, 0, 170, 68, 170], // 93
    &[0, 170, 4, 170, 0, 170, 68, 170], // 94
    &[0, 170, 4, 170, 0, 170, 64, 170], // 95
    &[0, 170, 0, 170, 0, 170, 64, 170], // 96
    &[0, 170, 0, 170, 0, 170, 0, 170], // 97
    &[0, 42, 0, 170, 0, 170, 0, 170], // 98
    &[0, 42, 0, 170, 0, 162, 0, 170], // 99
    &[0, 34, 0, 170, 0, 162, 0, 170], // 100
    &[0, 34, 0, 170, 0, 34, 0, 170], // 101
    &[0, 34, 0, 138, 0, 34, 0, 170], // 102
    &[0, 34, 0, 138, 0, 34, 0, 168], // 103
    &[0, 34, 0, 136, 0, 34, 0, 168], // 104
    &[0, 34, 0, 136, 0, 34, 0, 136], // 105
    &[0, 2, 0, 136, 0, 34, 0, 136], // 106
    &[0, 2, 0, 136, 0, 32, 0, 136], // 107
    &[0, 0, 0, 136, 0, 32, 0, 136], // 108
    &[119, 119, 119, 119, 119, 119, 119, 119], // 109
    &[0, 255, 255, 255, 0, 255, 255, 255], // 110
    &[119, 187, 221, 238, 119, 187, 221, 238], // 111
    &[238, 221, 187, 119, 238, 221, 187, 119], // 112
    &[0, 119, 119, 119, 0, 119, 119, 119], // 113
    &[126, 189, 219, 231, 231, 219, 189, 126], // 114
    &[247, 247, 247, 247, 247, 247, 247, 247], // 115
    &[255, 255, 255, 255, 0, 255, 255, 255], // 116
    &[127, 191, 223, 239, 247, 251, 253, 254], // 117
    &[254, 253, 251, 247, 239, 223, 191, 127], // 118
    &[247, 247, 247, 247, 0, 247, 247, 247], // 119
];

/// The tiles of [`PATTERNS`] converted for painting: rows top to bottom, bit 7 (`0x80`) =
/// leftmost pixel, **set bit = painted with the fill colour**, clear bit = transparent.
#[rustfmt::skip]
pub const PAINT_PATTERNS: [&[u8]; PATTERN_COUNT] = [
    &[0xff, 0xff, 0xff, 0xff], // 0
    &[0x00, 0x00, 0x22, 0x00], // 1
    &[0x88, 0x00, 0x22, 0x00], // 2
    &[0x22, 0x88, 0x22, 0x00], // 3
    &[0x11, 0x44, 0x11, 0x44], // 4
    &[0x11, 0xaa, 0x11, 0x44], // 5
    &[0x55, 0xaa, 0x55, 0x22], // 6
    &[0x55, 0xaa, 0x55, 0xaa], // 7
    &[0xee, 0x55, 0xee, 0xbb], // 8
    &[0xee, 0xbb, 0xee, 0xbb], // 9
    &[0xff, 0xdd, 0xff, 0x77], // 10
    &[0xff, 0xbb, 0xff, 0xff], // 11
    &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // 12
    &[0xfe, 0xff, 0xef, 0xff, 0xfe, 0xff, 0xef, 0xff], // 13
    &[0xbb, 0xee, 0xbb, 0xee, 0xbb, 0xee, 0xbb, 0xee], // 14
    &[0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa], // 15
    &[0xaa, 0xff, 0xaa, 0xff, 0xaa, 0xff, 0xaa, 0xff], // 16
    &[0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55], // 17
    &[0x77, 0xbb, 0xdd, 0xee, 0x77, 0xbb, 0xdd, 0xee], // 18
    &[0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11], // 19
    &[0x8d, 0x0c, 0xc0, 0xd8, 0x1b, 0x03, 0x30, 0xb1], // 20
    &[0x01, 0x08, 0x40, 0x04, 0x80, 0x10, 0x02, 0x20], // 21
    &[0xff, 0x11, 0x11, 0x11, 0xff, 0x11, 0x11, 0x11], // 22
    &[0xff, 0x01, 0x01, 0x01, 0xff, 0x10, 0x10, 0x10], // 23
    &[0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], // 24
    &[0x01, 0x02, 0x04, 0x00, 0x40, 0x20, 0x10, 0x00], // 25
    &[0x41, 0x22, 0x9c, 0x22, 0x41, 0x80, 0x80, 0x80], // 26
    &[0x1f, 0x2e, 0x44, 0xe2, 0xf1, 0xe8, 0x44, 0x8e], // 27
    &[0xaa, 0x05, 0x02, 0x02, 0xaa, 0x50, 0x20, 0x20], // 28
    &[0x04, 0x0a, 0x11, 0x11, 0x11, 0x11, 0xa0, 0x40], // 29
    &[0xfd, 0x00, 0xfd, 0xfd, 0x0d, 0x0d, 0x0d, 0x0d], // 30
    &[0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x10, 0x00], // 31
    &[0x11, 0x00, 0x44, 0x00, 0x11, 0x00, 0x44, 0x00], // 32
    &[0x11, 0x44, 0x11, 0x44, 0x11, 0x44, 0x11, 0x44], // 33
    &[0x55, 0x00, 0x55, 0x00, 0x55, 0x00, 0x55, 0x00], // 34
    &[0xff, 0x00, 0xff, 0x00, 0xff, 0x00, 0xff, 0x00], // 35
    &[0x88, 0x44, 0x22, 0x11, 0x88, 0x44, 0x22, 0x11], // 36
    &[0xff, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00], // 37
    &[0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01], // 38
    &[0x55, 0x00, 0x01, 0x00, 0x11, 0x00, 0x01, 0x00], // 39
    &[0xff, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01], // 40
    &[0x10, 0x38, 0x44, 0x83, 0x01, 0x80, 0x40, 0x20], // 41
    &[0x11, 0x28, 0x44, 0x82, 0x11, 0x00, 0x55, 0x00], // 42
    &[0x02, 0x05, 0x00, 0x00, 0x20, 0x50, 0x00, 0x00], // 43
    &[0xc0, 0x21, 0x12, 0x0c, 0x30, 0x40, 0x80, 0x80], // 44
    &[0x01, 0x01, 0x82, 0x7c, 0x10, 0x10, 0x28, 0xc7], // 45
    &[0x08, 0x04, 0x2a, 0x55, 0xff, 0x40, 0x20, 0x10], // 46
    &[0xee, 0x91, 0xf1, 0xf1, 0xee, 0x19, 0x1f, 0x1f], // 47
    &[0x00, 0x10, 0x28, 0x54, 0xaa, 0x54, 0x28, 0x10], // 48
    &[0x00, 0x10, 0x28, 0x54, 0xaa, 0x54, 0x28, 0x10], // 49
    &[0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], // 50
    &[0x01, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00], // 51
    &[0x11, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00], // 52
    &[0x11, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00], // 53
    &[0x11, 0x00, 0x04, 0x00, 0x11, 0x00, 0x00, 0x00], // 54
    &[0x11, 0x00, 0x04, 0x00, 0x11, 0x00, 0x40, 0x00], // 55
    &[0x11, 0x00, 0x44, 0x00, 0x11, 0x00, 0x40, 0x00], // 56
    &[0x11, 0x00, 0x44, 0x00, 0x11, 0x00, 0x44, 0x00], // 57
    &[0x15, 0x00, 0x44, 0x00, 0x11, 0x00, 0x44, 0x00], // 58
    &[0x15, 0x00, 0x44, 0x00, 0x51, 0x00, 0x44, 0x00], // 59
    &[0x55, 0x00, 0x44, 0x00, 0x51, 0x00, 0x44, 0x00], // 60
    &[0x55, 0x00, 0x44, 0x00, 0x55, 0x00, 0x44, 0x00], // 61
    &[0x55, 0x00, 0x45, 0x00, 0x55, 0x00, 0x44, 0x00], // 62
    &[0x55, 0x00, 0x45, 0x00, 0x55, 0x00, 0x54, 0x00], // 63
    &[0x55, 0x00, 0x55, 0x00, 0x55, 0x00, 0x54, 0x00], // 64
    &[0x55, 0x00, 0x55, 0x00, 0x55, 0x00, 0x55, 0x00], // 65
    &[0x55, 0x02, 0x55, 0x00, 0x55, 0x00, 0x55, 0x00], // 66
    &[0x55, 0x02, 0x55, 0x00, 0x55, 0x20, 0x55, 0x00], // 67
    &[0x55, 0x22, 0x55, 0x00, 0x55, 0x20, 0x55, 0x00], // 68
    &[0x55, 0x22, 0x55, 0x00, 0x55, 0x22, 0x55, 0x00], // 69
    &[0x55, 0x22, 0x55, 0x08, 0x55, 0x22, 0x55, 0x00], // 70
    &[0x55, 0x22, 0x55, 0x08, 0x55, 0x22, 0x55, 0x80], // 71
    &[0x55, 0x22, 0x55, 0x88, 0x55, 0x22, 0x55, 0x80], // 72
    &[0x55, 0x22, 0x55, 0x88, 0x55, 0x22, 0x55, 0x88], // 73
    &[0x55, 0x2a, 0x55, 0x88, 0x55, 0x22, 0x55, 0x88], // 74
    &[0x55, 0x2a, 0x55, 0x88, 0x55, 0xa2, 0x55, 0x88], // 75
    &[0x55, 0xaa, 0x55, 0x88, 0x55, 0xa2, 0x55, 0x88], // 76
    &[0x55, 0xaa, 0x55, 0x88, 0x55, 0xaa, 0x55, 0x88], // 77
    &[0x55, 0xaa, 0x55, 0x8a, 0x55, 0xaa, 0x55, 0x88], // 78
    &[0x55, 0xaa, 0x55, 0x8a, 0x55, 0xaa, 0x55, 0xa8], // 79
    &[0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xa8], // 80
    &[0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa], // 81
    &[0x57, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa], // 82
    &[0x57, 0xaa, 0x55, 0xaa, 0x75, 0xaa, 0x55, 0xaa], // 83
    &[0x77, 0xaa, 0x55, 0xaa, 0x75, 0xaa, 0x55, 0xaa], // 84
    &[0x77, 0xaa, 0x55, 0xaa, 0x77, 0xaa, 0x55, 0xaa], // 85
    &[0x77, 0xaa, 0x5d, 0xaa, 0x77, 0xaa, 0x55, 0xaa], // 86
    &[0x77, 0xaa, 0x5d, 0xaa, 0x77, 0xaa, 0xd5, 0xaa], // 87
    &[0x77, 0xaa, 0xdd, 0xaa, 0x77, 0xaa, 0xd5, 0xaa], // 88
    &[0x77, 0xaa, 0xdd, 0xaa, 0x77, 0xaa, 0xdd, 0xaa], // 89
    &[0x7f, 0xaa, 0xdd, 0xaa, 0x77, 0xaa, 0xdd, 0xaa], // 90
    &[0x7f, 0xaa, 0xdd, 0xaa, 0xf7, 0xaa, 0xdd, 0xaa], // 91
    &[0xff, 0xaa, 0xdd, 0xaa, 0xf7, 0xaa, 0xdd, 0xaa], // 92
    &[0xff, 0xaa, 0xdd, 0xaa, 0xff, 0xaa, 0xdd, 0xaa], // 93
    &[0xff, 0xaa, 0xdf, 0xaa, 0xff, 0xaa, 0xdd, 0xaa], // 94
    &[0xff, 0xaa, 0xdf, 0xaa, 0xff, 0xaa, 0xfd, 0xaa], // 95
    &[0xff, 0xaa, 0xff, 0xaa, 0xff, 0xaa, 0xfd, 0xaa], // 96
    &[0xff, 0xaa, 0xff, 0xaa, 0xff, 0xaa, 0xff, 0xaa], // 97
    &[0xff, 0xab, 0xff, 0xaa, 0xff, 0xaa, 0xff, 0xaa], // 98
    &[0xff, 0xab, 0xff, 0xaa, 0xff, 0xba, 0xff, 0xaa], // 99
    &[0xff, 0xbb, 0xff, 0xaa, 0xff, 0xba, 0xff, 0xaa], // 100
    &[0xff, 0xbb, 0xff, 0xaa, 0xff, 0xbb, 0xff, 0xaa], // 101
    &[0xff, 0xbb, 0xff, 0xae, 0xff, 0xbb, 0xff, 0xaa], // 102
    &[0xff, 0xbb, 0xff, 0xae, 0xff, 0xbb, 0xff, 0xea], // 103
    &[0xff, 0xbb, 0xff, 0xee, 0xff, 0xbb, 0xff, 0xea], // 104
    &[0xff, 0xbb, 0xff, 0xee, 0xff, 0xbb, 0xff, 0xee], // 105
    &[0xff, 0xbf, 0xff, 0xee, 0xff, 0xbb, 0xff, 0xee], // 106
    &[0xff, 0xbf, 0xff, 0xee, 0xff, 0xfb, 0xff, 0xee], // 107
    &[0xff, 0xff, 0xff, 0xee, 0xff, 0xfb, 0xff, 0xee], // 108
    &[0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11], // 109
    &[0xff, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00], // 110
    &[0x11, 0x22, 0x44, 0x88, 0x11, 0x22, 0x44, 0x88], // 111
    &[0x88, 0x44, 0x22, 0x11, 0x88, 0x44, 0x22, 0x11], // 112
    &[0xff, 0x11, 0x11, 0x11, 0xff, 0x11, 0x11, 0x11], // 113
    &[0x81, 0x42, 0x24, 0x18, 0x18, 0x24, 0x42, 0x81], // 114
    &[0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10], // 115
    &[0x00, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00], // 116
    &[0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80], // 117
    &[0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01], // 118
    &[0x10, 0x10, 0x10, 0x10, 0xff, 0x10, 0x10, 0x10], // 119
];

/// Rows of tile `index`, converted for painting (bit 7 = leftmost pixel, set bit = painted;
/// see [`PAINT_PATTERNS`]). Indices above 119 are clamped to 119, as GR's
/// `gks_inq_pattern_array` does.
pub fn pattern_rows(index: usize) -> &'static [u8] {
    PAINT_PATTERNS[index.min(PATTERN_COUNT - 1)]
}

/// GR's raw rows of tile `index` (bit `1 << i` = column `i`, 0 = painted; see [`PATTERNS`]).
/// Indices above 119 are clamped to 119.
pub fn gr_pattern_rows(index: usize) -> &'static [u8] {
    PATTERNS[index.min(PATTERN_COUNT - 1)]
}

/// Tile index used by GR's drivers for a fill area: `style` for interior style PATTERN,
/// `108 + style` for HATCH; a result of 120 or more falls back to tile 1 and a negative one
/// is clamped to tile 0.
pub fn pattern_index(hatch: bool, style: i32) -> usize {
    let index = if hatch {
        style.saturating_add(HATCH_OFFSET as i32)
    } else {
        style
    };
    if index >= PATTERN_COUNT as i32 {
        1
    } else {
        index.max(0) as usize
    }
}

/// True if the bit for pixel (`x`, `y`) of the infinitely repeated tile is set, for rows in
/// the paint convention of [`pattern_rows`] (bit 7 = leftmost pixel). With such rows a set
/// bit means the pixel is painted in the fill colour. `x` grows to the right and `y` grows
/// downwards, both in tile pixels counted from the tiling origin (negative values wrap);
/// the tile is 8 pixels wide and `rows.len()` pixels high. Empty rows give `false`.
pub fn pattern_bit_is_set(rows: &[u8], x: i64, y: i64) -> bool {
    if rows.is_empty() {
        return false;
    }
    let row = rows[y.rem_euclid(rows.len() as i64) as usize];
    let col = x.rem_euclid(PATTERN_WIDTH as i64) as u32;
    row & (0x80u8 >> col) != 0
}

/// True if pixel (`x`, `y`) of the repeated tile `index` is painted with the fill colour
/// (GR semantics: the pixel's bit is 0 in [`PATTERNS`]). Coordinates as in
/// [`pattern_bit_is_set`].
pub fn pattern_pixel_painted(index: usize, x: i64, y: i64) -> bool {
    pattern_bit_is_set(pattern_rows(index), x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gr_painted(raw: &[u8], x: usize, y: usize) -> bool {
        raw[y % raw.len()] & (1 << (x % 8)) == 0
    }

    #[test]
    fn row_counts() {
        for (i, p) in PATTERNS.iter().enumerate() {
            assert!(p.len() == 4 || p.len() == 8, "tile {i}");
            assert_eq!(p.len(), PAINT_PATTERNS[i].len());
        }
        assert_eq!(PATTERNS[0], &[0, 0, 0, 0]);
        assert_eq!(PATTERNS[1], &[255, 255, 187, 255]);
        assert_eq!(PATTERNS[119], &[247, 247, 247, 247, 0, 247, 247, 247]);
    }

    #[test]
    fn paint_table_matches_raw_table() {
        for (i, raw) in PATTERNS.iter().enumerate() {
            for y in 0..raw.len() {
                for x in 0..8 {
                    assert_eq!(
                        pattern_pixel_painted(i, x as i64, y as i64),
                        gr_painted(raw, x, y),
                        "tile {i} pixel ({x}, {y})"
                    );
                }
            }
        }
    }

    #[test]
    fn solid_and_hatches() {
        assert!(pattern_rows(0).iter().all(|&r| r == 0xff));
        // hatch 1: vertical lines in columns 3 and 7
        let h1 = pattern_rows(pattern_index(true, 1));
        assert!(h1.iter().all(|&r| r == 0x11));
        // hatch 2: horizontal lines in rows 0 and 4
        let h2 = pattern_rows(pattern_index(true, 2));
        assert_eq!(h2, &[0xff, 0, 0, 0, 0xff, 0, 0, 0]);
        assert!(pattern_bit_is_set(h2, -3, 4));
        assert!(!pattern_bit_is_set(h2, 5, -1));
    }

    #[test]
    fn indices() {
        assert_eq!(pattern_index(false, 5), 5);
        assert_eq!(pattern_index(true, 11), 119);
        assert_eq!(pattern_index(true, 12), 1);
        assert_eq!(pattern_index(false, -2), 0);
        assert_eq!(pattern_rows(500), PAINT_PATTERNS[119]);
        assert_eq!(gr_pattern_rows(7), PATTERNS[7]);
    }
}
