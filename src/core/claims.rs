//! claims (to be written).
