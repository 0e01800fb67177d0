//! Adversarial inputs at 1 MB and 10 MB: processing time must be linear in the input size, so
//! the 10 MB time should be about 10 times the 1 MB time (equal MB/s in criterion's output).
//! `scripts/bench_ratios.py` prints the ratio of each pair from criterion's estimates.
//!
//! Cases (each one document):
//! - `no-punctuation`: words and spaces, no sentence end, no line break;
//! - `unbalanced-quotes`: text with a quotation mark every ~10 bytes (100,000 per MB),
//!   mixed straight and curly, mostly unbalanced;
//! - `one-paragraph`: realistic sentences with quotes and cues, no blank line;
//! - `one-token`: a single token of letters as long as the input;
//! - `empty-lines`: only newlines (1,000,000 per MB);
//! - `control-chars`: a BOM, then text mixed with NUL and other control characters;
//! - `cue-storm`: reporting verbs and names without any quotation mark;
//! - `names-storm`: capitalised words back to back (candidate names everywhere).
//!
//! Run: `cargo bench --bench adversarial`, then `python3 scripts/bench_ratios.py`; or
//! `KUTIP_QUICK=1 cargo bench --bench adversarial` for one timing of each size.

#[path = "corpus/mod.rs"]
mod corpus;

use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};
use kutip::Pipeline;
use std::time::Duration;

const MB: usize = 1_000_000;

/// Repeats pieces chosen by a deterministic generator until `bytes` bytes.
fn fill(bytes: usize, pieces: &[&str], seed: u64) -> String {
    let mut rng = corpus::Rng::new(seed);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        s.push_str(rng.pick(pieces));
    }
    s
}

/// The adversarial input `name` of about `bytes` bytes.
pub fn input(name: &str, bytes: usize) -> String {
    match name {
        "no-punctuation" => fill(
            bytes,
            &[
                "presiden ",
                "Jakarta ",
                "kata ",
                "dia ",
                "the ",
                "Putin ",
                "rapat ",
                "said ",
            ],
            1,
        ),
        "unbalanced-quotes" => fill(
            bytes,
            &[
                "\"kata ",
                "dia\" ",
                "\u{201c}ya ",
                "Putin ",
                "\u{2019}s ",
                "'no ",
                "tidak\u{201d}",
            ],
            2,
        ),
        "one-paragraph" => {
            let mut rng = corpus::Rng::new(3);
            let mut s = String::with_capacity(bytes + 8192);
            while s.len() < bytes {
                let a = corpus::article(&mut rng);
                s.push_str(&a.replace("\n\n", " ").replace('\n', " "));
                s.push(' ');
            }
            s
        }
        "one-token" => "a".repeat(bytes),
        "empty-lines" => "\n".repeat(bytes),
        "control-chars" => {
            let mut s = String::from("\u{feff}");
            s.push_str(&fill(
                bytes,
                &[
                    "Presiden\0",
                    "\u{1}kata\u{7}",
                    " \"Ya\u{8},\" ",
                    "\u{1b}[0m",
                    "\r",
                    "\u{c}",
                    "Putin.\u{0}",
                    "\u{feff}",
                    "\u{200b}",
                ],
                4,
            ));
            s
        }
        "cue-storm" => fill(
            bytes,
            &[
                "kata Putin ",
                "ujar Joko Widodo, ",
                "said Biden ",
                "menurut Presiden ",
                "tegasnya. ",
            ],
            5,
        ),
        "names-storm" => fill(
            bytes,
            &[
                "Ahmad ",
                "Budi ",
                "Citra ",
                "Dewi ",
                "Eko ",
                "Fajar ",
                "Universitas ",
                "Bank ",
                "PT ",
                "Joko Widodo ",
            ],
            6,
        ),
        _ => panic!("unknown input {name}"),
    }
}

const CASES: &[&str] = &[
    "no-punctuation",
    "unbalanced-quotes",
    "one-paragraph",
    "one-token",
    "empty-lines",
    "control-chars",
    "cue-storm",
    "names-storm",
];

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new();
    let only = std::env::var("KUTIP_ADVERSARIAL").ok();
    for &case in CASES {
        if only.as_deref().is_some_and(|o| !case.contains(o)) {
            continue;
        }
        let mut g = c.benchmark_group(format!("adversarial/{case}"));
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(4));
        for size in [MB, 10 * MB] {
            let text = input(case, size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(size / MB), &text, |b, t| {
                b.iter(|| black_box(pipeline.process(t.as_str())))
            });
        }
        g.finish();
    }
}

/// `KUTIP_QUICK=1 cargo bench --bench adversarial`: times each case (best of two) at 1 MB and 10 MB and
/// prints the ratios 10 MB / 1 MB, for the whole pipeline and for each stage (stage times are
/// differences of cumulative runs through `Pipeline::process_stages`), without criterion's
/// repetitions: a first look, and the way to find which stage of a slow case is not linear.
fn quick() {
    let pipeline = Pipeline::new();
    pipeline.process("warm up the bundled data.");
    let lang = kutip::Language::Indonesian;
    println!(
        "{:18} {:>9} {:>9} {:>6} {:>8} | ratio per stage: {:>7} {:>8} {:>6}",
        "case", "1 MB", "10 MB", "ratio", "MB/s@10", "segment", "entities", "quotes"
    );
    for &case in CASES {
        if std::env::var("KUTIP_ADVERSARIAL")
            .ok()
            .is_some_and(|o| !case.contains(&o))
        {
            continue;
        }
        // [size][stages 1..=3] cumulative seconds
        let mut cum = [[0f64; 3]; 2];
        let mut n10 = 0;
        for (si, size) in [MB, 10 * MB].into_iter().enumerate() {
            let text = input(case, size);
            n10 = text.len();
            for stages in 1..=3 {
                // Best of two runs: one timing on a busy machine is too noisy for a ratio.
                let mut best = f64::MAX;
                for _ in 0..2 {
                    let t = std::time::Instant::now();
                    black_box(pipeline.process_stages(text.as_str(), lang, stages));
                    best = best.min(t.elapsed().as_secs_f64());
                }
                cum[si][stages - 1] = best;
            }
        }
        let stage = |si: usize, k: usize| {
            if k == 0 {
                cum[si][0]
            } else {
                (cum[si][k] - cum[si][k - 1]).max(1e-6)
            }
        };
        let (t1, t10) = (cum[0][2], cum[1][2]);
        println!(
            "{case:18} {:7.1}ms {:7.1}ms {:6.1} {:8.1} | {:>24.1} {:>8.1} {:>6.1}",
            t1 * 1e3,
            t10 * 1e3,
            t10 / t1,
            n10 as f64 / 1e6 / t10,
            stage(1, 0) / stage(0, 0),
            stage(1, 1) / stage(0, 1),
            stage(1, 2) / stage(0, 2),
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("KUTIP_QUICK").is_some() {
        quick();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
