//! How many modules fit on a rectangle: flush in a grid (colour steel, tiles), or in tilted rows
//! spaced by the winter-solstice rule ([`super::spacing`]). Plain geometry on the roof surface.

/// Modules in a grid on a `a_m` × `b_m` rectangle, modules `along_a_m` × `along_b_m` [m]:
/// `⌊a / la⌋ · ⌊b / lb⌋` (0 when a side is shorter than the module).
pub fn grid(a_m: f64, b_m: f64, along_a_m: f64, along_b_m: f64) -> (u32, u32) {
    (fit(a_m, along_a_m), fit(b_m, along_b_m))
}

/// Modules of `module_m` [m] side by side on a side of `side_m` [m]: `⌊side / module⌋`, with a
/// tolerance of 1 nm so that a side of exactly n modules holds n in floating point.
pub fn fit(side_m: f64, module_m: f64) -> u32 {
    ((side_m + 1e-9) / module_m).floor() as u32
}

/// Rows that fit in a depth `depth_m` [m] (along the rows' normal) when each row takes
/// `row_depth_m` in plan and the feet of successive rows are `pitch_m` apart: the first row takes
/// its plan depth, each further one the pitch: `n = ⌊(depth − row_depth) / pitch⌋ + 1`.
pub fn rows(depth_m: f64, row_depth_m: f64, pitch_m: f64) -> u32 {
    if depth_m < row_depth_m {
        0
    } else {
        ((depth_m - row_depth_m + 1e-9) / pitch_m).floor() as u32 + 1
    }
}
