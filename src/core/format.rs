//! format (to be written).
