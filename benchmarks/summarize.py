#!/usr/bin/env python3
"""Print a JMH JSON result (``-rf json``) of PidfParseBenchmark or RlsNotifyBenchmark as a Markdown table.

Usage: python3 benchmarks/summarize.py [results.json]   (default: benchmarks/results/pidf-parse.json)

Columns: benchmark, doc, ops/s (JMH score, the mean), its 99.9% error, the ratio to the floor
(floorWoodstoxScan) of the same doc in the same run, B/op (gc.alloc.rate.norm, needs -prof gc),
then the median of the measurement iterations and the ratio of medians, which is what
the PIDF parsing anchors report. Standard library only.
"""

import json
import math
import statistics
import sys

FLOOR = "floorWoodstoxScan"
# Floor first, then the baselines, then PresenceKit; anything else after, by name.
ORDER = [FLOOR, "domParseAndWalk", "jaxbUnmarshal", "presencekitParse", "presencekitWrite",
         "presencekitDecode", "presencekitDecodeAndReconcile", "reconcileOnly"]


def secondary(entry, name):
    # JMH before 1.37 prefixed profiler metrics with a middle dot.
    for key, metric in entry.get("secondaryMetrics", {}).items():
        if key.lstrip("\u00b7") == name:
            return number(metric.get("score"))
    return None


def median(entry):
    raw = [number(v) for fork in entry["primaryMetric"].get("rawData", []) for v in fork]
    return statistics.median(raw) if raw else math.nan


def number(value):
    # JMH writes a missing error (a single iteration) as the string "NaN".
    if value is None:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def fmt(value, digits=0):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:,.{digits}f}"


def ratio(value, floor):
    if floor is None or math.isnan(floor) or floor == 0 or math.isnan(value):
        return "n/a"
    return f"{value / floor:.2f}"


def main(argv):
    path = argv[1] if len(argv) > 1 else "benchmarks/results/pidf-parse.json"
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)

    rows = []
    for e in entries:
        name = e["benchmark"].rsplit(".", 1)[-1]
        doc = e.get("params", {}).get("doc", "")
        pm = e["primaryMetric"]
        rows.append({
            "name": name,
            "doc": doc,
            "unit": pm.get("scoreUnit", ""),
            "score": number(pm["score"]),
            "error": number(pm.get("scoreError")),
            "median": median(e),
            "norm": secondary(e, "gc.alloc.rate.norm"),
        })

    floors = {r["doc"]: r for r in rows if r["name"] == FLOOR}
    rank = {n: i for i, n in enumerate(ORDER)}
    rows.sort(key=lambda r: (r["doc"], rank.get(r["name"], len(ORDER)), r["name"]))

    units = {r["unit"] for r in rows}
    unit = units.pop() if len(units) == 1 else "score"
    print(f"| benchmark | doc | {unit} | ± error | vs floor | B/op | median {unit} | vs floor (medians) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        floor = floors.get(r["doc"])
        print("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
            r["name"], r["doc"], fmt(r["score"]), fmt(r["error"]),
            ratio(r["score"], floor["score"] if floor else None),
            fmt(r["norm"]), fmt(r["median"]),
            ratio(r["median"], floor["median"] if floor else None)))
    if not floors:
        print(f"\n(no {FLOOR} result in {path}: ratios are n/a)")


if __name__ == "__main__":
    main(sys.argv)
