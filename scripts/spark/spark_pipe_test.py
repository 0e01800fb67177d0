#!/usr/bin/env python3
"""Runs `mine --jsonl` under Apache Spark's `RDD.pipe` in local mode and checks that every
record comes back (one output line per input line, ids intact, no error record).

Usage (from the repository root; needs Java 17+ and `pip install pyspark` in a venv):
  cargo build --release --example mine --example corpus
  /path/to/venv/bin/python scripts/spark/spark_pipe_test.py [--docs 400] [--partitions 8]

See scripts/spark/README.md for the recipe on a cluster.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--bin-dir", default="target/release/examples")
    args = ap.parse_args()

    mine = os.path.abspath(os.path.join(args.bin_dir, "mine"))
    corpus = os.path.abspath(os.path.join(args.bin_dir, "corpus"))
    for b in (mine, corpus):
        if not os.access(b, os.X_OK):
            sys.exit(f"missing {b}: run cargo build --release --example mine --example corpus")

    # A few hundred news-like documents (about 3 KB each), plus two bad lines that must come
    # back as error records in place.
    lines = subprocess.run([corpus, "--jsonl", "--bytes", str(args.docs * 3000)],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    lines = lines[: args.docs]
    docs = [json.loads(l) for l in lines]
    for d in docs:
        d["source"] = "spark-test"
    records = [json.dumps(d, ensure_ascii=False) for d in docs]
    records.insert(len(records) // 2, "this line is not JSON")
    records.append('{"id": "no-text"}')

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("kutip-mine-pipe")
             .config("spark.ui.enabled", "false").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    # Ship the binary to every executor; on a cluster it lands in the executor's working
    # directory, in local mode in SparkFiles' root directory.
    sc.addFile(mine)
    t0 = time.time()
    rdd = sc.parallelize(records, args.partitions)
    # One `mine` process per partition; every input line gives exactly one output line, in order.
    command = f"{SparkFiles.get('mine')} --jsonl --threads 1"
    out = rdd.pipe(command, checkCode=True).collect()
    secs = time.time() - t0
    spark.stop()

    results = [json.loads(l) for l in out]
    ok = [r for r in results if "result" in r]
    errors = [r for r in results if "error" in r]
    want_ids = sorted(d["id"] for d in docs)
    got_ids = sorted(r["id"] for r in ok)
    checks = {
        "one output line per input line": len(results) == len(records),
        "every document id back once": got_ids == want_ids,
        "passed-through field kept": all(r.get("source") == "spark-test" for r in ok),
        "two error records": len(errors) == 2,
        "results have sentences": all(r["result"]["sentences"] for r in ok),
        "input order kept": [r.get("id") for r in ok] == [d["id"] for d in docs],
    }
    print(f"spark local[2], {args.partitions} partitions: {len(records)} lines in, "
          f"{len(results)} lines out ({len(ok)} results, {len(errors)} error records) in {secs:.1f} s")
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    passed = sum(checks.values())
    print(f"{passed} passed, {len(checks) - passed} failed")
    sys.exit(0 if passed == len(checks) else 1)


if __name__ == "__main__":
    main()
