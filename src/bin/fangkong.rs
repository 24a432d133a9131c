//! `fangkong` — the command-line face of the rules engine.
//!
//! ```text
//! fangkong check-filing FILE|- [--pack FILE] [--now RFC3339] [--locale zh-CN|zh-TW|en] [--jsonl]
//! fangkong lint-pack FILE
//! ```
//! Exit status: 0 when it answered (whatever the decision), 2 for unusable input.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use fangkong::time::parse_now;
use fangkong::{Engine, Locale, Options};

const USAGE: &str = "usage:
  fangkong check-filing FILE|- [--pack FILE] [--now RFC3339] [--locale zh-CN|zh-TW|en] [--jsonl]
  fangkong lint-pack FILE
  fangkong --version";

struct Args {
    command: String,
    input: Option<String>,
    pack: Option<String>,
    now: Option<String>,
    locale: Option<String>,
    pack_version: Option<String>,
    jsonl: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or_else(|| USAGE.to_owned())?;
    let mut a = Args { command, input: None, pack: None, now: None, locale: None, pack_version: None, jsonl: false };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("`{name}` needs a value\n{USAGE}"));
        match arg.as_str() {
            "--pack" => a.pack = Some(value("--pack")?),
            "--now" => a.now = Some(value("--now")?),
            "--locale" => a.locale = Some(value("--locale")?),
            "--pack-version" => a.pack_version = Some(value("--pack-version")?),
            "--jsonl" => a.jsonl = true,
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
    let locale = match &a.locale {
        Some(tag) => Locale::parse(tag).ok_or_else(|| format!("unknown locale `{tag}`; use zh-CN, zh-TW or en"))?,
        None => Locale::ZhCn,
    };
    Ok(Options { now, locale, pack_version: a.pack_version.clone() })
}

fn engine(a: &Args) -> Result<Engine, String> {
    match &a.pack {
        Some(p) => Engine::from_pack_json(&read_input(p)?)
            .map_err(|e| e.0.iter().map(|x| format!("{p}: {x}")).collect::<Vec<_>>().join("\n")),
        None => Engine::with_default_pack().map_err(|e| e.to_string()),
    }
}

fn check_filing(a: &Args) -> Result<ExitCode, String> {
    let input = a.input.as_deref().ok_or_else(|| format!("check-filing needs a FILE or `-`\n{USAGE}"))?;
    let opts = options(a)?;
    let engine = engine(a)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !a.jsonl {
        let text = read_input(input)?;
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
            return Err(format!("{input}: not JSON: {e}"));
        }
        let answer = engine.check_filing_json(&text, &opts);
        let json = serde_json::to_string_pretty(&answer).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let reader: Box<dyn BufRead> = if input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(input).map_err(|e| format!("cannot read `{input}`: {e}"))?,
        ))
    };
    let progress = std::io::stderr().is_terminal();
    let mut unusable = 0usize;
    let mut n = 0usize;
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{input}: line {}: {e}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let answer = engine.check_filing_json(&line, &opts);
        if answer.diagnostics.iter().any(|d| d.code == "input.not_json" || d.code == "input.too_large") {
            unusable += 1;
            eprintln!("{input}: line {}: unusable input (answered with a diagnostic)", i + 1);
        }
        let json = serde_json::to_string(&answer).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
        if progress && n.is_multiple_of(100) {
            eprint!("\rchecked {n} filings");
        }
    }
    if progress && n >= 100 {
        eprintln!("\rchecked {n} filings");
    }
    Ok(if unusable > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn lint_pack(a: &Args) -> Result<ExitCode, String> {
    let file = a.input.as_deref().ok_or_else(|| format!("lint-pack needs a FILE\n{USAGE}"))?;
    let text = read_input(file)?;
    match Engine::from_pack_json(&text) {
        Ok(e) => {
            let info = e.pack_info();
            println!("ok: {} {} {} ({} rules)", info.id, info.version, info.hash, e.pack().rules.len());
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
        "check-filing" => check_filing(&a),
        "lint-pack" => lint_pack(&a),
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
