//! `fangkong` — the command-line face of the rules engine.
//!
//! ```text
//! fangkong check-filing FILE|- [--pack FILE] [--now RFC3339] [--locale zh-CN|zh-TW|en] [--jsonl]
//! fangkong lint-pack FILE
//! ```
//! Exit status: 0 when it answered (whatever the decision), 2 for unusable input.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use fangkong::answer::Answer;
use fangkong::time::parse_now;
use fangkong::{Engine, Locale, Options};
use rayon::prelude::*;

/// Lines of `--jsonl` answered together on every core before they are written, in order.
const JSONL_CHUNK: usize = 1024;

const USAGE: &str = "usage:
  fangkong check-filing FILE|-      [OPTIONS]   a return-to-work filing (复工备案)
  fangkong score-inspection FILE|-  [OPTIONS]   an inspection (六必须检查 / 六必须明确)
  fangkong indicators FILE|-        [OPTIONS]   a daily report of the community indicators (五个100%)
  fangkong screen FILE|-            [OPTIONS]   a personal screening declaration
  fangkong describe KIND             [OPTIONS]   the form of filing|inspection|indicators|screening, from the pack
  fangkong lint-pack FILE
  fangkong --version
options:
  --now RFC3339            the moment of checking (default: the system clock); today is its CST day
  --locale zh-CN|zh-TW|en  language of messages (default zh-CN)
  --pack FILE              a rule pack (or an array of versions) instead of the embedded shenzhen-2020
  --pack-id ID             an embedded pack family: shenzhen-2020, guangming-2020, hangzhou-2020
  --pack-version V         judge with this version instead of the one in force on the submission's date
  --jsonl                  one submission per line in, one answer per line out, in the same order;
                           uses every core (RAYON_NUM_THREADS=N to use fewer)
  --scope POINTER          progressive checking: a field or section reached (repeat, or comma-separated);
                           missing values outside the scope are held back and counted in `pending`
  --on DATE                describe: the version in force on DATE (default: the latest)
  --json-schema            describe: a JSON Schema (2020-12) of the input instead";

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
    on: Option<String>,
    json_schema: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or_else(|| USAGE.to_owned())?;
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
        on: None,
        json_schema: false,
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("`{name}` needs a value\n{USAGE}"));
        match arg.as_str() {
            "--pack" => a.pack = Some(value("--pack")?),
            "--pack-id" => a.pack_id = Some(value("--pack-id")?),
            "--now" => a.now = Some(value("--now")?),
            "--locale" => a.locale = Some(value("--locale")?),
            "--pack-version" => a.pack_version = Some(value("--pack-version")?),
            "--jsonl" => a.jsonl = true,
            "--scope" => {
                let v = value("--scope")?;
                a.scope.get_or_insert_with(Vec::new).extend(v.split(',').map(str::to_owned));
            }
            "--on" => a.on = Some(value("--on")?),
            "--json-schema" => a.json_schema = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s => {
                if a.input.is_some() {
                    return Err(format!("unexpected argument `{s}`\n{USAGE}"));
                }
                a.input = Some(s.to_owned());
            }
        }
    }
    Ok(a)
}

fn read_input(name: &str) -> Result<String, String> {
    if name == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(name).map_err(|e| format!("cannot read `{name}`: {e}"))
    }
}

fn options(a: &Args) -> Result<Options, String> {
    let now = match &a.now {
        Some(s) => parse_now(s)?,
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| format!("system clock: {e}"))?
                .as_secs();
            let utc = chrono::DateTime::from_timestamp(i64::try_from(secs).map_err(|e| e.to_string())?, 0)
                .ok_or("system clock out of range")?;
            utc.fixed_offset()
        }
    };
    Ok(Options { now, locale: locale(a), pack_version: a.pack_version.clone(), scope: a.scope.clone() })
}

/// The nearest locale to `--locale` (unknown and regional tags fall back, never an error).
fn locale(a: &Args) -> Locale {
    a.locale.as_deref().map_or(Locale::ZhCn, Locale::negotiate)
}

fn describe(a: &Args) -> Result<ExitCode, String> {
    let name = a.input.as_deref().ok_or_else(|| format!("describe needs a KIND\n{USAGE}"))?;
    let kind = fangkong::describe::kind(name)
        .ok_or_else(|| format!("unknown kind `{name}`; use filing, inspection, indicators or screening"))?;
    let on = match &a.on {
        Some(d) => {
            Some(fangkong::time::parse_iso_date(d).ok_or_else(|| format!("`--on {d}` is not a date YYYY-MM-DD"))?)
        }
        None => None,
    };
    let engine = engine(a)?;
    let v = if a.json_schema {
        engine.input_schema(kind, locale(a), a.pack_version.as_deref(), on)?
    } else {
        engine.describe(kind, locale(a), a.pack_version.as_deref(), on)?
    };
    println!("{}", serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

fn engine(a: &Args) -> Result<Engine, String> {
    let engine = match (&a.pack, &a.pack_id) {
        (Some(_), Some(_)) => return Err("give `--pack` or `--pack-id`, not both".into()),
        (Some(p), None) => Engine::from_pack_json(&read_input(p)?)
            .map_err(|e| e.0.iter().map(|x| format!("{p}: {x}")).collect::<Vec<_>>().join("\n"))?,
        (None, Some(id)) => Engine::with_pack_id(id).map_err(|e| e.to_string())?,
        (None, None) => Engine::with_default_pack().map_err(|e| e.to_string())?,
    };
    if let Some(v) = &a.pack_version
        && !engine.packs().any(|p| p.stamp.version == *v)
    {
        let have: Vec<&str> = engine.packs().map(|p| p.stamp.version.as_str()).collect();
        return Err(format!("no version `{v}` of `{}`; versions: {}", engine.pack().stamp.id, have.join(", ")));
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

fn answer(engine: &Engine, kind: Kind, text: &str, opts: &Options, pretty: bool) -> Result<(String, bool), String> {
    fn out<A: Answer>(a: &A, pretty: bool) -> Result<(String, bool), String> {
        let json = if pretty { serde_json::to_string_pretty(a) } else { serde_json::to_string(a) };
        Ok((json.map_err(|e| e.to_string())?, a.is_unusable()))
    }
    match kind {
        Kind::Filing => out(&engine.check_filing_json(text, opts), pretty),
        Kind::Inspection => out(&engine.score_inspection_json(text, opts), pretty),
        Kind::Indicators => out(&engine.evaluate_indicators_json(text, opts), pretty),
        Kind::Screening => out(&engine.screen_person_json(text, opts), pretty),
    }
}

fn progress(done: usize, total: Option<usize>) {
    match total {
        Some(t) if t > 0 => {
            let width = 30;
            let filled = (done * width / t).min(width);
            eprint!("\r[{}{}] {done}/{t}", "#".repeat(filled), " ".repeat(width - filled));
        }
        _ => eprint!("\r{done} answered"),
    }
}

fn run(a: &Args, kind: Kind, name: &str) -> Result<ExitCode, String> {
    let input = a.input.as_deref().ok_or_else(|| format!("{name} needs a FILE or `-`\n{USAGE}"))?;
    let opts = options(a)?;
    let engine = engine(a)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !a.jsonl {
        let text = read_input(input)?;
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            return Err(format!("{input}: not JSON: {e}"));
        }
        let (json, _) = answer(&engine, kind, &text, &opts, true)?;
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let show = std::io::stderr().is_terminal();
    let text = if input == "-" { None } else { Some(read_input(input)?) };
    let total = text.as_ref().map(|t| t.lines().filter(|l| !l.trim().is_empty()).count());
    // A reader thread numbers the lines; the answers are computed a chunk at a time on every
    // core (rayon) and written in input order before the next chunk, so the output is the same
    // bytes as one line after another and memory stays bounded. A chunk is whatever has arrived
    // (up to JSONL_CHUNK lines): a caller feeding one line and waiting gets its answer at once.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, std::io::Result<String>)>(4 * JSONL_CHUNK);
    std::thread::spawn(move || match text {
        None => {
            for (i, line) in std::io::stdin().lines().enumerate() {
                if tx.send((i + 1, line)).is_err() {
                    break;
                }
            }
        }
        Some(text) => {
            for (i, line) in text.lines().enumerate() {
                if tx.send((i + 1, Ok(line.to_owned()))).is_err() {
                    break;
                }
            }
        }
    });
    let mut out = std::io::BufWriter::new(out);
    let mut unusable = 0usize;
    let mut n = 0usize;
    while let Ok(first) = rx.recv() {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(JSONL_CHUNK);
        let mut next = Some(first);
        while let Some((no, line)) = next {
            let line = line.map_err(|e| format!("{input}: line {no}: {e}"))?;
            if !line.trim().is_empty() {
                chunk.push((no, line));
            }
            next = if chunk.len() < JSONL_CHUNK { rx.try_recv().ok() } else { None };
        }
        let answers: Vec<Result<(String, bool), String>> =
            chunk.par_iter().map(|(_, line)| answer(&engine, kind, line, &opts, false)).collect();
        for ((no, _), answered) in chunk.iter().zip(answers) {
            let (json, bad) = answered?;
            n += 1;
            if bad {
                unusable += 1;
                eprintln!(
                    "{}{input}: line {no}: unusable input (answered with a diagnostic)",
                    if show { "\r" } else { "" }
                );
            }
            writeln!(out, "{json}").map_err(|e| e.to_string())?;
            if show && (n.is_multiple_of(50) || Some(n) == total) {
                progress(n, total);
            }
        }
        out.flush().map_err(|e| e.to_string())?;
    }
    if show && n > 0 {
        progress(n, total);
        eprintln!();
    }
    Ok(if unusable > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn lint_pack(a: &Args) -> Result<ExitCode, String> {
    let file = a.input.as_deref().ok_or_else(|| format!("lint-pack needs a FILE\n{USAGE}"))?;
    let text = read_input(file)?;
    match Engine::from_pack_json(&text) {
        Ok(e) => {
            let info = e.pack_info();
            let mut unlabelled = 0usize;
            for p in e.packs() {
                for (locale, key) in fangkong::describe::missing_labels(p) {
                    unlabelled += 1;
                    eprintln!(
                        "{file}: `/labels/{}`: no label for `{key}` ({} {}) [pack.missing_label]",
                        locale.tag(),
                        info.id,
                        p.stamp.version
                    );
                }
            }
            if unlabelled > 0 {
                return Ok(ExitCode::from(2));
            }
            for p in e.packs() {
                println!(
                    "ok: {} {} {} ({} rules, in force from {})",
                    info.id,
                    p.stamp.version,
                    p.stamp.hash,
                    p.rules.len(),
                    p.effective_from
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{file}: {e} [{}]", e.kind.code());
            }
            Ok(ExitCode::from(2))
        }
    }
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|a| match a.command.as_str() {
        "check-filing" => run(&a, Kind::Filing, "check-filing"),
        "score-inspection" => run(&a, Kind::Inspection, "score-inspection"),
        "indicators" => run(&a, Kind::Indicators, "indicators"),
        "screen" => run(&a, Kind::Screening, "screen"),
        "lint-pack" => lint_pack(&a),
        "describe" => describe(&a),
        "--version" | "version" => {
            println!("fangkong {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    });
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("fangkong: {msg}");
            ExitCode::from(2)
        }
    }
}
