//! Segmentation speed on news-like text: `cargo bench --bench segment`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kutip::{Language, Segmenter};

/// English news-like text written for this bench (names and events are made up).
const ENGLISH: &str = "Storm Closes Ports Along the Coast

By Jane Doe

LONDON, March 3 (Wire) - Ports along the southern coast were closed on Tuesday after a storm \
brought winds of more than 120 km/h, officials said. The U.K. Met Office issued an amber warning \
at 5 a.m. and extended it until 11 p.m. on Wednesday.

\"We have never seen waves like this,\" said Mr. Alan Hughes, the harbour master at St. Ives. \
\"Boats were thrown against the quay. It was frightening.\"

Shares of Coastal Ferries Ltd. fell 3.5% to $12.40 in early trading. The company, which carried \
1.2 million passengers last year, said it expected to resume sailings on Thursday, i.e. two days \
later than planned.

Dr. Sarah Lee of the University of Exeter said storms of this kind were becoming more frequent. \
\"The data from 1990 to 2020 are clear... The trend is up,\" she said. Her study, published in \
Nature Geoscience (Vol. 12, pp. 45-51), looked at records from the U.S., France, Spain, etc.

Gov. Mark Allen and Sen. Patricia Gomez visited the area on Monday. \"We will help,\" Allen said.
";

fn corpus() -> String {
    let mut s = String::with_capacity(1 << 21);
    while s.len() < 1 << 20 {
        s.push_str(kutip::SEED_ARTICLE);
        s.push_str("\n\n");
        s.push_str(ENGLISH);
        s.push_str("\n\n");
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let seg = Segmenter::new();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("news_1mb_id", |b| {
        b.iter(|| seg.segment(black_box(&text), Language::Indonesian))
    });
    g.bench_function("news_1mb_en", |b| {
        b.iter(|| seg.segment(black_box(&text), Language::English))
    });
    g.finish();

    // Adversarial inputs: linear time.
    let mut g = c.benchmark_group("segment_adversarial");
    g.sample_size(10);
    let no_punct = "kata demi kata tanpa tanda baca ".repeat(10 * (1 << 20) / 32);
    g.throughput(Throughput::Bytes(no_punct.len() as u64));
    g.bench_function("10mb_no_punctuation", |b| {
        b.iter(|| seg.segment(black_box(&no_punct), Language::Indonesian))
    });
    let quotes = "“Kami ".repeat(100_000);
    g.throughput(Throughput::Bytes(quotes.len() as u64));
    g.bench_function("100k_unbalanced_quotes", |b| {
        b.iter(|| seg.segment(black_box(&quotes), Language::Indonesian))
    });
    let empty_lines = "\n".repeat(1_000_000);
    g.throughput(Throughput::Bytes(empty_lines.len() as u64));
    g.bench_function("1m_empty_lines", |b| {
        b.iter(|| seg.segment(black_box(&empty_lines), Language::Indonesian))
    });
    let stops = "A. B. c. U.S. Jl. ... ".repeat(50_000);
    g.throughput(Throughput::Bytes(stops.len() as u64));
    g.bench_function("dense_stops", |b| {
        b.iter(|| seg.segment(black_box(&stops), Language::English))
    });
    let bullets = format!("{}1. {}", "•".repeat(100_000), "a. ".repeat(100_000));
    g.throughput(Throughput::Bytes(bullets.len() as u64));
    g.bench_function("bullets_then_markers", |b| {
        b.iter(|| seg.segment(black_box(&bullets), Language::English))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
