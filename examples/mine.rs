//! `mine [--json] [--lang id|en|auto] [FILE|-]`
//! `mine --jsonl [--threads N] [--progress] [--max-line-bytes N] [--lang id|en|auto] [FILE|-]`
//!
//! Mines one document for sentences, entities and quotes. With no FILE it runs on the bundled
//! seed article. `-` reads standard input. `--json` prints the JSON object described in the
//! README; otherwise a readable report. A missing or unreadable file, or a file that is not
//! UTF-8, gives a one-line error naming the file (and the byte offset of the first invalid
//! byte) and exit status 1; an empty file gives an empty result.
//!
//! ## Batch mode: `--jsonl`
//!
//! Reads JSON Lines from FILE (or standard input when FILE is `-` or absent): one object per
//! line, `{"id": ..., "text": "...", ...}`. Every non-blank input line gives exactly one output
//! line, **in input order**:
//!
//! - success: `{"id": <id>, <the other input fields except "text">, "result": <document JSON>}`
//!   (`id` is `null` when the input has none; `result` is the `--json` object of one document).
//!   An optional string field `"lang"` (`id`/`en`) sets the language of that document, otherwise
//!   `--lang` or detection decides.
//! - failure: `{"line": <1-based line number>, "id": <id if one could be read>, "error": "..."}`
//!   for a line that is not UTF-8, not a JSON object, has no string `"text"`, or is longer than
//!   `--max-line-bytes` (default 16 MiB; such a line is skipped without being held in memory).
//!   A bad line never stops the run.
//!
//! Blank lines are skipped. Lines are processed in parallel (`--threads N`, default: every core)
//! in chunks with a bounded number in flight, so memory stays bounded whatever the input size
//! (about `4 x threads + 2` chunks of at most 1 MiB or one line, and the documents in progress). `--progress` (default:
//! on when standard error is a terminal) prints documents, bytes and MB/s to standard error every
//! two seconds. Exit status: 0 when the input was read to the end (even with error records),
//! 1 when it could not be opened or read, or the output could not be written.

use kutip::{Document, Error, Language, Pipeline};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: mine [--json] [--lang id|en|auto] [FILE|-]
       mine --jsonl [--threads N] [--progress|--no-progress] [--max-line-bytes N]
                    [--lang id|en|auto] [FILE|-]";

/// Lines of one chunk at most.
const CHUNK_LINES: usize = 256;
/// Bytes of one chunk at most (a longer line makes a chunk of its own).
const CHUNK_BYTES: usize = 1 << 20;
/// Longest input line (document) read in batch mode, by default: 16 MiB.
const DEFAULT_MAX_LINE: usize = 16 << 20;

struct Args {
    json: bool,
    jsonl: bool,
    threads: Option<usize>,
    max_line: usize,
    progress: Option<bool>,
    lang: Option<Language>,
    input: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        jsonl: false,
        threads: None,
        max_line: DEFAULT_MAX_LINE,
        progress: None,
        lang: None,
        input: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--jsonl" => args.jsonl = true,
            "--progress" => args.progress = Some(true),
            "--no-progress" => args.progress = Some(false),
            "--lang" => {
                let v = it.next().ok_or("--lang needs a value: id, en or auto")?;
                args.lang = parse_lang(&v)?;
            }
            "--max-line-bytes" => {
                let v = it.next().ok_or("--max-line-bytes needs a number")?;
                args.max_line = parse_max_line(&v)?;
            }
            "--threads" => {
                let v = it.next().ok_or("--threads needs a number")?;
                args.threads = Some(parse_threads(&v)?);
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--lang=") => args.lang = parse_lang(&s[7..])?,
            s if s.starts_with("--threads=") => args.threads = Some(parse_threads(&s[10..])?),
            s if s.starts_with("--jsonl=") => {
                args.jsonl = true;
                set_input(&mut args, s[8..].to_string())?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => set_input(&mut args, a)?,
        }
    }
    Ok(args)
}

fn set_input(args: &mut Args, input: String) -> Result<(), String> {
    if args.input.is_some() {
        return Err("only one FILE may be given".into());
    }
    args.input = Some(input);
    Ok(())
}

fn parse_max_line(v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("--max-line-bytes needs a number >= 1, not {v:?}")),
    }
}

fn parse_threads(v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("--threads needs a number >= 1, not {v:?}")),
    }
}

fn parse_lang(v: &str) -> Result<Option<Language>, String> {
    if v == "auto" {
        return Ok(None);
    }
    Language::from_code(v)
        .map(Some)
        .ok_or_else(|| format!("unknown language {v:?} (expected id, en or auto)"))
}

fn read_input(input: &Option<String>) -> Result<String, Error> {
    match input.as_deref() {
        None => Ok(kutip::SEED_ARTICLE.to_string()),
        Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::from(e).with_file("<stdin>"))?;
            Error::check_utf8(buf).map_err(|e| e.with_file("<stdin>"))
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| Error::from(e).with_file(path))?;
            Error::check_utf8(bytes).map_err(|e| e.with_file(path))
        }
    }
}

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("mine: {msg}");
            } else {
                eprintln!("{USAGE}");
            }
            ExitCode::from(if msg.is_empty() { 0 } else { 1 })
        }
    }
}

fn try_main() -> Result<(), String> {
    let args = parse_args().map_err(|e| {
        if e.is_empty() {
            e
        } else {
            format!("{e}\n{USAGE}")
        }
    })?;
    let mut builder = Pipeline::builder();
    builder.language(args.lang);
    let pipeline = builder.build().map_err(|e| e.to_string())?;
    if args.jsonl {
        return run_jsonl(&pipeline, &args);
    }
    let text = read_input(&args.input).map_err(|e| e.to_string())?;
    let doc = pipeline.process(text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let res = if args.json {
        let mut json = Vec::with_capacity(doc.text().len());
        doc.write_json(&mut json);
        out.write_all(&json).and_then(|_| writeln!(out))
    } else {
        report(&mut out, &doc)
    };
    res.and_then(|_| out.flush()).or_else(ignore_broken_pipe)
}

fn ignore_broken_pipe(e: std::io::Error) -> Result<(), String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("writing output: {e}"))
    }
}

// ---------------------------------------------------------------------------------------------
// Batch mode

/// A chunk of input lines: its sequence number and `(1-based line number, line)` pairs.
struct Chunk {
    seq: u64,
    lines: Vec<(u64, Line)>,
}

/// An input line: its bytes, or the length of a line longer than `--max-line-bytes`, which
/// is skipped without being held in memory.
enum Line {
    Bytes(Vec<u8>),
    TooLong { len: u64, max: usize },
}

/// The output of one chunk: its sequence number, output bytes, documents and input bytes.
struct Done {
    seq: u64,
    out: Vec<u8>,
    docs: u64,
    bytes: u64,
}

fn run_jsonl(pipeline: &Pipeline, args: &Args) -> Result<(), String> {
    let name = match args.input.as_deref() {
        None | Some("-") => "<stdin>".to_string(),
        Some(p) => p.to_string(),
    };
    let input: Box<dyn Read + Send> = match args.input.as_deref() {
        None | Some("-") => Box::new(std::io::stdin()),
        Some(p) => Box::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?),
    };
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let progress = args
        .progress
        .unwrap_or_else(|| std::io::stderr().is_terminal());
    let in_flight = 4 * threads + 2;

    // Tokens bound the chunks in flight (read, being processed, or waiting to be written in
    // order), so one slow document cannot make the others pile up in memory.
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("receiver alive");
    }
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(threads);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let worker_rxs: Vec<_> = (0..threads).map(|_| Arc::clone(&chunk_rx)).collect();
    // Only the workers may keep the receiver alive: if they all stop, the reader must not block.
    drop(chunk_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(in_flight);

    std::thread::scope(|scope| {
        let max_line = args.max_line;
        let reader = scope.spawn(move || read_chunks(input, max_line, &token_rx, chunk_tx));
        for rx in worker_rxs {
            let tx = done_tx.clone();
            scope.spawn(move || work(pipeline, &rx, &tx));
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &token_tx, progress);
        // Stop the reader if writing failed: dropping the receivers makes its sends fail.
        drop(done_rx);
        drop(token_tx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err("reader panicked".into()));
        written?;
        read.map_err(|e| format!("{name}: {e}"))
    })
}

/// Reads lines into chunks, waiting for a token before sending each chunk.
fn read_chunks(
    input: Box<dyn Read + Send>,
    max_line: usize,
    tokens: &Receiver<()>,
    chunks: SyncSender<Chunk>,
) -> Result<(), String> {
    let mut reader = std::io::BufReader::with_capacity(1 << 20, input);
    let mut line_no = 0u64;
    let mut seq = 0u64;
    let mut lines = Vec::new();
    let mut bytes = 0usize;
    loop {
        let mut buf = Vec::new();
        let (n, too_long) = read_line_capped(&mut reader, &mut buf, max_line)
            .map_err(|e| format!("reading line {}: {e}", line_no + 1))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if too_long {
            lines.push((
                line_no,
                Line::TooLong {
                    len: n as u64,
                    max: max_line,
                },
            ));
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        bytes += buf.len();
        lines.push((line_no, Line::Bytes(buf)));
        if lines.len() >= CHUNK_LINES || bytes >= CHUNK_BYTES {
            if tokens.recv().is_err() {
                return Ok(()); // the writer stopped
            }
            let chunk = Chunk {
                seq,
                lines: std::mem::take(&mut lines),
            };
            if chunks.send(chunk).is_err() {
                return Ok(());
            }
            seq += 1;
            bytes = 0;
        }
    }
    if !lines.is_empty() && tokens.recv().is_ok() {
        let _ = chunks.send(Chunk { seq, lines });
    }
    Ok(())
}

/// Reads one line (with its `\n`) into `buf`, unless it is longer than `max` bytes: then the
/// rest of the line is skipped without being stored. Returns the bytes consumed and whether
/// the line was too long.
fn read_line_capped(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<(usize, bool)> {
    let (mut total, mut too_long) = (0, false);
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total, too_long));
        }
        let (take, end) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !too_long {
            if buf.len() + take > max.saturating_add(1) {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(&avail[..take]);
            }
        }
        total += take;
        r.consume(take);
        if end {
            return Ok((total, too_long));
        }
    }
}

fn work(pipeline: &Pipeline, chunks: &Mutex<Receiver<Chunk>>, done: &SyncSender<Done>) {
    loop {
        let chunk = {
            let rx = match chunks.lock() {
                Ok(rx) => rx,
                Err(_) => return,
            };
            match rx.recv() {
                Ok(c) => c,
                Err(_) => return,
            }
        };
        let mut out = Vec::new();
        let mut bytes = 0u64;
        let docs = chunk.lines.len() as u64;
        for (line_no, line) in &chunk.lines {
            match line {
                Line::Bytes(line) => {
                    bytes += line.len() as u64;
                    process_line(pipeline, *line_no, line, &mut out);
                }
                Line::TooLong { len, max } => {
                    bytes += len;
                    let msg = format!("line of {len} bytes is longer than --max-line-bytes {max}");
                    write_error(&mut out, *line_no, &Value::Null, msg);
                }
            }
        }
        if done
            .send(Done {
                seq: chunk.seq,
                out,
                docs,
                bytes,
            })
            .is_err()
        {
            return;
        }
    }
}

/// Processes one input line, appending one output line to `out`.
fn process_line(pipeline: &Pipeline, line_no: u64, line: &[u8], out: &mut Vec<u8>) {
    let mut id = Value::Null;
    let res = parse_record(line, &mut id).and_then(|(mut obj, text, lang)| {
        // Processing never panics by contract; should a bug break it, the line gets an error
        // record and the run goes on instead of losing every later line.
        let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match lang {
            Some(lang) => pipeline.process_as(text, lang),
            None => pipeline.process(text),
        }))
        .map_err(|_| "internal error: processing panicked (please report this)".to_string())?;
        obj.remove("id");
        Ok((obj, doc))
    });
    match res {
        Ok((obj, doc)) => {
            out.extend_from_slice(b"{\"id\":");
            write_value(out, &id);
            for (k, v) in &obj {
                if k == "result" {
                    continue;
                }
                out.push(b',');
                write_value(out, &Value::from(k.as_str()));
                out.push(b':');
                write_value(out, v);
            }
            out.extend_from_slice(b",\"result\":");
            doc.write_json(out);
            out.extend_from_slice(b"}\n");
        }
        Err(msg) => write_error(out, line_no, &id, msg),
    }
}

/// Appends the error record `{"line": n, "id": ..., "error": "..."}` (no `id` when null).
fn write_error(out: &mut Vec<u8>, line_no: u64, id: &Value, msg: String) {
    out.extend_from_slice(format!("{{\"line\":{line_no}").as_bytes());
    if !id.is_null() {
        out.extend_from_slice(b",\"id\":");
        write_value(out, id);
    }
    out.extend_from_slice(b",\"error\":");
    write_value(out, &Value::from(msg));
    out.extend_from_slice(b"}\n");
}

/// An input record: its other fields, its text and the language it asks for.
type Record = (Map<String, Value>, String, Option<Language>);

/// Parses a line into its object (without `text`), the text and the language asked for.
/// Sets `id` as soon as it is known so that error records can carry it.
fn parse_record(line: &[u8], id: &mut Value) -> Result<Record, String> {
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return Err(format!(
                "invalid UTF-8 at byte offset {} of the line",
                e.valid_up_to()
            ))
        }
    };
    let mut obj = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("not JSON: {e}")),
    };
    if let Some(v) = obj.get("id") {
        *id = v.clone();
    }
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err("field \"text\" is not a string".into()),
        None => return Err("no field \"text\"".into()),
    };
    let lang = match obj.get("lang") {
        None | Some(Value::Null) => None,
        Some(Value::String(code)) if code == "auto" => None,
        Some(Value::String(code)) => match Language::from_code(code) {
            Some(l) => Some(l),
            None => return Err(format!("unknown language {code:?} in field \"lang\"")),
        },
        Some(_) => return Err("field \"lang\" is not a string".into()),
    };
    Ok((obj, text, lang))
}

fn write_value(out: &mut Vec<u8>, v: &Value) {
    // Writing a Value into a Vec cannot fail: its keys are strings.
    let _ = serde_json::to_writer(&mut *out, v);
}

/// Writes chunks in sequence order, returning a token for each chunk written.
fn write_in_order(
    done: &Receiver<Done>,
    tokens: &SyncSender<()>,
    progress: bool,
) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let (mut docs, mut bytes) = (0u64, 0u64);
    let start = Instant::now();
    let mut last_report = start;
    for d in done.iter() {
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            if let Err(e) = out.write_all(&d.out) {
                return ignore_broken_pipe(e);
            }
            docs += d.docs;
            bytes += d.bytes;
            next += 1;
            let _ = tokens.send(());
        }
        if progress && last_report.elapsed() >= Duration::from_secs(2) {
            last_report = Instant::now();
            report_progress(docs, bytes, start, false);
        }
    }
    if progress {
        report_progress(docs, bytes, start, true);
    }
    out.flush().or_else(ignore_broken_pipe)
}

fn report_progress(docs: u64, bytes: u64, start: Instant, last: bool) {
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "mine: {}{docs} documents, {mb:.1} MB in {secs:.1} s ({:.1} MB/s)",
        if last { "done: " } else { "" },
        mb / secs
    );
}

// ---------------------------------------------------------------------------------------------
// Single-document report
fn report(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let text = doc.text();
    writeln!(
        out,
        "language: {}  paragraphs: {}  sentences: {}  entities: {}  quotes: {}",
        doc.language(),
        doc.paragraphs().len(),
        doc.sentences().len(),
        doc.referents().len(),
        doc.quotes().len()
    )?;
    writeln!(out, "\n== Quotes")?;
    for q in doc.quotes() {
        let speaker = match &q.speaker {
            Some(s) => match &s.name {
                Some(n) => format!("{n} [{}]", &text[s.span]),
                None => format!("(unnamed: {})", &text[s.span]),
            },
            None => "(no speaker)".to_string(),
        };
        let cue = q.cue.as_ref().map(|c| c.word.as_str()).unwrap_or("-");
        writeln!(out, "- {:?} {:?}", q.kind, short(&text[q.content], 90))?;
        writeln!(out, "    speaker: {speaker}  cue: {cue}  rule: {}", q.rule)?;
    }
    writeln!(out, "\n== Entities")?;
    for r in doc.referents() {
        let mentions: Vec<&str> = r
            .mentions
            .iter()
            .map(|&i| &text[doc.entities()[i].span])
            .collect();
        writeln!(
            out,
            "- {} ({}, {}) x{}{}",
            r.name,
            r.kind.as_str(),
            r.id.as_deref().unwrap_or("-"),
            mentions.len(),
            if r.roles.is_empty() {
                String::new()
            } else {
                format!("  roles: {}", r.roles.join(", "))
            }
        )?;
    }
    writeln!(out, "\n== Sentences")?;
    for (i, s) in doc.sentences().iter().enumerate() {
        writeln!(out, "{:4} {}", i + 1, short(&text[s.trimmed], 110))?;
    }
    Ok(())
}

fn short(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}
