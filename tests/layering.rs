//! The web crate's layers, checked: a page never imports another page, and
//! a component never imports a page. (That the core never reaches the
//! browser is the compiler's job: `tend-core` has no such dependency, and
//! `make check-core` keeps it so.)

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    files
}

/// Lines of `path` (before its tests) that name the pages module.
fn page_imports(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter(|l| l.contains("pages::") || l.trim_start().starts_with("use super::"))
        .map(|l| format!("{}: {}", path.display(), l.trim()))
        .collect()
}

#[test]
fn pages_never_import_other_pages() {
    let files = rust_files("src/ui/pages");
    assert!(files.len() > 10, "{files:?}");
    let found: Vec<String> = files
        .iter()
        .filter(|p| !p.ends_with("mod.rs"))
        .flat_map(|p| page_imports(p))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn components_never_import_pages() {
    let files = rust_files("src/ui/components");
    assert!(files.len() > 10, "{files:?}");
    let found: Vec<String> = files
        .iter()
        .flat_map(|p| page_imports(p))
        .filter(|l| l.contains("pages::"))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}
