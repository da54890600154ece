//! An arbitrary query string decoded for instances 1 to 3: never a panic,
//! every applied value passes its input's range check, and every notice's
//! text is short and free of control characters.
#![no_main]

use kling_calc::core::inputs::InputId;
use kling_calc::core::share::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    for instance in 1..=3 {
        let d = decode(&query, instance);
        for id in InputId::ALL {
            if let Some(v) = d.inputs.override_of(id) {
                let checked = id.spec().check(v);
                assert_eq!(
                    checked.map(f64::to_bits),
                    Ok(v.to_bits()),
                    "{query:?} instance {instance}: {id:?} = {v}"
                );
            }
        }
        for ignored in &d.ignored {
            assert!(ignored.item.chars().count() <= 32, "{ignored:?}");
            assert!(!ignored.item.chars().any(char::is_control), "{ignored:?}");
        }
    }
});
