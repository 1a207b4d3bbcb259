#!/usr/bin/env python3
"""Turns a JMH JSON result of DecideBenchmark into the markdown tables of docs/performance.md.

usage: python3 bench/scripts/report.py bench/results/decide.json
Throughput is reported in ops/s (JMH measures it in ops/us with the benchmark's time unit).
"""
import json
import sys


def short(name):
    return name.rsplit(".", 1)[-1]


def main(path):
    runs = json.load(open(path))
    rows = {}
    for r in runs:
        key = (short(r["benchmark"]), tuple(sorted(r.get("params", {}).items())))
        row = rows.setdefault(key, {})
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if r["mode"] == "thrpt":
            factor = 1e6 if pm["scoreUnit"] == "ops/us" else 1.0
            row["thrpt"] = (pm["score"] * factor, pm["scoreError"] * factor)
        elif r["mode"] == "avgt":
            row["avgt"] = (pm["score"], pm["scoreError"])
        if alloc and r["mode"] == "avgt":
            row["alloc"] = (alloc["score"], alloc["scoreError"])
        row["settings"] = (r["warmupIterations"], r["warmupTime"], r["measurementIterations"],
                           r["measurementTime"], r["forks"], r["threads"])

    def fmt(v, digits=1):
        if v is None:
            return "n/a"
        score, err = v
        if err != err:  # NaN: a single iteration
            return f"{score:,.{digits}f}"
        return f"{score:,.{digits}f} ± {err:,.{digits}f}"

    by_bench = {}
    for (bench, params), row in sorted(rows.items(), key=lambda kv: (kv[0][0], [int(v) if v.isdigit() else v for _, v in kv[0][1]])):
        by_bench.setdefault(bench, []).append((params, row))
    for bench, entries in by_bench.items():
        print(f"\n#### {bench}\n")
        print("| params | ops/s | µs/op (avgt) | B/op |")
        print("|---|---:|---:|---:|")
        for params, row in entries:
            p = ", ".join(f"{k}={v}" for k, v in params) or "-"
            print(f"| {p} | {fmt(row.get('thrpt'), 0)} | {fmt(row.get('avgt'), 2)} | {fmt(row.get('alloc'), 0)} |")

    def avgt(bench, **params):
        key = (bench, tuple(sorted((k, str(v)) for k, v in params.items())))
        return rows.get(key, {}).get("avgt", (None, None))[0]

    def alloc(bench, **params):
        key = (bench, tuple(sorted((k, str(v)) for k, v in params.items())))
        return rows.get(key, {}).get("alloc", (None, None))[0]

    print("\n#### Ratios (avgt, and B/op)\n")
    print("| ratio | time | allocation |")
    print("|---|---:|---:|")
    pairs = [
        ("engine (baseline, 12 fields) / floor", ("engineByRulesetSize", {"extraRules": 0}), ("floor", {})),
        ("+1,000 rules / baseline", ("engineByRulesetSize", {"extraRules": 1000}), ("engineByRulesetSize", {"extraRules": 0})),
        ("+10,000 rules / baseline", ("engineByRulesetSize", {"extraRules": 10000}), ("engineByRulesetSize", {"extraRules": 0})),
        ("12 fields / 1 field", ("engineByFieldCount", {"fields": 12}), ("engineByFieldCount", {"fields": 1})),
        ("50 fields / 12 fields", ("engineByFieldCount", {"fields": 50}), ("engineByFieldCount", {"fields": 12})),
        ("50 fields / 1 field", ("engineByFieldCount", {"fields": 50}), ("engineByFieldCount", {"fields": 1})),
    ]
    for label, (b1, p1), (b2, p2) in pairs:
        t1, t2, a1, a2 = avgt(b1, **p1), avgt(b2, **p2), alloc(b1, **p1), alloc(b2, **p2)
        t = f"{t1 / t2:,.1f}x" if t1 and t2 else "n/a"
        a = f"{a1 / a2:,.1f}x" if a1 and a2 else "n/a"
        print(f"| {label} | {t} | {a} |")
    settings = {row["settings"] for _, row in rows.items()}
    for wi, wt, mi, mt, f, t in settings:
        print(f"\nJMH: {wi} warmup x {wt}, {mi} measurement x {mt}, {f} fork(s), {t} thread(s)")


if __name__ == "__main__":
    main(sys.argv[1])
