//! goal (to be written).
