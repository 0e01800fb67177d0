//! `throughput FILE`: one-thread throughput of kutip's stages on a corpus file (articles
//! separated by a form-feed line, as `examples/corpus.rs` writes), printed as one JSON object
//! of MB/s figures. Used by `benches/peers/peers.py` to compare with peer tools on the same
//! text; the criterion bench `benches/pipeline.rs` is the reference measurement.
//!
//! `throughput --profile FILE` only runs `Pipeline::process` over the corpus (for `perf record`
//! or callgrind); `throughput --profile-json FILE` also writes each document's JSON with
//! `Document::write_json`, as `mine --json` does.
//!
//! `throughput --load [N]` times `Gazetteer::load_bundled` N times (default 15) and prints the
//! median and best wall-clock milliseconds (parse the bundled TSV files and build the index).
//!
//! `throughput --names` prints the bundled gazetteer's aliases as `kind<TAB>alias` lines, for
//! the peers to match the same names.

use kutip::gazetteer::Gazetteer;
use kutip::{Language, Pipeline};
use std::time::Instant;

/// Best time in seconds of `f` over runs lasting at least one second in total (3 runs at least).
fn best(mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || start.elapsed().as_secs_f64() < 1.0 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
        runs += 1;
    }
    best
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: throughput FILE | throughput --names | throughput --load [N]");
        std::process::exit(1)
    });
    if arg == "--names" {
        print_names();
        return;
    }
    if arg == "--load" {
        let n: usize = std::env::args()
            .nth(2)
            .and_then(|x| x.parse().ok())
            .unwrap_or(15);
        load_times(n.max(1));
        return;
    }
    let json_too = arg == "--profile-json";
    let profile = arg == "--profile" || json_too;
    let arg = if profile {
        std::env::args().nth(2).unwrap_or_default()
    } else {
        arg
    };
    let data = std::fs::read_to_string(&arg).unwrap_or_else(|e| {
        eprintln!("throughput: {arg}: {e}");
        std::process::exit(1)
    });
    let docs: Vec<(&str, Language)> = data
        .split("\u{c}\n")
        .filter(|d| !d.trim().is_empty())
        .map(|d| (d, Language::detect(d)))
        .collect();
    let bytes: usize = docs.iter().map(|(d, _)| d.len()).sum();
    let mb = bytes as f64 / 1e6;
    let pipeline = Pipeline::new();
    // Build the bundled data (gazetteer index, word lists) before timing anything.
    pipeline.process("Presiden tiba di Jakarta. \"Ya,\" katanya.");
    if profile {
        let t = Instant::now();
        let mut out = Vec::new();
        for (d, _) in &docs {
            let doc = std::hint::black_box(pipeline.process(*d));
            if json_too {
                out.clear();
                doc.write_json(&mut out);
                std::hint::black_box(&out);
            }
        }
        eprintln!("{:.1} MB/s", mb / t.elapsed().as_secs_f64());
        return;
    }
    let stage = |n: usize| {
        best(|| {
            for (d, lang) in &docs {
                std::hint::black_box(pipeline.process_stages(*d, *lang, n));
            }
        })
    };
    let t_detect = best(|| {
        for (d, _) in &docs {
            std::hint::black_box(Language::detect(d));
        }
    });
    let t0 = stage(0);
    let t1 = stage(1);
    let t2 = stage(2);
    let t_gaz = gazetteer_time(&docs);
    let t_all = best(|| {
        for (d, _) in &docs {
            std::hint::black_box(pipeline.process(*d));
        }
    });
    let per = |t: f64| (mb / t * 10.0).round() / 10.0;
    let json = serde_json::json!({
        "documents": docs.len(),
        "bytes": bytes,
        "detect_mb_s": per(t_detect),
        "segment_mb_s": per((t1 - t0).max(1e-9)),
        "entities_mb_s": per((t2 - t1).max(1e-9)),
        "gazetteer_mb_s": per(t_gaz.unwrap_or((t2 - t1).max(1e-9))),
        "gazetteer_is_entities_stage": t_gaz.is_none(),
        "pipeline_mb_s": per(t_all),
    });
    println!("{json}");
}

/// Time of the gazetteer pass alone: `Gazetteer::find` of the bundled gazetteer.
fn gazetteer_time(docs: &[(&str, Language)]) -> Option<f64> {
    let g = Gazetteer::bundled();
    Some(best(|| {
        for (d, _) in docs {
            std::hint::black_box(g.find(d));
        }
    }))
}

/// Wall-clock times of `Gazetteer::load_bundled`, `n` runs: median and best, in ms.
fn load_times(n: usize) {
    let mut ms: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            let g = Gazetteer::load_bundled().unwrap_or_else(|_| Gazetteer::empty());
            let el = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(g.len());
            el
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let json = serde_json::json!({
        "runs": n,
        "load_median_ms": (ms[n / 2] * 10.0).round() / 10.0,
        "load_best_ms": (ms[0] * 10.0).round() / 10.0,
    });
    println!("{json}");
}

/// The bundled gazetteer's names and aliases, `kind<TAB>alias`, each once per kind.
fn print_names() {
    use std::io::Write;
    let g = Gazetteer::bundled();
    let mut seen = std::collections::HashSet::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for e in g.entries() {
        let kind = e.kind.as_str();
        for name in
            std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.text.as_str()))
        {
            if !name.trim().is_empty() && seen.insert((kind, name)) {
                let _ = writeln!(out, "{kind}\t{name}");
            }
        }
    }
}
