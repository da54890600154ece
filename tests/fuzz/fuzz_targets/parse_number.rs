//! Arbitrary bytes (read as lossy UTF-8) typed into a field of every unit and
//! display scale: never a panic, and any accepted value is finite, within
//! `MAX_ABS` (1e15) and never negative zero.
#![no_main]

use kling_calc::core::parse::{parse_number, MAX_ABS};
use kling_calc::core::units::{Scale, Unit};
use libfuzzer_sys::fuzz_target;

const UNITS: [Unit; 9] = Unit::ALL;
const SCALES: [Scale; 6] = Scale::ALL;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for unit in UNITS {
        for scale in SCALES {
            if let Ok(v) = parse_number(&text, unit, scale) {
                assert!(v.is_finite(), "{text:?} {unit:?} {scale:?} -> {v}");
                assert!(v.abs() <= MAX_ABS, "{text:?} {unit:?} {scale:?} -> {v}");
                assert!(
                    v != 0.0 || v.is_sign_positive(),
                    "{text:?} {unit:?} {scale:?} -> -0.0"
                );
            }
        }
    }
});
