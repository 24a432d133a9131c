//! The command line's usage text, and its one way of writing to standard output.

use std::io::Write;

pub const USAGE: &str = "usage:
  fangkong check-filing FILE|-      [OPTIONS]   a return-to-work filing (复工备案)
  fangkong score-inspection FILE|-  [OPTIONS]   an inspection (六必须检查 / 六必须明确)
  fangkong indicators FILE|-        [OPTIONS]   a daily report of the community indicators (五个100%)
  fangkong screen FILE|-            [OPTIONS]   a personal screening declaration
  fangkong describe KIND             [OPTIONS]   the form of filing|inspection|indicators|screening, from the pack
  fangkong lint-pack FILE           [--locale]  a rule pack's mistakes, at their JSON Pointers
  fangkong --version | --help
exit status: 0 when it answered (whatever the decision), 2 for unusable input or arguments
options:
  --now RFC3339            the moment of checking (default: the system clock); today is its CST day
  --locale zh-CN|zh-TW|en  language of messages and of a pack's mistakes (default zh-CN;
                           a pack's mistakes are told in zh-CN for zh-TW)
  --pack FILE              a rule pack (or an array of versions) instead of the embedded shenzhen-2020
  --pack-id ID             an embedded pack family: shenzhen-2020, guangming-2020, hangzhou-2020
  --pack-version V         judge with this version instead of the one in force on the submission's date
  --jsonl                  one submission per line in, one answer per line out, in the same order,
                           each starting with its line number: {\"line\":N,…}; lines are read as
                           bytes (not UTF-8: input.not_utf8; over 4 MiB: input.too_large);
                           uses every core (RAYON_NUM_THREADS=N to use fewer)
  --personal               give back the normalised values of personal fields (names, phones,
                           ID numbers) in `normalized` too; left out by default
  --scope POINTER          progressive checking: a field or section reached (repeat, or comma-separated,
                           or a JSON array as the npm package's `scope`: `--scope '[]'` is nothing
                           reached yet, `--scope \"\"` the whole submission); missing values outside
                           the scope are held back and counted in `pending`
  --on DATE                describe: the version in force on DATE (default: the latest)
  --json-schema            describe: a JSON Schema (2020-12) of the input instead";

/// `text` and a newline on standard output, flushed: a closed or full output is an error the
/// caller reports (exit 2), never a panic as `println!` would make it (fourteenth session audit:
/// `describe > /dev/full` panicked).
pub fn say(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").and_then(|()| out.flush()).map_err(|e| e.to_string())
}

/// Whether the options `given` mean something for `command`: an option another command takes
/// is refused rather than silently ignored (audit: `describe --jsonl --now garbage` and
/// `check-filing --json-schema` ran without a word), and so is standard input read twice.
pub fn fits(command: &str, given: &[String], input: Option<&str>, pack: Option<&str>) -> Result<(), String> {
    const JUDGE: &[&str] =
        &["--pack", "--pack-id", "--now", "--locale", "--pack-version", "--jsonl", "--personal", "--scope"];
    const DESCRIBE: &[&str] = &["--pack", "--pack-id", "--locale", "--pack-version", "--on", "--json-schema"];
    let takes: &[&str] = match command {
        "check-filing" | "score-inspection" | "indicators" | "screen" => JUDGE,
        "describe" => DESCRIBE,
        "lint-pack" => &["--locale"],
        _ => return Ok(()),
    };
    if let Some(o) = given.iter().find(|o| o.starts_with("--") && !takes.contains(&o.as_str())) {
        return Err(format!("`{o}` does not apply to `{command}`\n{USAGE}"));
    }
    if input == Some("-") && pack == Some("-") {
        return Err("`--pack -` and the input `-` would both read standard input: give the pack as a file".into());
    }
    Ok(())
}

/// Every argument but the program's, as text: one that is not UTF-8 is refused, exit status 2
/// (hostile audit, thirty-second session: `std::env::args` panicked, exit 101). A file whose name
/// is not UTF-8 can be given on standard input (`-`).
pub fn utf8_args() -> Result<Vec<String>, String> {
    std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string().map_err(|a| {
                format!("argument `{}` is not UTF-8 (a file of that name can be read from `-`)\n{USAGE}", a.display())
            })
        })
        .collect()
}
