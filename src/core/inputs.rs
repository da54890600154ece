//! inputs (to be written).
