//! `fangkong` — the command-line face of the rules engine.
//!
//! ```text
//! fangkong check-filing FILE|- [--pack FILE] [--now RFC3339] [--locale zh-CN|zh-TW|en] [--jsonl]
//! fangkong lint-pack FILE [--locale zh-CN|zh-TW|en]
//! ```
//! Exit status: 0 when it answered (whatever the decision), 2 for unusable input.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

/// `eprint!` that never panics: stderr closed (`2>&1 | head`) is not a crash (packs audit).
macro_rules! eprint { ($($t:tt)*) => { { let _ = write!(std::io::stderr(), $($t)*); } } }
macro_rules! eprintln { ($($t:tt)*) => { { let _ = writeln!(std::io::stderr(), $($t)*); } } }

use fangkong::answer::Answer;
use fangkong::engine::MAX_INPUT_BYTES;
use fangkong::time::parse_now;
use fangkong::{
    Diagnostic, Engine, FilingAnswer, IndicatorsAnswer, InspectionAnswer, Locale, Options, ScreeningAnswer, Severity,
};
use rayon::prelude::*;
use serde_json::json;

/// mimalloc, not the system's malloc: an answer is a dozen small allocations, which glibc
/// served slowly (~7 % of the instructions per filing; BENCHMARKS.md). The CLI's only.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Lines of `--jsonl` answered together on every core before they are written, in order.
const JSONL_CHUNK: usize = 1024;

#[path = "fangkong/lint.rs"]
mod lint;
#[path = "fangkong/read.rs"]
mod read;
use read::{InFlight, Line, count_lines, read_lines};
#[path = "fangkong/scope.rs"]
mod scope;
#[path = "fangkong/usage.rs"]
mod usage;
use usage::{say, t, usage};

struct Args {
    command: String,
    input: Option<String>,
    pack: Option<String>,
    pack_id: Option<String>,
    now: Option<String>,
    locale: Option<String>,
    pack_version: Option<String>,
    jsonl: bool,
    scope: Option<Vec<String>>,
    personal: bool,
    on: Option<String>,
    json_schema: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut it = usage::utf8_args()?.into_iter();
    let command = it.next().ok_or_else(|| usage().to_owned())?;
    let mut a = Args {
        command,
        input: None,
        pack: None,
        pack_id: None,
        now: None,
        locale: None,
        pack_version: None,
        jsonl: false,
        scope: None,
        personal: false,
        on: None,
        json_schema: false,
    };
    let mut given: Vec<String> = Vec::new();
    while let Some(arg) = it.next() {
        if arg.starts_with("--") && arg != "--scope" && given.contains(&arg) {
            return Err(t(format!("`{arg}` 给出了两次"), format!("`{arg}` given twice")) + "\n" + usage());
        }
        given.push(arg.clone());
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| t(format!("`{name}` 需要一个值"), format!("`{name}` needs a value")) + "\n" + usage())
        };
        match arg.as_str() {
            "--pack" => a.pack = Some(value("--pack")?),
            "--pack-id" => a.pack_id = Some(value("--pack-id")?),
            "--now" => a.now = Some(value("--now")?),
            "--locale" => a.locale = Some(value("--locale")?),
            "--pack-version" => a.pack_version = Some(value("--pack-version")?),
            "--jsonl" => a.jsonl = true,
            "--personal" => a.personal = true,
            "--scope" => {
                let v = value("--scope")?;
                let pointers = scope::pointers(&v)?;
                a.scope.get_or_insert_with(Vec::new).extend(pointers);
            }
            "--on" => a.on = Some(value("--on")?),
            "--json-schema" => a.json_schema = true,
            "-h" | "--help" => {
                a.command = "--help".to_owned();
                return Ok(a);
            }
            s if s.starts_with("--") => {
                return Err(t(format!("未知的选项 `{s}`"), format!("unknown option `{s}`")) + "\n" + usage());
            }
            s => {
                if a.input.is_some() {
                    return Err(t(format!("多余的命令行参数 `{s}`"), format!("unexpected argument `{s}`"))
                        + "\n"
                        + usage());
                }
                a.input = Some(s.to_owned());
            }
        }
    }
    usage::fits(&a.command, &given, a.input.as_deref(), a.pack.as_deref())?;
    Ok(a)
}

/// A UTF-8 byte order mark: skipped at the start of a file, of standard input and of a JSONL stream.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file, or standard input for `-`, read in large blocks.
fn open(name: &str) -> Result<Box<dyn BufRead + Send>, String> {
    if name == "-" {
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin())))
    } else {
        let file = std::fs::File::open(name)
            .map_err(|e| t(format!("无法读取 `{name}`：{e}"), format!("cannot read `{name}`: {e}")))?;
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }
}

/// The text of a file (or `-`), its BOM skipped. The size limit is checked while reading:
/// past `limit` bytes it stops (having read at most `limit` + 4 bytes) and refuses.
fn read_input(name: &str, limit: usize) -> Result<String, String> {
    read_capped(name, limit)?.ok_or_else(|| {
        t(
            format!("{name}：超过 {limit} 字节 [input.too_large]"),
            format!("{name}: larger than {limit} bytes [input.too_large]"),
        )
    })
}

/// A pack file, read as `read_input` reads it; past `MAX_PACK_BYTES`, the library's error.
fn read_pack(name: &str) -> Result<Result<String, fangkong::PackErrors>, String> {
    Ok(read_capped(name, fangkong::pack::MAX_PACK_BYTES)?.ok_or_else(fangkong::pack::too_large))
}

/// [`read_input`]'s text, or `None` past `limit`.
fn read_capped(name: &str, limit: usize) -> Result<Option<String>, String> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit.saturating_add(BOM.len() + 1)).unwrap_or(u64::MAX);
    open(name)?
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| t(format!("无法读取 `{name}`：{e}"), format!("cannot read `{name}`: {e}")))?;
    let bom = bytes.starts_with(BOM);
    if bom {
        bytes.drain(..BOM.len());
    }
    if bytes.len() > limit {
        return Ok(None);
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..at).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        // Counted in the file, its BOM too (server audit, thirty-eighth session: 3 short).
        let byte = 1 + at + if bom { BOM.len() } else { 0 };
        t(
            format!("{name}：不是 UTF-8 文本（第 {line} 行，文件的第 {byte} 个字节）[input.not_utf8]"),
            format!("{name}: not UTF-8 text (line {line}, byte {byte} of the file) [input.not_utf8]"),
        )
    })
}

fn options(a: &Args) -> Result<Options, String> {
    let now = match &a.now {
        Some(s) => parse_now(s).map_err(|e| t(e.zh(), e.to_string()))?,
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| t(format!("系统时钟：{e}"), format!("system clock: {e}")))?
                .as_secs();
            let utc = chrono::DateTime::from_timestamp(i64::try_from(secs).map_err(|e| e.to_string())?, 0)
                .ok_or_else(|| t("系统时钟超出范围", "system clock out of range"))?;
            utc.fixed_offset()
        }
    };
    Ok(Options {
        now,
        locale: locale(a),
        pack_version: a.pack_version.clone(),
        scope: a.scope.clone(),
        personal: a.personal,
        budget: fangkong::budget::WORK_BUDGET,
    })
}

/// The nearest locale to `--locale` (unknown and regional tags fall back, never an error).
fn locale(a: &Args) -> Locale {
    a.locale.as_deref().map_or(Locale::ZhCn, Locale::negotiate)
}

fn describe(a: &Args) -> Result<ExitCode, String> {
    let name =
        a.input.as_deref().ok_or_else(|| t("describe 需要一个种类", "describe needs a KIND") + "\n" + usage())?;
    let kind = fangkong::describe::kind(name).ok_or_else(|| {
        t(
            format!("未知的种类 `{name}`；请用 filing、inspection、indicators 或 screening"),
            format!("unknown kind `{name}`; use filing, inspection, indicators or screening"),
        )
    })?;
    let on = a.on.as_deref().map(usage::on_day).transpose()?;
    let engine = engine(a)?;
    let v = if a.json_schema {
        engine.input_schema(kind, locale(a), a.pack_version.as_deref(), on)?
    } else {
        engine.describe(kind, locale(a), a.pack_version.as_deref(), on)?
    };
    say(&serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?)?;
    Ok(ExitCode::SUCCESS)
}

fn engine(a: &Args) -> Result<Engine, String> {
    let engine = match (&a.pack, &a.pack_id) {
        (Some(_), Some(_)) => {
            return Err(t("请给出 `--pack` 或 `--pack-id`，不要同时给出", "give `--pack` or `--pack-id`, not both"));
        }
        (Some(p), None) => {
            read_pack(p)?.and_then(|text| Engine::from_pack_json(&text)).map_err(|e| lint::listed(p, &e, locale(a)))?
        }
        // The embedded packs as build.rs compiled them: nothing parsed or compiled at start.
        (None, Some(id)) => Engine::precompiled(id).map_err(|e| lint::listed("--pack-id", &e, locale(a)))?,
        (None, None) => {
            Engine::precompiled("shenzhen-2020").map_err(|e| lint::listed("shenzhen-2020", &e, locale(a)))?
        }
    };
    if let Some(v) = &a.pack_version
        && !engine.packs().any(|p| p.stamp.version == *v)
    {
        let have: Vec<&str> = engine.packs().map(|p| p.stamp.version.as_str()).collect();
        let (id, have) = (&engine.pack().stamp.id, have.join(", "));
        return Err(t(
            format!("`{id}` 没有版本 `{v}`；版本：{have}"),
            format!("no version `{v}` of `{id}`; versions: {have}"),
        ));
    }
    Ok(engine)
}

/// What a subcommand judges.
#[derive(Clone, Copy)]
enum Kind {
    Filing,
    Inspection,
    Indicators,
    Screening,
}

/// An answer as JSON text, with its unusable-input diagnostic when it has one.
struct Answered {
    json: String,
    unusable: Option<Diagnostic>,
}

fn out<A: Answer>(a: &A, pretty: bool) -> Result<Answered, String> {
    let json = if pretty { serde_json::to_string_pretty(a) } else { serde_json::to_string(a) };
    let unusable = if a.is_unusable() { a.diagnostics().first().cloned() } else { None };
    Ok(Answered { json: json.map_err(|e| e.to_string())?, unusable })
}

fn answer(engine: &Engine, kind: Kind, text: &str, opts: &Options, pretty: bool) -> Result<Answered, String> {
    match kind {
        // Compact filing answers are written straight as JSON text (the same bytes).
        Kind::Filing if !pretty => {
            let a = engine.check_filing_json(text, opts);
            let mut json = String::with_capacity(1024);
            a.write_json(&mut json);
            Ok(Answered { json, unusable: if a.is_unusable() { a.diagnostics.first().cloned() } else { None } })
        }
        Kind::Filing => out(&engine.check_filing_json(text, opts), pretty),
        Kind::Inspection => out(&engine.score_inspection_json(text, opts), pretty),
        Kind::Indicators => out(&engine.evaluate_indicators_json(text, opts), pretty),
        Kind::Screening => out(&engine.screen_person_json(text, opts), pretty),
    }
}

/// The answer for a JSONL line the CLI cannot hand to the engine as text (`input.not_utf8`,
/// `input.too_large`): the engine's own unusable answer, one diagnostic at the root, by the
/// version in force today or `--pack-version` (fourth audit: not the latest version).
fn unusable(
    engine: &Engine,
    kind: Kind,
    code: &str,
    params: serde_json::Value,
    opts: &Options,
) -> Result<Answered, String> {
    let mut answered = match kind {
        Kind::Filing => out(&engine.unusable::<FilingAnswer>(code, params, opts), false),
        Kind::Inspection => out(&engine.unusable::<InspectionAnswer>(code, params, opts), false),
        Kind::Indicators => out(&engine.unusable::<IndicatorsAnswer>(code, params, opts), false),
        Kind::Screening => out(&engine.unusable::<ScreeningAnswer>(code, params, opts), false),
    }?;
    if answered.unusable.is_none() {
        // `Answer::is_unusable` knows the engine's own codes; this one is unusable too.
        answered.unusable = Some(Diagnostic::engine(code, Severity::Error, String::new(), serde_json::Value::Null));
    }
    Ok(answered)
}

/// Write one JSONL answer and its newline: `"line"` (1-based, blank lines counted) is its first key, followed by
/// the answer's own keys exactly as in single-submission mode.
fn write_with_line(out: &mut impl Write, json: &str, no: usize) -> std::io::Result<()> {
    match json.strip_prefix('{') {
        Some(rest) => {
            out.write_all(b"{\"line\":")?;
            out.write_all(itoa::Buffer::new().format(no as u64).as_bytes())?;
            out.write_all(b",")?;
            out.write_all(rest.as_bytes())?;
        }
        None => out.write_all(json.as_bytes())?,
    }
    out.write_all(b"\n")
}

fn progress(done: usize, total: Option<usize>) {
    match total {
        Some(t) if t > 0 => {
            let width = 30;
            let filled = (done * width / t).min(width);
            eprint!("\r[{}{}] {done}/{t}", "#".repeat(filled), " ".repeat(width - filled));
        }
        _ => eprint!("{}", t(format!("\r已答复 {done} 份"), format!("\r{done} answered"))),
    }
}

fn run(a: &Args, kind: Kind, name: &str) -> Result<ExitCode, String> {
    let input = a.input.as_deref().ok_or_else(|| {
        t(format!("{name} 需要一个文件或 `-`"), format!("{name} needs a FILE or `-`")) + "\n" + usage()
    })?;
    let opts = options(a)?;
    let engine = engine(a)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !a.jsonl {
        let text = read_input(input, MAX_INPUT_BYTES)?;
        let answered = answer(&engine, kind, &text, &opts, true)?;
        if let Some(d) = answered.unusable.filter(|d| d.code == "input.not_json") {
            let at = |k: &str| d.params.get(k).and_then(serde_json::Value::as_u64).unwrap_or_default();
            let (line, column) = (at("line"), at("column"));
            return Err(t(
                format!("{input}：不是 JSON（第 {line} 行，第 {column} 列）[input.not_json]"),
                format!("{input}: not JSON (line {line}, column {column}) [input.not_json]"),
            ));
        }
        writeln!(out, "{}", answered.json).map_err(usage::io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let show = std::io::stderr().is_terminal();
    let total = if show && input != "-" { count_lines(input) } else { None };
    let source = open(input)?;
    // A reader thread reads the input as bytes and numbers its lines; the answers are computed
    // a chunk at a time on every core (rayon) and written in input order before the next
    // chunk, so the output is the same bytes as one line after another. Memory stays bounded:
    // a line past the limit is never kept, and the reader waits while more than
    // JSONL_IN_FLIGHT bytes of lines are unanswered. A chunk is whatever has arrived (up to
    // JSONL_CHUNK lines): a caller feeding one line and waiting gets its answer at once.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, std::io::Result<Line>)>(4 * JSONL_CHUNK);
    let in_flight = std::sync::Arc::new(InFlight::default());
    let reader_flight = std::sync::Arc::clone(&in_flight);
    std::thread::spawn(move || read_lines(source, &tx, &reader_flight));
    let mut out = std::io::BufWriter::new(out);
    let mut unusable_lines = 0usize;
    let mut n = 0usize;
    while let Ok(first) = rx.recv() {
        let mut chunk: Vec<(usize, Line)> = Vec::with_capacity(JSONL_CHUNK);
        let mut next = Some(first);
        // A read error ends the input, after the lines before it are answered (audit: they were lost).
        let mut failed = None;
        while let Some((no, line)) = next {
            match line {
                Ok(line) => chunk.push((no, line)),
                Err(e) => failed = Some(t(format!("{input}：第 {no} 行：{e}"), format!("{input}: line {no}: {e}"))),
            }
            next = if chunk.len() < JSONL_CHUNK && failed.is_none() { rx.try_recv().ok() } else { None };
        }
        let answers: Vec<Result<Answered, String>> = chunk
            .par_iter()
            .map(|(_, line)| match line {
                Line::Text(text) => answer(&engine, kind, text, &opts, false),
                Line::NotUtf8(byte) => unusable(&engine, kind, "input.not_utf8", json!({ "byte": byte }), &opts),
                Line::TooLarge => {
                    unusable(&engine, kind, "input.too_large", json!({ "maxBytes": MAX_INPUT_BYTES }), &opts)
                }
            })
            .collect();
        in_flight.remove(chunk.iter().map(|(_, l)| l.size()).sum());
        for ((no, _), answered) in chunk.iter().zip(answers) {
            let answered = answered?;
            n += 1;
            if let Some(d) = &answered.unusable {
                unusable_lines += 1;
                // In the CLI's language, as every other line it writes (CLI audit, 35th session).
                let code = &d.code;
                let said = t(
                    format!("{input}：第 {no} 行：输入无法使用 [{code}]（已以诊断答复）"),
                    format!("{input}: line {no}: unusable input [{code}] (answered with a diagnostic)"),
                );
                eprintln!("{}{said}", if show { "\r" } else { "" });
            }
            write_with_line(&mut out, &answered.json, *no).map_err(usage::io)?;
            if show && (n.is_multiple_of(50) || Some(n) == total) {
                progress(n, total);
            }
        }
        out.flush().map_err(usage::io)?;
        if let Some(e) = failed {
            return Err(e);
        }
    }
    if show && n > 0 {
        progress(n, total);
        eprintln!();
    }
    Ok(if unusable_lines > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|a| match a.command.as_str() {
        "check-filing" => run(&a, Kind::Filing, "check-filing"),
        "score-inspection" => run(&a, Kind::Inspection, "score-inspection"),
        "indicators" => run(&a, Kind::Indicators, "indicators"),
        "screen" => run(&a, Kind::Screening, "screen"),
        "lint-pack" => lint::lint_pack(&a),
        "describe" => describe(&a),
        "--version" | "version" => say(&format!("fangkong {}", env!("CARGO_PKG_VERSION"))).map(|()| ExitCode::SUCCESS),
        "--help" | "-h" | "help" => say(usage()).map(|()| ExitCode::SUCCESS),
        other => Err(t(format!("未知的命令 `{other}`"), format!("unknown command `{other}`")) + "\n" + usage()),
    });
    match result {
        Ok(code) => code,
        Err(msg) if msg.is_empty() => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("fangkong: {msg}");
            ExitCode::from(2)
        }
    }
}
