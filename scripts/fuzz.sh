#!/usr/bin/env bash
# Fuzzes posfee-core with cargo-fuzz (issue 13): every target in fuzz/ for a
# fixed number of executions, one target at a time, one job each.
#
#   scripts/fuzz.sh [options] [target...]
#
#   --runs N        executions per target (default $FUZZ_RUNS or 100000)
#   --max-time S    stop a target after S seconds even if N is not reached
#                   (default $FUZZ_MAX_TIME or 0 = no limit)
#   --timeout S     one input taking longer than S seconds is a timeout
#                   (default $FUZZ_TIMEOUT or 10)
#   --rss-mb M      RSS above M MB is an out-of-memory crash
#                   (default $FUZZ_RSS_MB or 2048)
#   --cmin          minimise each corpus afterwards (libFuzzer -merge=1,
#                   what `cargo fuzz cmin` runs), then drop its largest
#                   inputs beyond $FUZZ_CORPUS_KB (default 512) KB
#   --trim          only drop the largest inputs of each corpus beyond
#                   $FUZZ_CORPUS_KB KB, and exit
#   --record        write the figures to fuzz/RESULTS.md
#   --no-build      use the binaries already built
#   --regressions   only replay fuzz/regressions/<target>/* (each input once);
#                   exits 1 if one fails. Known crashes the targets skip are
#                   checked too with POSFEE_FUZZ_NO_SKIP=1.
#   --list          print the targets and exit
#
# Prints one line per target: execs, crashes, timeouts, out-of-memory,
# corpus size and peak RSS; exits 1 if any target crashed, timed out or ran
# out of memory (the reproducer is in fuzz/artifacts/<target>/).
#
# Builds with `cargo +nightly fuzz build -O -a -s $FUZZ_SANITIZER`: release,
# debug assertions and overflow checks on. The sanitizer defaults to none:
# posfee-core forbids unsafe code, so AddressSanitizer would only watch the
# dependencies, at about half the speed; set FUZZ_SANITIZER=address for it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/fuzz"
runs="${FUZZ_RUNS:-100000}"
max_time="${FUZZ_MAX_TIME:-0}"
timeout="${FUZZ_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
sanitizer="${FUZZ_SANITIZER:-none}"
cmin=0
record=0
regressions=0
trim_only=0
corpus_kb="${FUZZ_CORPUS_KB:-512}"
build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --max-time) max_time="$2"; shift 2 ;;
    --max-time=*) max_time="${1#*=}"; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    --timeout=*) timeout="${1#*=}"; shift ;;
    --rss-mb) rss_mb="$2"; shift 2 ;;
    --rss-mb=*) rss_mb="${1#*=}"; shift ;;
    --cmin) cmin=1; shift ;;
    --record) record=1; shift ;;
    --no-build) build=0; shift ;;
    --regressions) regressions=1; shift ;;
    --trim) trim_only=1; shift ;;
    --list) awk '/^\[\[bin\]\]/ {b=1; next} b && /^name = / {gsub(/"/, "", $3); print $3; b=0}' "$fuzz/Cargo.toml"; exit 0 ;;
    -h|--help) sed -n '2,34p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

all_targets=(amount time plan calendar holiday_cn contract quote csv statement xlsx diagnose batch_amounts)
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

# Longest input per target (the data-file targets need room for whole files).
max_len() {
  case "$1" in
    amount) echo 12000 ;;
    plan|calendar|holiday_cn) echo 32768 ;;
    csv|batch_amounts) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# Keeps a corpus within $corpus_kb KB: drops its largest inputs first (the
# seeds stay in fuzz/seeds/). Prints how many it dropped.
trim_corpus() {
  python3 - "$1" "$corpus_kb" <<'PY'
import os, sys
d, budget = sys.argv[1], int(sys.argv[2]) * 1024
files = sorted((os.path.getsize(os.path.join(d, f)), f) for f in os.listdir(d))
total, dropped = sum(s for s, _ in files), 0
while files and total > budget:
    size, name = files.pop()
    os.remove(os.path.join(d, name))
    total -= size
    dropped += 1
if dropped:
    print(f"  {os.path.basename(d)}: dropped the {dropped} largest inputs to stay within {budget // 1024} KB")
PY
}

if [ "$trim_only" = 1 ]; then
  for t in "${targets[@]}"; do
    [ -d "$fuzz/corpus/$t" ] && trim_corpus "$fuzz/corpus/$t"
  done
  # The corpus columns of fuzz/RESULTS.md follow.
  [ -f "$fuzz/RESULTS.md" ] && python3 - "$fuzz" "$corpus_kb" "${targets[*]}" <<'PY'
import os, sys, time
fuzz, kb, targets = sys.argv[1], sys.argv[2], sys.argv[3].split()
path = os.path.join(fuzz, "RESULTS.md")
out, note = [], f"Corpora trimmed to at most {kb} KB each (largest inputs dropped) at {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}."
for line in open(path, encoding="utf-8"):
    c = [x.strip() for x in line.strip().strip("|").split("|")]
    if line.startswith("| ") and c[0] in targets and len(c) >= 9:
        d = os.path.join(fuzz, "corpus", c[0])
        files = os.listdir(d)
        c[5], c[6] = str(len(files)), str(sum(os.path.getsize(os.path.join(d, f)) for f in files))
        line = "| " + " | ".join(c) + " |\n"
    if line.startswith("Corpora trimmed to"):
        continue
    out.append(line)
    if line.startswith("Corpus size is after"):
        out.append(note + "\n")
open(path, "w", encoding="utf-8").writelines(out)
PY
  exit 0
fi

# --- tools (idempotent) ------------------------------------------------------
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "installing the nightly toolchain" >&2
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# --- seeds: small hand-made inputs from the repository's own data -------------
# Files are written only where missing (fuzz/seeds/<target>/); structured targets
# (quote, contract, diagnose) start from libFuzzer's own inputs.
seed() {
  python3 - "$root" <<'PY'
import json, os, sys, glob
root = sys.argv[1]
out = os.path.join(root, "fuzz", "seeds")
def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, name)
    if not os.path.exists(p):
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
def cases(name):
    with open(os.path.join(root, "tests", "vectors", name), encoding="utf-8") as f:
        return json.load(f)["cases"]
def walk(v, key):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == key and isinstance(x, str):
                yield x
            yield from walk(x, key)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x, key)
# amounts: every amount text of the vectors, and the forms people type
amounts = []
for c in cases("money.json") + cases("fee.json"):
    amounts += [c["input"]["text"]] if c["op"] == "parse_amount" else list(walk(c["input"], "amount"))
amounts += ["1,000", "１０００", "¥100", " 100 ", "100.", ".5", "1e3", "0x10", "-0", "9" * 40]
amounts = [a for a in amounts if isinstance(a, str)]
for i, a in enumerate(dict.fromkeys(amounts)):
    put("amount", f"seed-{i:03}", a)
# times
times = []
for c in cases("time.json") + cases("settlement.json") + cases("frozen.json"):
    times += list(walk(c["input"], "time")) + list(walk(c["input"], "as_of"))
times += ["9999-12-31T23:59", "2025-03-12T10:00:00.123456789+05:30", "2025-03-12 10:00Z"]
times = [t for t in times if isinstance(t, str)]
for i, t in enumerate(dict.fromkeys(times)):
    put("time", f"seed-{i:03}", t)
def files(target, patterns):
    for pat in patterns:
        for p in sorted(glob.glob(os.path.join(root, pat))):
            name = os.path.relpath(p, root).replace("/", "_")
            with open(p, "rb") as f:
                put(target, name, f.read())
files("plan", ["core/data/plan-*.json", "tests/plans/*.json",
               "tests/schemas/valid/plan-*.json", "tests/schemas/broken/plan-*.json"])
files("calendar", ["core/data/calendar-cn.json", "tests/calendars/*.json",
                   "tests/schemas/valid/calendar-*.json", "tests/schemas/broken/calendar-*.json"])
files("holiday_cn", ["tests/calendars/holiday-cn-*.json", "tests/schemas/valid/holiday-cn-*.json",
                     "tests/schemas/broken/holiday-cn-*.json"])
# csv: byte 0 = number of split points (0 here), then the statement
statements = []
with open(os.path.join(root, "web-demo", "sample-statement.csv"), "rb") as f:
    statements.append(f.read())
for c in cases("audit.json"):
    if "csv" in c["input"]:
        statements.append(c["input"]["csv"].encode("utf-8"))
statements += [
    b"\xef\xbb\xbfid,time,amount,method,wallet,fee_charged\r\nT1,2025-03-12T10:00,10,qr,alipay,0.04\r\n",
    b"id,time,amount,method,wallet,fee_charged\n\"T\"\"1\",2025-03-12T10:00,\"1,000.00\",qr,alipay,3.80\n\"open",
    b"id,time,amount\n",
]
for i, s in enumerate(statements):
    put("csv", f"seed-{i:03}", b"\x00" + s)
    put("csv", f"seed-{i:03}-split", b"\x03\x05\x00\x40\x00\x41\x00" + s)
# xlsx: byte 0 even = a workbook's bytes (the vectors' workbooks); odd = a
# sheet's XML, a 0 byte, a shared-string table's XML
for c in cases("statements.json"):
    if "workbook_hex" in c["input"]:
        put("xlsx", f"seed-{c['id']}", b"\x00" + bytes.fromhex(c["input"]["workbook_hex"]))
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
sheet = (f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>T1</t></is></c><c r="B2"><v>100.5</v></c><c r="C2" s="1"><v>45728.5</v></c></row>'
         '</sheetData></worksheet>')
sst = f'<sst xmlns="{main}" count="2" uniqueCount="2"><si><t>流水号</t></si><si><t>交易金额</t></si></sst>'
put("xlsx", "seed-parts", b"\x01" + sheet.encode() + b"\x00" + sst.encode())
# batch amounts: amount texts, one a line
lines = [a for a in dict.fromkeys(amounts) if "\n" not in a]
put("batch_amounts", "seed-all", "\n".join(lines) + "\n")
put("batch_amounts", "seed-common", "12.5\n3000\n0.01\n5000.00\n99999999.99\n1\n\n2\n")
put("batch_amounts", "seed-digits", "\n".join(str(10 ** k) for k in range(12)))
PY
}
seed

# --- build once --------------------------------------------------------------
triple="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin_dir="$fuzz/target/$triple/release"
src_hash="$(find "$root/core/src" -name '*.rs' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)"
src_commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ "$build" = 1 ]; then
  (cd "$root" && cargo +nightly fuzz build -O -a -s "$sanitizer")
fi

work="$fuzz/work"
mkdir -p "$work"

# --- replay the regressions -----------------------------------------------------
if [ "$regressions" = 1 ]; then
  failed=0
  for t in "${targets[@]}"; do
    dir="$fuzz/regressions/$t"
    [ -d "$dir" ] || continue
    for f in "$dir"/*; do
      [ -f "$f" ] || continue
      case "$f" in *.md) continue ;; esac
      if "$bin_dir/$t" -runs=1 "$f" > "$fuzz/work/replay.log" 2>&1; then
        echo "ok      $t ${f#"$root"/}"
      else
        echo "FAILED  $t ${f#"$root"/}"
        grep -a -m1 -A1 "panicked at" "$fuzz/work/replay.log" | sed 's/^/        /'
        failed=1
      fi
    done
  done
  exit "$failed"
fi

# --- run ---------------------------------------------------------------------
failed=0
rows=()
started="$(date -u +%Y-%m-%dT%H:%MZ)"
stat_of() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }
for t in "${targets[@]}"; do
  bin="$bin_dir/$t"
  [ -x "$bin" ] || { echo "no binary for target $t at $bin (build first)" >&2; exit 2; }
  corpus="$fuzz/corpus/$t"
  seeds="$fuzz/seeds/$t"
  artifacts="$fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts" "$seeds"
  log="$work/$t.log"
  stamp="$work/$t.stamp"
  : > "$stamp"
  t0=$(date +%s)
  set +e
  # One process, one job: libFuzzer's default (-jobs=1 would only move the
  # same single job into a child process).
  cd "$work"
  "$bin" "$corpus" "$seeds" \
    -runs="$runs" -max_total_time="$max_time" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
    -max_len="$(max_len "$t")" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" > "$log" 2>&1
  rc=$?
  set -e
  secs=$(( $(date +%s) - t0 ))
  execs="$(stat_of number_of_executed_units "$log")"
  [ -n "$execs" ] || execs="$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')"
  rss="$(stat_of peak_rss_mb "$log")"
  [ -n "$rss" ] || rss="$(grep -o 'rss: [0-9]*Mb' "$log" | tail -1 | grep -o '[0-9]*')"
  new_since() { find "$artifacts" -maxdepth 1 -name "$1-*" -newer "$stamp" | wc -l; }
  crashes=$(new_since crash); timeouts=$(new_since timeout); ooms=$(new_since oom)
  leaks=$(new_since leak)
  crashes=$((crashes + leaks))
  if [ "$rc" -ne 0 ] && [ $((crashes + timeouts + ooms)) -eq 0 ]; then crashes=1; fi
  if [ "$cmin" = 1 ]; then
    tmp="$work/$t.cmin"
    rm -rf "$tmp"; mkdir -p "$tmp"
    "$bin" -merge=1 -max_len="$(max_len "$t")" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
      "$tmp" "$corpus" "$seeds" > "$work/$t.cmin.log" 2>&1 && {
      rm -rf "$corpus"; mv "$tmp" "$corpus"; }
    trim_corpus "$corpus" >&2
  fi
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  line=$(printf '%-14s execs=%-10s crashes=%s timeouts=%s oom=%s corpus=%s files/%s bytes peak_rss=%sMB time=%ss' \
    "$t" "${execs:-0}" "$crashes" "$timeouts" "$ooms" "$files" "$bytes" "${rss:-?}" "$secs")
  echo "$line"
  rows+=("| $t | ${execs:-0} | $crashes | $timeouts | $ooms | $files | $bytes | ${rss:-?} | $secs |")
  if [ $((crashes + timeouts + ooms)) -gt 0 ]; then
    failed=1
    echo "  $t failed; see $log and $artifacts/" >&2
    grep -m3 -E "panicked at|ERROR: libFuzzer|Test unit written" "$log" | sed 's/^/  /' >&2 || true
  fi
done

if [ "$record" = 1 ]; then
  # A target run again replaces its row; the other rows and their runs stay.
  desc="\`scripts/fuzz.sh --runs $runs --max-time $max_time --timeout $timeout --rss-mb $rss_mb$([ "$cmin" = 1 ] && echo ' --cmin') --record ${targets[*]}\`, finished $(date -u +%Y-%m-%dT%H:%MZ); build \`cargo +nightly fuzz build -O -a -s $sanitizer\` ($(rustc +nightly --version), $(cargo +nightly fuzz --version)); source commit $src_commit with core/src sha256 $src_hash (before the build$([ "$build" = 0 ] && echo '; --no-build: binaries built earlier')); $(nproc) cores, one target at a time, one job each"
  printf '%s\n' "${rows[@]}" > "$work/rows"
  python3 - "$fuzz/RESULTS.md" "$work/rows" "$started" "$desc" "${all_targets[*]}" <<'PY'
import os, sys
path, rows_file, started, desc, order = sys.argv[1:6]
order = order.split()
def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]
rows, runs = {}, {}
if os.path.exists(path):
    old_started, old = None, {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("- started: "):
            old_started = line[len("- started: "):].split(",")[0].strip()
            old["finished"] = line.split("finished:")[-1].strip()
        for k in ("command", "build", "source", "machine"):
            if line.startswith(f"- {k}: "):
                old[k] = line[len(f"- {k}: "):].strip()
        if line.startswith("- run `"):
            rid, _, d = line[len("- run `"):].partition("`: ")
            runs[rid] = d.strip()
        if line.startswith("| ") and not line.startswith("| target") and not line.startswith("|---"):
            c = cells(line)
            if len(c) == 9:
                c.append(old_started or "earlier")
            if len(c) == 10:
                rows[c[0]] = c
    if old_started and old:
        runs.setdefault(old_started, "; ".join(
            (f"finished {old[k]}" if k == "finished" else old[k])
            for k in ("command", "finished", "build", "source", "machine") if k in old))
for line in open(rows_file, encoding="utf-8"):
    if line.strip():
        c = cells(line)
        rows[c[0]] = c + [started]
runs[started] = desc
names = [t for t in order if t in rows] + sorted(t for t in rows if t not in order)
used = [r for r in dict.fromkeys(rows[t][9] for t in names)]
with open(path, "w", encoding="utf-8") as f:
    f.write("# Fuzzing results\n\n")
    f.write("Written by `scripts/fuzz.sh --record`; do not edit by hand. A target run\n")
    f.write("again replaces its row; the other rows keep theirs, with their run.\n\n")
    f.write("| target | execs | crashes | timeouts | oom | corpus files | corpus bytes | peak RSS (MB) | seconds | run |\n")
    f.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
    for t in names:
        f.write("| " + " | ".join(rows[t]) + " |\n")
    f.write("\nCorpus size is after `--cmin` when the run used it.\n\n## Runs\n\n")
    for r in used:
        f.write(f"- run `{r}`: {runs.get(r, '?')}\n")
PY
  echo "wrote fuzz/RESULTS.md"
fi
exit "$failed"
