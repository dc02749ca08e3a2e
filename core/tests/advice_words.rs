//! No advice posfee gives may tell a merchant to split one sale into several
//! payments (分笔/拆单): seeds 002 and 003 name split and frequent large
//! payments as what triggers risk control and UnionPay suspension (RULES §6).
//! Checked over every data file, every Chinese text in the core's code, and
//! the web page's words.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p, ext));
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
    out
}

/// Every string value of a JSON document.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn split_advice(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.contains("分笔")
        || text.contains("拆单")
        || lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == "split" || w == "splitting")
}

#[test]
fn no_data_file_advises_splitting_a_payment() {
    let data = files(&root().join("core/data"), "json");
    assert!(data.len() >= 5, "data files not found");
    for f in data {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let mut texts = Vec::new();
        strings(&v, &mut texts);
        for t in texts {
            assert!(!split_advice(&t), "{}: {t}", f.display());
        }
    }
}

#[test]
fn no_message_in_the_code_advises_splitting_a_payment() {
    let mut checked = 0;
    for f in files(&root().join("core/src"), "rs") {
        let lines = std::fs::read_to_string(&f).unwrap();
        // Test assertions' own texts are not messages.
        for (i, line) in lines
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.contains("assert"))
        {
            // A message is a string literal; Chinese ones are checked for
            // 分笔/拆单, English ones for "split" (not Rust's `.split(`).
            for lit in line.split('"').skip(1).step_by(2) {
                checked += 1;
                assert!(!split_advice(lit), "{}:{}: {lit}", f.display(), i + 1);
            }
        }
    }
    assert!(checked > 1000);
}

#[test]
fn the_web_page_never_advises_splitting_a_payment() {
    let page = root().join("web-demo");
    for name in ["i18n.js", "index.html"] {
        let text = std::fs::read_to_string(page.join(name)).unwrap();
        assert!(!text.contains("分笔") && !text.contains("拆单"), "{name}");
        for line in text.lines().filter(|l| !l.contains(".split(")) {
            assert!(!split_advice(line), "{name}: {line}");
        }
    }
}

#[test]
fn the_check_finds_split_advice() {
    assert!(split_advice("或在单日限额内分笔收款"));
    assert!(split_advice("take it in several payments: split it"));
    assert!(!split_advice("不要把一笔交易拆成多笔"));
}
