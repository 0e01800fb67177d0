//! `mine [--json] [--lang id|en|auto] [FILE|-]`
//!
//! Mines one document for sentences, entities and quotes. With no FILE it runs on the bundled
//! seed article. `-` reads standard input. `--json` prints the JSON object described in the
//! README; otherwise a readable report.

use kutip::{Document, Error, ErrorKind, Language, Pipeline};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: mine [--json] [--lang id|en|auto] [FILE|-]";

struct Args {
    json: bool,
    lang: Option<Language>,
    input: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        lang: None,
        input: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--lang" => {
                let v = it.next().ok_or("--lang needs a value: id, en or auto")?;
                args.lang = parse_lang(&v)?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--lang=") => args.lang = parse_lang(&s[7..])?,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => {
                if args.input.is_some() {
                    return Err("only one FILE may be given".into());
                }
                args.input = Some(a);
            }
        }
    }
    Ok(args)
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
    let text = read_input(&args.input).map_err(|e| match e.kind() {
        ErrorKind::Utf8 { .. } | ErrorKind::Io => e.to_string(),
        _ => e.to_string(),
    })?;
    let mut builder = Pipeline::builder();
    builder.language(args.lang);
    let pipeline = builder.build().map_err(|e| e.to_string())?;
    let doc = pipeline.process(text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let res = if args.json {
        serde_json::to_writer(&mut out, &doc.to_json())
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        report(&mut out, &doc)
    };
    res.and_then(|_| out.flush()).or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(format!("writing output: {e}"))
        }
    })
}

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
