//! Guards the wasm's size against constructs that quietly pull in Rust's
//! formatting machinery: `format!` (and friends) and `f64::clamp`, whose
//! assertion message formats floats with `Debug` — removing one `clamp` call
//! once took 22 KB out of the wasm. Test modules are exempt: they never ship.

use std::fs;
use std::path::Path;

/// (pattern, why it is banned outside tests)
const BANNED: &[(&str, &str)] = &[
    (
        "format!(",
        "pulls in core::fmt; build strings with push_str and format::push_decimal",
    ),
    (
        "println!(",
        "pulls in core::fmt and writes nowhere useful in a browser",
    ),
    (
        ".clamp(",
        "f64::clamp's panic message formats floats with Debug (22 KB); use max().min()",
    ),
    ("{:?}", "Debug formatting"),
];

fn shipped_code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    // Everything from the test module on is test-only in this code base.
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_formatting_machinery_in_the_wasm_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/core"), &mut files);
    rust_files(&root.join("src/ui"), &mut files);
    assert!(files.len() >= 10, "found only {files:?}");
    let mut found = Vec::new();
    for file in &files {
        for (n, line) in shipped_code(file).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (pattern, why) in BANNED {
                if code.contains(pattern) {
                    found.push(format!("{}:{}: {pattern} — {why}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "banned constructs:\n{}", found.join("\n"));
}

#[test]
fn the_lint_sees_what_it_bans() {
    // The scanner must flag a banned construct in shipped code and skip test code.
    let dir = std::env::temp_dir().join("kling-calc-lint-selftest");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.rs");
    fs::write(&file, "fn f(x: f64) -> f64 { x.clamp(0.0, 1.0) }\n#[cfg(test)]\nmod t { fn g() { format!(\"x\"); } }\n").unwrap();
    let shipped = shipped_code(&file);
    assert!(shipped.contains(".clamp("));
    assert!(!shipped.contains("format!("));
}
