//! Runs every conformance vector in `tests/vectors/*.json` (the same files the
//! Node and Kotlin suites run) and checks each answer against the hand-worked
//! expectation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use posfee_core::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
}

fn plan_value(name: &str) -> Result<Value, String> {
    let text = match name {
        "upos" => Plan::upos().map_err(|e| e.to_string())?.to_json(),
        "reference" => Plan::reference().map_err(|e| e.to_string())?.to_json(),
        other => {
            let file = other
                .strip_prefix("test:")
                .ok_or_else(|| format!("unknown plan {other}"))?;
            std::fs::read_to_string(root().join("plans").join(format!("{file}.json")))
                .map_err(|e| format!("plan {other}: {e}"))?
        }
    };
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn plan(input: &Value, key: &str) -> Result<Plan, String> {
    let name = input.get(key).and_then(Value::as_str).unwrap_or("upos");
    Plan::from_value(plan_value(name)?).map_err(|e| format!("plan {name}: {e}"))
}

fn calendar(input: &Value) -> Result<Calendar, String> {
    let mut cal = Calendar::embedded().map_err(|e| e.to_string())?;
    extend_extra(&mut cal, input)?;
    Ok(cal)
}

/// Loads the `calendar_extra` entries of an input onto `cal`, in order: a name
/// `NAME` (`tests/calendars/NAME.json`, either format) or
/// `{"name": NAME, "data_version": "…"}` (a holiday-cn file with that version).
fn extend_extra(cal: &mut Calendar, input: &Value) -> Result<(), String> {
    for entry in input
        .get("calendar_extra")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (name, version) = match entry {
            Value::String(n) => (n.as_str(), None),
            Value::Object(o) => (
                o.get("name")
                    .and_then(Value::as_str)
                    .ok_or("calendar_extra: an entry needs a name")?,
                o.get("data_version").and_then(Value::as_str),
            ),
            _ => return Err("calendar_extra: names or {name, data_version}".into()),
        };
        let text = std::fs::read_to_string(root().join("calendars").join(format!("{name}.json")))
            .map_err(|e| format!("calendar {name}: {e}"))?;
        let extra = match version {
            Some(v) => Calendar::from_holiday_cn(&text, Some(v)),
            None => Calendar::from_json(&text),
        }
        .map_err(|e| format!("calendar {name}: {e}"))?;
        cal.extend(&extra)
            .map_err(|e| format!("calendar {name}: {e}"))?;
    }
    Ok(())
}

/// The `calendar_load` op: see tests/vectors/README.md.
fn calendar_load(input: &Value) -> Result<Value, String> {
    let mut cal = match input.get("onto").and_then(Value::as_str) {
        Some("embedded") => Calendar::embedded().map_err(|e| e.to_string())?,
        None => Calendar::empty(),
        Some(other) => return Err(format!("unknown onto {other}")),
    };
    extend_extra(&mut cal, input)?;
    let text = match (
        input.get("calendar"),
        input.get("calendar_text"),
        input.get("calendar_file"),
    ) {
        (Some(v), None, None) => v.to_string(),
        (None, Some(Value::String(t)), None) => t.clone(),
        (None, None, Some(Value::String(name))) => {
            std::fs::read_to_string(root().join("calendars").join(format!("{name}.json")))
                .map_err(|e| format!("calendar {name}: {e}"))?
        }
        _ => {
            return Err("calendar_load needs one of calendar, calendar_text, calendar_file".into())
        }
    };
    let loaded = match input.get("data_version") {
        Some(Value::String(v)) => Calendar::from_holiday_cn(&text, Some(v)),
        Some(_) => return Err("data_version is a string".into()),
        None => Calendar::from_json(&text),
    };
    let run = || -> posfee_core::Result<Value> {
        cal.extend(&loaded?)?;
        let mut out = json!({
            "years": cal.years(),
            "valid_until": cal.valid_until().map(|d| d.to_string()),
            "versions": cal.versions(),
        });
        if let Some(q) = input.get("query").and_then(Value::as_array) {
            let days: Vec<Value> = q
                .iter()
                .map(|d| {
                    let day = parse_date("query", d.as_str().unwrap_or_default())
                        .and_then(|d| cal.day(d));
                    match day {
                        Ok(info) => serde_json::to_value(info).unwrap_or(Value::Null),
                        Err(e) => json!({ "date": d, "error": e }),
                    }
                })
                .collect();
            out["days"] = Value::Array(days);
        }
        Ok(out)
    };
    Ok(out(run()))
}

/// Bytes written in hex at `key` (`statement_hex`, `workbook_hex`).
#[cfg(feature = "statements")]
fn hex(input: &Value, key: &str) -> Option<Vec<u8>> {
    let h = input.get(key)?.as_str()?;
    let byte = |i: usize| h.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok());
    Some(
        (0..h.len())
            .step_by(2)
            .map(|i| byte(i).unwrap_or(0))
            .collect(),
    )
}

fn merchant(input: &Value, merchants: &Map<String, Value>) -> Result<Value, String> {
    match input.get("merchant") {
        Some(Value::String(name)) => merchants
            .get(name)
            .cloned()
            .ok_or_else(|| format!("no merchant named {name}")),
        Some(v) => Ok(v.clone()),
        None => Err("case has no merchant".into()),
    }
}

fn flag(input: &Value, key: &str) -> bool {
    input.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn out<T: serde::Serialize>(r: posfee_core::Result<T>) -> Value {
    let v = match r {
        Ok(v) => serde_json::to_value(v).unwrap_or(Value::Null),
        Err(e) => json!({ "error": e }),
    };
    one_language_each(&v);
    v
}

/// Every `message_en` of an answer is English: no Chinese outside the
/// quoted values it repeats (a caller's "刷卡" may be quoted); every
/// `message_zh` has Chinese.
fn one_language_each(v: &Value) {
    let cjk = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff01}'..='\u{ff5e}').contains(&c)
    };
    match v {
        Value::Object(o) => {
            if let Some(Value::String(en)) = o.get("message_en") {
                let unquoted: String = en.split('"').step_by(2).collect();
                assert!(
                    !unquoted.chars().any(cjk),
                    "Chinese in an English message: {en}"
                );
            }
            if let Some(Value::String(zh)) = o.get("message_zh") {
                assert!(zh.chars().any(cjk), "no Chinese in a Chinese message: {zh}");
            }
            o.values().for_each(one_language_each);
        }
        Value::Array(a) => a.iter().for_each(one_language_each),
        _ => {}
    }
}

fn quote_one(
    input: &Value,
    merchants: &Map<String, Value>,
) -> Result<posfee_core::Result<Quote>, String> {
    let plan = plan(input, "plan")?;
    let cal = calendar(input)?;
    let m = merchant(input, merchants)?;
    let opts = QuoteOptions {
        provisional: flag(input, "provisional"),
    };
    let run = || -> posfee_core::Result<Quote> {
        let p: PaymentInput = input_from_json(
            input.get("payment").cloned().unwrap_or(Value::Null),
            "payment",
        )?;
        let payment = p.to_payment("payment")?;
        let mi: MerchantInput = input_from_json(m.clone(), "merchant")?;
        let merchant = mi.to_merchant("merchant")?;
        let usage = match input.get("usage") {
            Some(u) => input_from_json::<UsageInput>(u.clone(), "usage")?.to_usage("usage")?,
            None => DailyUsage::default(),
        };
        quote(&plan, &cal, &merchant, &payment, &usage, opts)
    };
    Ok(run())
}

/// The plan of a contract case: `contract` made on `base` (default upos).
fn contract_plan(input: &Value) -> Result<posfee_core::Result<Plan>, String> {
    let base = plan(input, "base")?;
    let run = || -> posfee_core::Result<Plan> {
        let c: ContractInput = input_from_json(
            input.get("contract").cloned().unwrap_or(Value::Null),
            "contract",
        )?;
        c.to_contract("contract")?.to_plan(&base)
    };
    Ok(run())
}

/// `contract_quote`: a quote on the contract's plan (contract errors first).
fn contract_quote(
    input: &Value,
    merchants: &Map<String, Value>,
) -> Result<posfee_core::Result<Quote>, String> {
    let plan = contract_plan(input)?;
    let cal = calendar(input)?;
    let m = merchant(input, merchants)?;
    let opts = QuoteOptions {
        provisional: flag(input, "provisional"),
    };
    let run = || -> posfee_core::Result<Quote> {
        let plan = plan.clone()?;
        let p: PaymentInput = input_from_json(
            input.get("payment").cloned().unwrap_or(Value::Null),
            "payment",
        )?;
        let payment = p.to_payment("payment")?;
        let merchant =
            input_from_json::<MerchantInput>(m.clone(), "merchant")?.to_merchant("merchant")?;
        let usage = match input.get("usage") {
            Some(u) => input_from_json::<UsageInput>(u.clone(), "usage")?.to_usage("usage")?,
            None => DailyUsage::default(),
        };
        quote(&plan, &cal, &merchant, &payment, &usage, opts)
    };
    Ok(run())
}

/// `contract_compare`: the contract (plan a) against `plan_b` (default upos),
/// per channel and in total (contract errors first, then merchant, then mix).
fn contract_compare(
    input: &Value,
    merchants: &Map<String, Value>,
) -> Result<posfee_core::Result<ChannelComparison>, String> {
    let a = contract_plan(input)?;
    let b = plan(input, "plan_b")?;
    let m = merchant(input, merchants)?;
    let run = || -> posfee_core::Result<ChannelComparison> {
        let a = a.clone()?;
        let merchant =
            input_from_json::<MerchantInput>(m.clone(), "merchant")?.to_merchant("merchant")?;
        let lines: Vec<MixLineInput> =
            input_from_json(input.get("mix").cloned().unwrap_or(Value::Null), "mix")?;
        let mix = lines
            .iter()
            .enumerate()
            .map(|(i, l)| l.to_line(&format!("mix[{i}]")))
            .collect::<posfee_core::Result<Vec<_>>>()?;
        compare_by_channel(&a, &b, &merchant, &mix)
    };
    Ok(run())
}

fn run_case(case: &Value, merchants: &Map<String, Value>) -> Result<Value, String> {
    let op = case
        .get("op")
        .and_then(Value::as_str)
        .ok_or("case has no op")?;
    let input = case.get("input").cloned().unwrap_or(Value::Null);
    Ok(match op {
        "parse_amount" => {
            let field = input
                .get("field")
                .and_then(Value::as_str)
                .unwrap_or("amount");
            match input.get("text") {
                Some(Value::String(t)) => {
                    out(Money::parse_amount(field, t).map(|v| json!({ "value": v })))
                }
                other => out::<()>(Err(read::wrong_type(
                    field,
                    &other.map_or(read::Value::Null, read::Value::from_json),
                ))),
            }
        }
        "quote" => out(quote_one(&input, merchants)?),
        "ledger" => {
            let plan = plan(&input, "plan")?;
            let cal = calendar(&input)?;
            let m = merchant(&input, merchants)?;
            let opts = QuoteOptions {
                provisional: flag(&input, "provisional"),
            };
            let run = || -> posfee_core::Result<Value> {
                let merchant = input_from_json::<MerchantInput>(m.clone(), "merchant")?
                    .to_merchant("merchant")?;
                let mut ledger = DayLedger::default();
                let mut results = Vec::new();
                let payments = input
                    .get("payments")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                for (i, p) in payments.into_iter().enumerate() {
                    let prefix = format!("payments[{i}]");
                    let payment =
                        input_from_json::<PaymentInput>(p, &prefix)?.to_payment(&prefix)?;
                    let q = ledger.quote_and_record(&plan, &cal, &merchant, &payment, opts)?;
                    results.push(serde_json::to_value(q).unwrap_or(Value::Null));
                }
                Ok(json!({ "results": results }))
            };
            out(run())
        }
        "fee_batch" => {
            let plan = plan(&input, "plan")?;
            let m = merchant(&input, merchants)?;
            let run = || -> posfee_core::Result<FeeBatch> {
                let merchant = input_from_json::<MerchantInput>(m.clone(), "merchant")?
                    .to_merchant("merchant")?;
                let instruments: Vec<read::InstrumentInput> = input_from_json(
                    input.get("instruments").cloned().unwrap_or(Value::Null),
                    "instruments",
                )?;
                // Anything but an index from 0 to 2³²−2 is out of range.
                let index: Option<Vec<u32>> = input
                    .get("instrument_index")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .map(|v| {
                                v.as_u64()
                                    .and_then(|k| u32::try_from(k).ok())
                                    .unwrap_or(u32::MAX)
                            })
                            .collect()
                    });
                let amounts = input
                    .get("amounts")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                fee_batch(&plan, &merchant, amounts, &instruments, index.as_deref())
            };
            out(run())
        }
        "arrival" => {
            let plan = plan(&input, "plan")?;
            let cal = calendar(&input)?;
            let run = || -> posfee_core::Result<Arrival> {
                let p: PaymentInput = input_from_json(
                    input.get("payment").cloned().unwrap_or(Value::Null),
                    "payment",
                )?;
                arrival(
                    &plan,
                    &cal,
                    &p.to_payment("payment")?,
                    flag(&input, "provisional"),
                )
            };
            out(run())
        }
        "frozen_window" => {
            let plan = plan(&input, "plan")?;
            let cal = calendar(&input)?;
            let run = || -> posfee_core::Result<FrozenWindow> {
                let submitted = match input.get("submitted") {
                    Some(Value::String(s)) => parse_date("submitted", s)?,
                    None | Some(Value::Null) => return Err(read::missing("submitted")),
                    Some(other) => {
                        return Err(read::wrong_type(
                            "submitted",
                            &read::Value::from_json(other),
                        ))
                    }
                };
                frozen_window(&plan, &cal, submitted, flag(&input, "provisional"))
            };
            out(run())
        }
        "provider" => {
            let plan = plan(&input, "plan")?;
            let run = || -> posfee_core::Result<provider::ProviderFacts> {
                let on = match input.get("on") {
                    Some(Value::String(s)) => parse_date("on", s)?,
                    _ => return Err(read::missing("on")),
                };
                Ok(provider::provider_facts(&plan, on))
            };
            out(run())
        }
        "activation" => {
            let plan = plan(&input, "plan")?;
            let run = || -> posfee_core::Result<ActivationProgress> {
                let volume = match input.get("volume") {
                    Some(Value::String(s)) => Money::parse_non_negative("volume", s)?,
                    None | Some(Value::Null) => return Err(read::missing("volume")),
                    Some(other) => {
                        return Err(read::wrong_type("volume", &read::Value::from_json(other)))
                    }
                };
                activation_progress(&plan, volume)
            };
            out(run())
        }
        "eligibility" => {
            let plan = plan(&input, "plan")?;
            let mut facts = input.clone();
            if let Some(o) = facts.as_object_mut() {
                o.remove("plan");
            }
            let run = || -> posfee_core::Result<EligibilityAnswers> {
                let f: EligibilityInput = input_from_json(facts.clone(), "")?;
                eligibility(&plan, &f.to_facts("")?)
            };
            out(run())
        }
        "compare" => {
            let a = plan(&input, "plan_a")?;
            let b = plan(&input, "plan_b")?;
            let m = merchant(&input, merchants)?;
            let run = || -> posfee_core::Result<Comparison> {
                let merchant = input_from_json::<MerchantInput>(m.clone(), "merchant")?
                    .to_merchant("merchant")?;
                let lines: Vec<MixLineInput> =
                    input_from_json(input.get("mix").cloned().unwrap_or(Value::Null), "mix")?;
                let mix = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| l.to_line(&format!("mix[{i}]")))
                    .collect::<posfee_core::Result<Vec<_>>>()?;
                compare(&a, &b, &merchant, &mix)
            };
            out(run())
        }
        "plan_load" => {
            let base = input.get("base").and_then(Value::as_str).unwrap_or("upos");
            let mut v = plan_value(base)?;
            for s in input
                .get("set")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let ptr = s
                    .get("pointer")
                    .and_then(Value::as_str)
                    .ok_or("set needs pointer")?;
                set_pointer(&mut v, ptr, s.get("value").cloned().unwrap_or(Value::Null))?;
            }
            for r in input
                .get("remove")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                remove_pointer(&mut v, r.as_str().ok_or("remove takes pointers")?)?;
            }
            out(Plan::from_value(v)
                .map(|p| json!({ "plan_id": p.id(), "data_version": p.data_version() })))
        }
        "audit" => {
            let plan = plan(&input, "plan")?;
            let cal = calendar(&input)?;
            let m = merchant(&input, merchants)?;
            let run = || -> posfee_core::Result<Value> {
                let merchant = input_from_json::<MerchantInput>(m.clone(), "merchant")?
                    .to_merchant("merchant")?;
                let as_of = match input.get("as_of") {
                    Some(Value::String(t)) => ChinaDateTime::parse("as_of", t)?,
                    _ => return Err(read::missing("as_of")),
                };
                let opts = AuditOptions {
                    as_of,
                    provisional: flag(&input, "provisional"),
                };
                let mut auditor = Auditor::new(&plan, &cal, merchant, opts)?;
                let mut results = Vec::new();
                #[cfg(feature = "statements")]
                {
                    let text = input.get("statement").and_then(Value::as_str);
                    let file = text
                        .map(|t| t.as_bytes().to_vec())
                        .or_else(|| hex(&input, "statement_hex"));
                    let book = hex(&input, "workbook_hex");
                    if file.is_some() || book.is_some() {
                        let format: StatementFormatInput = input_from_json(
                            input.get("format").cloned().unwrap_or_else(|| json!({})),
                            "format",
                        )?;
                        let mut reader = CsvReader::with_format(format.to_format("format")?);
                        let mut on_line = |l, _| results.push(l);
                        // An .xlsx statement: its sheet's rows, then the same format.
                        #[cfg(feature = "xlsx")]
                        if let Some(book) = &book {
                            let rows = posfee_core::xlsx_rows(book, None)?;
                            auditor.feed_rows(&mut reader, rows, &mut on_line)?;
                        }
                        // A statement file, fed in 5-byte pieces.
                        for chunk in file.iter().flat_map(|b| b.chunks(5)) {
                            auditor.feed_csv(&mut reader, chunk, &mut on_line)?;
                        }
                        auditor.finish_csv(&mut reader, &mut on_line)?;
                        return Ok(json!({
                            "results": results,
                            "summary": auditor.summary(),
                            "layout": reader.layout(),
                            "totals": reader.totals(),
                        }));
                    }
                }
                if let Some(csv) = input.get("csv").and_then(Value::as_str) {
                    auditor.audit_csv(
                        [csv.as_bytes()],
                        u64::MAX,
                        &mut |l| results.push(l),
                        &mut |_| {},
                    )?;
                } else {
                    let lines = input
                        .get("lines")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    for (i, l) in lines.into_iter().enumerate() {
                        let prefix = format!("lines[{i}]");
                        let r = match input_from_json::<StatementLineInput>(l, &prefix) {
                            Ok(line) => auditor.audit_input(i as u64, None, &line),
                            Err(e) => auditor.unjudgeable(i as u64, None, None, e),
                        };
                        results.push(r);
                    }
                }
                Ok(json!({ "results": results, "summary": auditor.summary() }))
            };
            out(run())
        }
        "diagnose" => {
            let plan = plan(&input, "plan")?;
            let cal = calendar(&input)?;
            let mut q = input.clone();
            if let Some(o) = q.as_object_mut() {
                o.remove("plan");
                o.remove("calendar_extra");
                if let Some(Value::String(name)) = o.get("merchant").cloned() {
                    o.insert(
                        "merchant".into(),
                        merchants
                            .get(&name)
                            .cloned()
                            .ok_or_else(|| format!("no merchant named {name}"))?,
                    );
                }
            }
            let run = || -> posfee_core::Result<Diagnosis> {
                let d: DiagnoseInput = input_from_json(q.clone(), "")?;
                diagnose(&plan, &cal, &d.to_request("")?)
            };
            out(run())
        }
        "calendar_load" => calendar_load(&input)?,
        "contract_plan" => out(contract_plan(&input)?.map(|p| p.data().clone())),
        "contract_quote" => out(contract_quote(&input, merchants)?),
        "contract_compare" => out(contract_compare(&input, merchants)?),
        other => return Err(format!("unknown op {other}")),
    })
}

fn split_pointer(ptr: &str) -> Result<(String, String), String> {
    let (parent, last) = ptr.rsplit_once('/').ok_or("pointer must start with /")?;
    Ok((
        parent.to_string(),
        last.replace("~1", "/").replace("~0", "~"),
    ))
}

fn set_pointer(v: &mut Value, ptr: &str, value: Value) -> Result<(), String> {
    let (parent, last) = split_pointer(ptr)?;
    match v
        .pointer_mut(&parent)
        .ok_or_else(|| format!("no {parent}"))?
    {
        Value::Object(o) => {
            o.insert(last, value);
        }
        Value::Array(a) => {
            let i: usize = last.parse().map_err(|_| format!("bad index {last}"))?;
            *a.get_mut(i).ok_or_else(|| format!("no index {i}"))? = value;
        }
        _ => return Err(format!("{parent} is not a container")),
    }
    Ok(())
}

fn remove_pointer(v: &mut Value, ptr: &str) -> Result<(), String> {
    let (parent, last) = split_pointer(ptr)?;
    match v
        .pointer_mut(&parent)
        .ok_or_else(|| format!("no {parent}"))?
    {
        Value::Object(o) => {
            o.remove(&last);
        }
        Value::Array(a) => {
            let i: usize = last.parse().map_err(|_| format!("bad index {last}"))?;
            if i < a.len() {
                a.remove(i);
            }
        }
        _ => return Err(format!("{parent} is not a container")),
    }
    Ok(())
}

/// `expected` ⊆ `actual`: see tests/vectors/README.md.
fn subset(expected: &Value, actual: Option<&Value>, path: &str, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Null, None | Some(Value::Null)) => {}
        (Value::Object(e), Some(Value::Object(a))) => {
            for (k, ev) in e {
                subset(ev, a.get(k), &format!("{path}.{k}"), diffs);
            }
        }
        (Value::Array(e), Some(Value::Array(a))) => {
            if e.len() != a.len() {
                diffs.push(format!(
                    "{path}: expected {} elements, got {}: {}",
                    e.len(),
                    a.len(),
                    Value::Array(a.clone())
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, Some(av), &format!("{path}[{i}]"), diffs);
            }
        }
        (e, Some(a)) if e == a => {}
        (e, a) => diffs.push(format!(
            "{path}: expected {e}, got {}",
            a.map_or("nothing".to_string(), Value::to_string)
        )),
    }
}

/// Runs every vector file of a directory; returns (passed, failures).
fn run_dir(dir: &Path) -> (usize, Vec<String>) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut passed, mut failed) = (0usize, Vec::new());
    let mut ids = BTreeSet::new();
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let merchants = doc
            .get("merchants")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for case in doc["cases"].as_array().expect("cases") {
            let id = case["id"].as_str().expect("id").to_string();
            assert!(ids.insert(id.clone()), "duplicate vector id {id}");
            assert!(
                case["section"].as_str().is_some_and(|s| s.starts_with('§')),
                "{id}: names no RULES.md section"
            );
            assert!(
                case["note"].as_str().is_some_and(|s| !s.is_empty()),
                "{id}: has no note"
            );
            let mut diffs = Vec::new();
            match run_case(case, &merchants) {
                Ok(actual) => subset(&case["expect"], Some(&actual), "", &mut diffs),
                Err(e) => diffs.push(format!("runner: {e}")),
            }
            if diffs.is_empty() {
                passed += 1;
            } else {
                failed.push(format!(
                    "{id} ({}): {}",
                    file.file_name().unwrap().to_string_lossy(),
                    diffs.join("; ")
                ));
            }
        }
    }
    for f in &failed {
        eprintln!("FAIL {f}");
    }
    (passed, failed)
}

#[test]
fn every_vector_passes() {
    let (passed, failed) = run_dir(&root().join("vectors"));
    println!("vectors: {passed} passed, {} failed", failed.len());
    assert!(
        failed.is_empty(),
        "{} of {} vectors failed",
        failed.len(),
        passed + failed.len()
    );
    assert!(
        passed >= 200,
        "expected at least 200 vectors, found {passed}"
    );
}
