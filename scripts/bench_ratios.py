#!/usr/bin/env python3
"""Prints the time ratio 10 MB / 1 MB of each adversarial bench from criterion's estimates.

Usage: python3 scripts/bench_ratios.py [TARGET_DIR]   (after `cargo bench --bench adversarial`)
A ratio near 10 means linear time; well above 10 means a super-linear stage.
"""
import json
import os
import sys

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")


def mean_ns(path):
    with open(path) as f:
        return json.load(f)["mean"]["point_estimate"]


rows = []
for group in sorted(os.listdir(root)) if os.path.isdir(root) else []:
    if not group.startswith("adversarial_"):
        continue
    d = os.path.join(root, group)
    try:
        t1 = mean_ns(os.path.join(d, "1", "new", "estimates.json"))
        t10 = mean_ns(os.path.join(d, "10", "new", "estimates.json"))
    except FileNotFoundError:
        continue
    rows.append((group[len("adversarial_"):], t1, t10))

if not rows:
    sys.exit(f"no adversarial results under {root}: run cargo bench --bench adversarial first")
print(f"{'case':20} {'1 MB':>10} {'10 MB':>10} {'ratio':>6} {'MB/s@10':>8}")
for name, t1, t10 in rows:
    print(f"{name:20} {t1/1e6:8.1f}ms {t10/1e6:8.1f}ms {t10/t1:6.1f} {10e6/(t10/1e9)/1e6:8.1f}")
