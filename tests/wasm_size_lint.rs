//! Guards the wasm's size against constructs that quietly pull in Rust's
//! formatting machinery. Most of them clippy bans (`clippy.toml`:
//! `disallowed-macros` for `format!` and the print macros, `disallowed-methods`
//! for `clamp`, whose float assertion message formats with `Debug` — removing
//! one `clamp` call once took 22 KB out of the wasm), and `scripts/test.sh`
//! runs clippy with `-D warnings`. What clippy cannot express is `{:?}` inside
//! any other macro (`panic!`, `assert!`, `write!`, `expect` texts built by
//! macros): that stays a grep here. Test modules are exempt: they never ship.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use std::fs;
use std::path::Path;

/// (pattern, why it is banned outside tests)
const BANNED: &[(&str, &str)] = &[(
    "{:?}",
    "Debug formatting (clippy's bans cover format!, the print macros and clamp)",
)];

fn shipped_code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    // Everything from the test module on is test-only in this code base
    // (`#[cfg(all(test, …))]` where the module is native-only).
    match ["#[cfg(test)]", "#[cfg(all(test"]
        .iter()
        .filter_map(|m| text.find(m))
        .min()
    {
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
    fs::write(&file, "fn f(x: f64) { assert!(x > 0.0, \"{:?}\", x) }\n#[cfg(test)]\nmod t { fn g() { panic!(\"{:?}\", 1); } }\n").unwrap();
    let shipped = shipped_code(&file);
    assert!(shipped.contains("{:?}"));
    assert_eq!(shipped.matches("{:?}").count(), 1);
}
