//! The pure calculation core: data, inputs, metrics, parsing and formatting.
//!
//! Nothing in here touches the DOM, the network, a clock or a random source:
//! every function is deterministic, so the whole core is tested natively.

pub mod claims;
pub mod edition;
pub mod export;
pub mod figures;
pub mod format;
pub mod goal;
pub mod inputs;
pub mod metrics;
pub mod parse;
pub mod period;
pub mod sections;
pub mod share;
pub mod units;
