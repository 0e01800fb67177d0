//! Throughput of each stage and of the whole pipeline on a realistic corpus of about 10 MB of
//! generated Indonesian and English news (see `benches/corpus/mod.rs`), one document at a time
//! on one core, as `Pipeline::process` is used.
//!
//! Stages are measured cumulatively through `Pipeline::process_stages` (segment; segment +
//! entities; segment + entities + quotes), so one stage's cost is the difference between two
//! lines. `detect` is language detection alone; `gazetteer-find` is the bundled gazetteer's
//! matcher alone (`Gazetteer::find`); `process` is `Pipeline::process` with
//! detection, as users call it; `process+to_json` adds the `serde_json::Value` of
//! [`kutip::Document::to_json`], `process+write_json` the JSON text `mine` prints.
//!
//! Run: `cargo bench --bench pipeline`. Set `KUTIP_BENCH_MB` to change the corpus size.

#[path = "corpus/mod.rs"]
mod corpus;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kutip::{Language, Pipeline};
use std::time::Duration;

fn corpus_docs() -> Vec<(String, Language)> {
    let mb: usize = std::env::var("KUTIP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    corpus::articles(mb * 1_000_000, 42)
        .into_iter()
        .map(|a| {
            let lang = Language::detect(&a);
            (a, lang)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus_docs();
    let bytes: usize = docs.iter().map(|(d, _)| d.len()).sum();
    let pipeline = Pipeline::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(8));

    g.bench_function("detect", |b| {
        b.iter(|| {
            for (d, _) in &docs {
                black_box(Language::detect(d));
            }
        })
    });
    let gazetteer = kutip::gazetteer::Gazetteer::bundled();
    g.bench_function("gazetteer-find", |b| {
        b.iter(|| {
            for (d, _) in &docs {
                black_box(gazetteer.find(d));
            }
        })
    });
    for (name, stages) in [
        ("1-segment", 1),
        ("2-segment+entities", 2),
        ("3-segment+entities+quotes", 3),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                for (d, lang) in &docs {
                    black_box(pipeline.process_stages(d.as_str(), *lang, stages));
                }
            })
        });
    }
    g.bench_function("process", |b| {
        b.iter(|| {
            for (d, _) in &docs {
                black_box(pipeline.process(d.as_str()));
            }
        })
    });
    g.bench_function("process+to_json", |b| {
        b.iter(|| {
            for (d, _) in &docs {
                black_box(pipeline.process(d.as_str()).to_json());
            }
        })
    });
    // What `mine --json` and `mine --jsonl` print: the JSON written straight into a buffer.
    g.bench_function("process+write_json", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for (d, _) in &docs {
                out.clear();
                pipeline.process(d.as_str()).write_json(&mut out);
                black_box(&out);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
