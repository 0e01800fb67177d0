#!/usr/bin/env python3
"""Throughput of kutip against peer tools on the same corpus (run by hand, not by CI).

Peers:
  spacy-rules  spaCy `spacy.blank("id")` + `sentencizer` + `entity_ruler` whose phrase patterns
               are the aliases of kutip's bundled gazetteer (the rule pipeline closest to kutip's)
  flashtext    `KeywordProcessor` (case-sensitive) with the same aliases, `extract_keywords`
               with spans: a gazetteer pass only
  pysbd        `pysbd.Segmenter(language="en", clean=False)` (pysbd has no Indonesian):
               sentences only
kutip figures come from `examples/throughput.rs` (one thread, best of several runs) on the
same documents, run right after each peer so that both see the same machine load.

Setup (once, outside the repository):
  python3 -m venv /work/venv-peers && /work/venv-peers/bin/pip install spacy flashtext pysbd
Run (from the repository root):
  cargo build --release --example corpus --example throughput
  target/release/examples/corpus --bytes 10000000 /tmp/kutip-corpus.txt
  target/release/examples/throughput --names > /tmp/kutip-names.tsv
  /work/venv-peers/bin/python benches/peers/peers.py /tmp/kutip-corpus.txt /tmp/kutip-names.tsv

The corpus file holds articles separated by a line with a form feed (what `corpus` writes).
The names file has `kind<TAB>alias` lines. Slow peers run on a prefix of the corpus
(`--peer-mb`, default 2 MB), best of `--repeat` runs, and kutip on the same prefix.
"""
import argparse
import json
import os
import subprocess
import tempfile
import sys
import time


def load_docs(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    return [d for d in data.split("\f\n") if d.strip()]


def prefix(docs, mb):
    out, total = [], 0
    for d in docs:
        if total >= mb * 1e6:
            break
        out.append(d)
        total += len(d.encode("utf-8"))
    return out, total


def load_names(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            kind, _, alias = line.partition("\t")
            if alias:
                names.append((kind, alias))
    return names


def timed(fn, docs, nbytes, repeat):
    best = None
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(docs)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return nbytes / 1e6 / best, best, result


def spacy_rules(names):
    import spacy

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": kind.upper(), "pattern": alias} for kind, alias in names])

    def run(docs):
        ents = sents = 0
        for doc in nlp.pipe(docs, batch_size=64):
            ents += len(doc.ents)
            sents += sum(1 for _ in doc.sents)
        return {"entities": ents, "sentences": sents}

    return run


def flashtext_pass(names):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=True)
    for kind, alias in names:
        kp.add_keyword(alias, (kind, alias))

    def run(docs):
        n = 0
        for d in docs:
            n += len(kp.extract_keywords(d, span_info=True))
        return {"matches": n}

    return run


def pysbd_pass():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)

    def run(docs):
        n = 0
        for d in docs:
            n += len(seg.segment(d))
        return {"sentences": n}

    return run


def kutip_figures(binary, corpus):
    out = subprocess.run([binary, corpus], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("names")
    ap.add_argument("--peer-mb", type=float, default=2.0, help="MB of the corpus for spaCy and pysbd")
    ap.add_argument("--flashtext-mb", type=float, default=10.0)
    ap.add_argument("--kutip", default="target/release/examples/throughput")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each peer; the best counts")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()

    docs = load_docs(args.corpus)
    names = load_names(args.names)
    print(f"corpus: {len(docs)} documents, {sum(len(d.encode()) for d in docs)/1e6:.1f} MB; "
          f"{len(names)} aliases", file=sys.stderr)

    def kutip_on(subset):
        # kutip runs on the same documents right after the peer, so that both see the same
        # machine load.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
            f.write("".join(d + "\f\n" for d in subset))
        try:
            return kutip_figures(args.kutip, f.name)
        finally:
            os.unlink(f.name)

    rows = []
    small, small_bytes = prefix(docs, args.peer_mb)
    mbs, secs, res = timed(spacy_rules(names), small, small_bytes, args.repeat)
    k = kutip_on(small)
    rows.append(("spaCy blank('id') + sentencizer + entity_ruler", mbs, k["pipeline_mb_s"], "kutip pipeline", res, k))
    ft_docs, ft_bytes = prefix(docs, args.flashtext_mb)
    mbs, secs, res = timed(flashtext_pass(names), ft_docs, ft_bytes, args.repeat)
    k = kutip_on(ft_docs)
    rows.append(("flashtext KeywordProcessor (same aliases)", mbs, k["gazetteer_mb_s"], "kutip gazetteer pass", res, k))
    mbs, secs, res = timed(pysbd_pass(), small, small_bytes, args.repeat)
    k = kutip_on(small)
    rows.append(("pysbd (en rules)", mbs, k["segment_mb_s"], "kutip segmenter", res, k))

    print("| peer | peer MB/s | kutip stage | kutip MB/s | kutip / peer |")
    print("|---|---:|---|---:|---:|")
    for name, mbs, kmbs, kname, _, _ in rows:
        print(f"| {name} | {mbs:.3f} | {kname} | {kmbs:.1f} | {kmbs / mbs:.0f}x |")
    if args.json:
        print(json.dumps([{"peer": r[0], "mb_s": r[1], "result": r[4], "kutip": r[5]} for r in rows]))


if __name__ == "__main__":
    main()
