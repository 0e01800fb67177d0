//! `corpus [--bytes N] [--jsonl] [OUT]`: writes the generated bench corpus (see
//! `benches/corpus/mod.rs`), by default 10 MB of articles separated by a form feed line, or with
//! `--jsonl` one `{"id": n, "text": ...}` object per line, to OUT or standard output. Used by the
//! peers comparison (`benches/peers/`), the Spark recipe (`scripts/spark/`) and by hand to time
//! `mine --jsonl`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut bytes = 10_000_000usize;
    let mut jsonl = false;
    let mut out_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--bytes" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => bytes = n,
                None => {
                    eprintln!("corpus: --bytes needs a number");
                    return ExitCode::from(1);
                }
            },
            _ if a.starts_with('-') && a != "-" => {
                eprintln!("usage: corpus [--bytes N] [--jsonl] [OUT]");
                return ExitCode::from(1);
            }
            _ => out_path = Some(a),
        }
    }
    let mut out: Box<dyn Write> = match out_path.as_deref() {
        None | Some("-") => Box::new(std::io::stdout().lock()),
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("corpus: {p}: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let mut w = std::io::BufWriter::new(&mut out);
    // Streams the same articles as `corpus::articles(bytes, 42)`, without holding them.
    let mut rng = corpus::Rng::new(42);
    let mut total = 0;
    let mut i = 0usize;
    while total < bytes {
        let a = corpus::article(&mut rng);
        total += a.len();
        i += 1;
        let i = i - 1;
        let res = if jsonl {
            serde_json::to_writer(&mut w, &serde_json::json!({"id": i, "text": a}))
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(w))
        } else {
            writeln!(w, "{a}\u{c}")
        };
        if let Err(e) = res {
            eprintln!("corpus: {e}");
            return ExitCode::from(1);
        }
    }
    match w.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::from(1)
        }
    }
}
