//! Reading `--jsonl`: lines as bytes, numbered, each kept up to the size limit, with the bytes
//! in flight bounded; and the count of lines for the progress bar.

use std::io::BufRead;

use fangkong::engine::MAX_INPUT_BYTES;

use super::{BOM, open};

/// A non-blank JSONL line, as read.
pub(super) enum Line {
    /// UTF-8 text of at most [`MAX_INPUT_BYTES`] bytes (its `\r` and its BOM removed).
    Text(String),
    /// Not UTF-8: the 1-based position of the first byte that is not.
    NotUtf8(usize),
    /// Longer than [`MAX_INPUT_BYTES`]: the rest of it was read and discarded, never kept.
    TooLarge,
}

impl Line {
    /// Bytes it holds in memory.
    pub(super) fn size(&self) -> usize {
        match self {
            Line::Text(t) => t.len(),
            Line::NotUtf8(_) | Line::TooLarge => 0,
        }
    }
}

/// Bytes of JSONL lines read but not yet answered: the reader waits while more are in flight.
const JSONL_IN_FLIGHT: usize = 64 * 1024 * 1024;

/// Bytes of lines in flight between the reader and the writer, and a wake-up when they drop.
#[derive(Default)]
pub(super) struct InFlight {
    bytes: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
}

impl InFlight {
    pub(super) fn add(&self, n: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while *bytes > 0 && *bytes + n > JSONL_IN_FLIGHT {
            bytes = self.freed.wait(bytes).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *bytes += n;
    }

    pub(super) fn remove(&self, n: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *bytes = bytes.saturating_sub(n);
        self.freed.notify_all();
    }
}

/// A line read by [`next_line`]: whole within `cap`, or longer, and then whether the part past
/// `cap` (read and discarded) held more than JSON's whitespace.
#[derive(Clone, Copy)]
enum LineRead {
    Whole,
    Over { text_past_cap: bool },
}

/// Read the next line as bytes into `buf` (without its `\n`), keeping at most `cap` bytes of it;
/// the rest of a longer line is read and discarded. `Ok(None)` at the end of the input.
fn next_line(source: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Option<LineRead>> {
    buf.clear();
    let (mut over, mut text_past_cap) = (false, false);
    let mut any = false;
    let read = |over: bool, text_past_cap: bool| if over { LineRead::Over { text_past_cap } } else { LineRead::Whole };
    loop {
        let (used, done) = {
            let chunk = match source.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any.then(|| read(over, text_past_cap)));
            }
            any = true;
            let (len, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = cap.saturating_sub(buf.len());
            over |= len > room;
            let (kept, past) = chunk.get(..len).unwrap_or_default().split_at(len.min(room));
            buf.extend_from_slice(kept);
            text_past_cap = text_past_cap || !past.iter().all(|&b| fangkong::num::json_space(b));
            (len + usize::from(done), done)
        };
        source.consume(used);
        if done {
            return Ok(Some(read(over, text_past_cap)));
        }
    }
}

/// Read JSONL from `source` and send each non-blank line with its 1-based number, in order.
/// Nothing stops it but the end of the input, a read error (sent as the last item) or the
/// receiver hanging up: a line that is not UTF-8 or too large is sent as such.
pub(super) fn read_lines(
    mut source: Box<dyn BufRead + Send>,
    tx: &std::sync::mpsc::SyncSender<(usize, std::io::Result<Line>)>,
    in_flight: &InFlight,
) {
    let mut buf = Vec::new();
    let cap = MAX_INPUT_BYTES + BOM.len() + 1; // a BOM at the start and a `\r` at the end still fit
    let mut no = 0usize;
    loop {
        let over = match next_line(source.as_mut(), &mut buf, cap) {
            // A line of whitespace only, however long, is blank (server audit, thirty-eighth
            // session: past 4 MiB it was answered input.too_large).
            Ok(Some(LineRead::Over { text_past_cap: false })) if buf.iter().all(|&b| fangkong::num::json_space(b)) => {
                no += 1;
                continue;
            }
            Ok(Some(read)) => matches!(read, LineRead::Over { .. }),
            Ok(None) => return,
            Err(e) => {
                let _ = tx.send((no + 1, Err(e)));
                return;
            }
        };
        no += 1;
        // A BOM at the start of any line is skipped, and not counted in the limit, as npm
        // skips it at the start of any text (server audit, twenty-sixth session: on line 2
        // a BOM and 4 MiB of JSON were input.too_large).
        let mut bytes = buf.as_slice();
        bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        if !over {
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        }
        let line = if over || bytes.len() > MAX_INPUT_BYTES {
            Line::TooLarge
        } else {
            match simdutf8::compat::from_utf8(bytes) {
                // Blank: JSON's whitespace only (a line of U+3000 is `input.not_json`, as in npm).
                Ok(text) if text.bytes().all(fangkong::num::json_space) => continue,
                Ok(text) => Line::Text(text.to_owned()),
                Err(e) => Line::NotUtf8(e.valid_up_to() + 1),
            }
        };
        in_flight.add(line.size());
        if tx.send((no, Ok(line))).is_err() {
            return;
        }
    }
}

/// How many non-blank lines a file has (for the progress bar), read as bytes in blocks. Only a
/// regular file is read twice: a pipe (`<(cat …)`, a FIFO) read here to its end left nothing for
/// the answers, or waited for ever (server audit, thirty-eighth session: 0 answers, exit 0).
pub(super) fn count_lines(name: &str) -> Option<usize> {
    if !std::fs::metadata(name).ok()?.is_file() {
        return None;
    }
    let mut source = open(name).ok()?;
    let (mut n, mut blank) = (0usize, true);
    loop {
        let chunk = source.fill_buf().ok()?;
        if chunk.is_empty() {
            return Some(n + usize::from(!blank));
        }
        for &b in chunk {
            if b == b'\n' {
                n += usize::from(!blank);
                blank = true;
            } else if !fangkong::num::json_space(b) {
                blank = false;
            }
        }
        let len = chunk.len();
        source.consume(len);
    }
}
