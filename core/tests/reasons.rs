//! Every reason is one stable name, and every reason the conformance vectors
//! expect is one of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use posfee_core::Reason;
use std::collections::BTreeSet;

#[test]
fn every_reason_has_one_name_that_reads_back() {
    let mut names = BTreeSet::new();
    for r in Reason::ALL {
        assert!(names.insert(r.as_str()), "{} twice", r.as_str());
        assert_eq!(Reason::from_name(r.as_str()), Some(*r));
        assert!(r
            .as_str()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_'));
    }
}

fn reasons_in(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                match (k.as_str(), x) {
                    ("reason", serde_json::Value::String(s)) => {
                        out.insert(s.clone());
                    }
                    _ => reasons_in(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| reasons_in(x, out)),
        _ => {}
    }
}

#[test]
fn the_vectors_expect_only_known_reasons() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            reasons_in(&v, &mut seen);
        }
    }
    assert!(seen.len() > 20, "only {} reasons found", seen.len());
    let unknown: Vec<&String> = seen
        .iter()
        .filter(|r| Reason::from_name(r).is_none())
        .collect();
    assert!(unknown.is_empty(), "reasons not in Reason: {unknown:?}");
}
