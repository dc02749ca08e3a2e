//! The TypeScript declarations of the answers, generated from the answer
//! types themselves at test time (ts-rs, a dev-dependency: nothing of it is
//! in the library) and held to `wasm/src/answers.d.ts`, which the npm
//! package embeds; `POSFEE_BLESS=1 cargo test -p posfee-core ts` rewrites
//! that file. Field names are JavaScript's (camelCase), as the answers'
//! serde renaming makes them in wasm builds; money is `MoneyString`, dates
//! `DateString`.

use std::collections::BTreeMap;
use ts_rs::{Config, TypeVisitor, TS};

/// The answers' root types; everything they hold is declared with them.
fn roots(out: &mut Collect) {
    out.visit::<crate::Quote>();
    out.visit::<crate::Fee>();
    out.visit::<crate::Arrival>();
    out.visit::<crate::FrozenWindow>();
    out.visit::<crate::provider::ProviderFacts>();
    out.visit::<crate::ActivationProgress>();
    out.visit::<crate::EligibilityAnswers>();
    out.visit::<crate::Comparison>();
    out.visit::<crate::ChannelComparison>();
    out.visit::<crate::DataVersions>();
    out.visit::<crate::DayInfo>();
    out.visit::<crate::YearVersion>();
    out.visit::<crate::LineAudit>();
    out.visit::<crate::AuditSummary>();
    #[cfg(feature = "statements")]
    out.visit::<crate::StatementLayout>();
    #[cfg(feature = "statements")]
    out.visit::<crate::TotalsCheck>();
    out.visit::<crate::Diagnosis>();
}

/// Declarations by name.
struct Collect {
    cfg: Config,
    decls: BTreeMap<String, String>,
}

impl Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(name) = T::output_path().map(|_| T::ident(&self.cfg)) else {
            return;
        };
        if self.decls.contains_key(&name) {
            return;
        }
        let docs = T::docs().map(|d| jsdoc(&d, "")).unwrap_or_default();
        let decl = tidy(&T::decl(&self.cfg));
        self.decls.insert(name, format!("{docs}export {decl}"));
        T::visit_dependencies(self);
    }
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        Collect::visit::<T>(self);
    }
}

/// A doc comment as JSDoc: its text without the Rust examples (fenced
/// code), indented by `indent`; empty when nothing is left.
fn jsdoc(doc: &str, indent: &str) -> String {
    let mut text = Vec::new();
    let mut fenced = false;
    for line in doc.lines() {
        let line = line
            .trim_start_matches(['/', '*', ' '])
            .trim_end_matches(['*', '/', ' ']);
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            text.push(line);
        }
    }
    while text.last().is_some_and(|l| l.is_empty()) {
        text.pop();
    }
    while text.first().is_some_and(|l| l.is_empty()) {
        text.remove(0);
    }
    match text.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        lines => {
            let body: String = lines
                .iter()
                .map(|l| format!("{indent} *{}{l}\n", if l.is_empty() { "" } else { " " }))
                .collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// ts-rs's declaration laid out one member a line, each with its JSDoc:
/// `type X = { /** … */ a: T, … };` or `type X = "a" | "b";`.
fn tidy(decl: &str) -> String {
    let Some((head, body)) = decl.split_once("= {") else {
        return decl.trim().to_string();
    };
    let body = body
        .trim()
        .trim_end_matches(';')
        .trim_end()
        .trim_end_matches('}');
    let mut out = format!("{}= {{\n", head);
    let mut rest = body;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let mut doc = "";
        if let Some(after) = rest.strip_prefix("/**") {
            let (d, r) = after.split_once("*/").unwrap_or((after, ""));
            doc = d;
            rest = r.trim_start();
        }
        let (member, r) = split_member(rest);
        out.push_str(&jsdoc(doc, "  "));
        out.push_str(&format!("  {};\n", member.trim().trim_end_matches(',')));
        rest = r;
    }
    out.push_str("};");
    out
}

/// The first member of `rest` and what follows it: up to the first comma
/// outside `<…>`, `{…}`, `(…)` and `[…]`.
fn split_member(rest: &str) -> (&str, &str) {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '<' | '{' | '(' | '[' => depth += 1,
            '>' | '}' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => return (&rest[..i], &rest[i + 1..]),
            _ => {}
        }
    }
    (rest, "")
}

/// The declarations file.
fn declarations() -> String {
    let mut c = Collect {
        cfg: Config::new().with_large_int("number"),
        decls: BTreeMap::new(),
    };
    roots(&mut c);
    let mut out = String::from(
        "// Generated from posfee-core's answer types by `core/src/ts.rs`; do not edit.\n\
         // Regenerate: POSFEE_BLESS=1 cargo test -p posfee-core ts\n",
    );
    for decl in c.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

#[test]
fn answer_declarations_are_generated_from_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../wasm/src/answers.d.ts");
    let text = declarations();
    if std::env::var_os("POSFEE_BLESS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == text, "wasm/src/answers.d.ts differs from the answer types: run POSFEE_BLESS=1 cargo test -p posfee-core ts");
}
