//! Entity benches: gazetteer matching throughput, loading the bundled gazetteer, building
//! synthetic gazetteers of 100k and 1M aliases (their `memory_usage()` is printed).

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kutip::gazetteer::{Entry, Gazetteer, GazetteerBuilder};
use kutip::{EntityKind, Pipeline};

/// About 1 MiB of news-like text: the seed article repeated.
fn news() -> String {
    let mut s = String::new();
    while s.len() < 1 << 20 {
        s.push_str(kutip::SEED_ARTICLE);
        s.push_str("\n\n");
    }
    s
}

/// Deterministic synthetic names: two or three capitalised pseudo-words.
fn synthetic(n: usize) -> Vec<Entry> {
    const SYL: [&str; 24] = [
        "ka", "ri", "mo", "ta", "su", "na", "be", "lo", "di", "wa", "pu", "ge", "ra", "si", "to",
        "ma", "ne", "ku", "ba", "ye", "ho", "li", "za", "fu",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut word = |min: usize| {
        let mut w = String::new();
        let n = min + (x % 3) as usize;
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            w.push_str(SYL[(x % 24) as usize]);
        }
        let mut c = w.chars();
        let first = c.next().unwrap().to_ascii_uppercase();
        format!("{first}{}", c.as_str())
    };
    (0..n / 2)
        .map(|i| {
            let name = format!("{} {} {}", word(2), word(2), word(3));
            let alias = format!("{} {}", word(2), word(3));
            Entry::new(format!("s{i}"), EntityKind::Organization, name).alias(alias)
        })
        .collect()
}

fn matching(c: &mut Criterion) {
    let text = news();
    let g = Gazetteer::bundled();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("gazetteer_find_bundled", |b| {
        b.iter(|| g.find(black_box(&text)))
    });
    let p = Pipeline::new();
    group.sample_size(10);
    group.bench_function("pipeline_process", |b| {
        b.iter(|| p.process(black_box(text.as_str())))
    });
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer_load");
    group.sample_size(10);
    let g = Gazetteer::load_bundled().unwrap();
    eprintln!(
        "bundled gazetteer: {} entries, {} aliases, memory_usage {:.1} MB",
        g.len(),
        g.alias_count(),
        g.memory_usage() as f64 / 1e6
    );
    group.bench_function("load_bundled", |b| {
        b.iter(|| Gazetteer::load_bundled().unwrap())
    });
    for n in [100_000usize, 1_000_000] {
        let entries = synthetic(n);
        let mut gb = GazetteerBuilder::empty();
        gb.extend(entries.clone());
        let g = gb.build().unwrap();
        eprintln!(
            "synthetic {n}: {} aliases, memory_usage {:.1} MB",
            g.alias_count(),
            g.memory_usage() as f64 / 1e6
        );
        drop(g);
        group.bench_function(format!("build_{n}"), |b| {
            b.iter_batched(
                || {
                    let mut gb = GazetteerBuilder::empty();
                    gb.extend(entries.clone());
                    gb
                },
                |gb| gb.into_gazetteer().unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, matching, loading);
criterion_main!(benches);
