#!/usr/bin/env python3
"""Audits enterprise reports as statistical agencies audit suppressed tables (sdcTable's attack(),
tau-ARGUS's audit), independently of the Swift code that chooses what a report shows.

It generates random partnerships (threshold k, sites, feedback spread over months, a sequence of
monthly and quarterly reports), has `report-figures` (HuzhuCore's rule) compute every figure each
report shows and its trend, and then, from everything a liaison sees of a partnership, computes by
integer programming (HiGHS) the smallest and largest value each unpublished count can take. The
unpublished counts are those of every report's full table: each category x site cell (items from no
listed site apart), each category, each site, each severity, each category x severity and site x
severity pair, each report's total and each month's total. A count whose true value lies between 1
and k-1 fails the audit if its bounds reach neither 0 nor k. Every shown figure must also be 0 or at
least k and agree with the items.

    python3 Tests/audit/report_audit.py --bin "$(swift build --show-bin-path)/report-figures" [--partnerships 1000] [--seed 16]
"""
import argparse
import json
import random
import subprocess
import sys
from itertools import product

import highspy
import numpy as np

CATEGORIES = ["wages", "hours", "safety", "dormitory", "management", "harassment", "contracts", "suggestions", "other"]
SEVERITIES = ["urgent", "normal", "suggestion"]
OTHER = "*"  # in a figure's site list: items from no listed site


def month_text(index):
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def period_months(text):
    year, part = text.split("-")
    if part.startswith("Q"):
        first = int(year) * 12 + (int(part[1:]) - 1) * 3
        return [month_text(first + i) for i in range(3)]
    return [text]


def generate(rng, count):
    partnerships = []
    for _ in range(count):
        k = rng.randint(3, 10)
        sites = ["S%d" % i for i in range(rng.randint(0, 4))]
        month, reports, months = 2025 * 12 + rng.randint(0, 11), [], []
        for _ in range(rng.randint(1, 4)):
            month += rng.choice([0, 0, 0, 1])  # now and then a month nobody reports
            if rng.random() < 0.5:
                reports.append(month_text(month))
                months.append(month)
                month += 1
            else:
                month += (3 - month % 3) % 3
                reports.append("%04d-Q%d" % (month // 12, month % 12 // 3 + 1))
                months += [month, month + 1, month + 2]
                month += 3
        category_weights = [rng.random() ** 3 for _ in CATEGORIES]
        site_weights = [rng.random() ** 2 for _ in sites + [None]]
        severity_weights = [rng.random() ** 2 for _ in SEVERITIES]
        items = []
        for m in range(min(months) - 1, max(months) + 2):
            for _ in range(rng.choice([0, rng.randint(0, k), rng.randint(0, 3 * k), rng.randint(0, 8 * k)])):
                items.append({"month": month_text(m),
                              "category": rng.choices(CATEGORIES, category_weights)[0],
                              "site": rng.choices(sites + [None], site_weights)[0],
                              "severity": rng.choices(SEVERITIES, severity_weights)[0]})
        partnerships.append({"k": k, "sites": sites, "reports": reports, "items": items})
    return partnerships


class Audit:
    """One partnership: atoms are (month, category, site, severity) counts over every reported month."""

    def __init__(self, partnership, reports):
        self.k, self.sites, self.reports = partnership["k"], partnership["sites"] + [None], reports
        self.months = sorted({m for r in partnership["reports"] for m in period_months(r)})
        self.atoms = list(product(self.months, CATEGORIES, self.sites, SEVERITIES))
        self.index = {atom: i for i, atom in enumerate(self.atoms)}
        self.truth = np.zeros(len(self.atoms))
        for item in partnership["items"]:
            key = (item["month"], item["category"], item["site"], item["severity"])
            if key in self.index:
                self.truth[self.index[key]] += 1
        self.failures = []

    def select(self, months, categories=CATEGORIES, sites=None, severities=SEVERITIES):
        sites = self.sites if sites is None else sites
        return [self.index[a] for a in product(months, categories, sites, severities)]

    def run(self):
        n = len(self.atoms)
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.addVars(n, np.zeros(n), np.full(n, highspy.kHighsInf))
        highs.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
        published = []
        for report in self.reports:
            months = period_months(report["period"])
            for figure in report["figures"]:
                sites = [None if s == OTHER else s for s in figure["sites"]]
                cols = self.select(months, figure["categories"], sites, figure["severities"])
                published.append((cols, figure["count"], "%s figure %s" % (report["period"], figure)))
            for point in report["trend"]:
                if point.get("total") is not None:
                    published.append((self.select(period_months(point["period"])), point["total"],
                                      "%s trend %s" % (report["period"], point)))
        for cols, value, label in published:
            true = self.truth[cols].sum()
            if true != value:
                self.failures.append("shown figure disagrees with the items (%d): %s" % (true, label))
            if 0 < value < self.k:
                self.failures.append("shown figure under k=%d: %s" % (self.k, label))
            highs.addRow(value, value, len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))
        shown = {tuple(sorted(cols)) for cols, _, _ in published}
        for name, cols in self.counts():
            true = self.truth[cols].sum()
            if not 0 < true < self.k or tuple(sorted(cols)) in shown:
                continue
            low = self.solve(highs, cols, highspy.ObjSense.kMinimize)
            if low >= 1:
                high = self.solve(highs, cols, highspy.ObjSense.kMaximize)
                if high <= self.k - 1:
                    self.failures.append("%s = %d is pinned to [%d, %d] (k=%d)" % (name, true, low, high, self.k))
        return self.failures

    def solve(self, highs, cols, sense):
        n = len(self.atoms)
        cost = np.zeros(n)
        cost[cols] = 1
        highs.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        highs.changeObjectiveSense(sense)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return float("inf")  # unbounded: nothing limits it
        return round(highs.getInfo().objective_function_value)

    def counts(self):
        for report in self.reports:
            p = report["period"]
            months = period_months(p)
            yield "%s total" % p, self.select(months)
            if len(months) > 1:
                for m in months:
                    yield "%s month %s" % (p, m), self.select([m])
            for c in CATEGORIES:
                yield "%s %s" % (p, c), self.select(months, [c])
                for v in SEVERITIES:
                    yield "%s %s %s" % (p, c, v), self.select(months, [c], None, [v])
            for s in self.sites:
                yield "%s site %s" % (p, s), self.select(months, CATEGORIES, [s])
                for v in SEVERITIES:
                    yield "%s site %s %s" % (p, s, v), self.select(months, CATEGORIES, [s], [v])
                for c in CATEGORIES:
                    yield "%s %s at %s" % (p, c, s), self.select(months, [c], [s])
            for v in SEVERITIES:
                yield "%s %s" % (p, v), self.select(months, CATEGORIES, None, [v])


def naive_reports(partnership):
    """What the rule before this audit published: every cell of k or more, every severity and every
    total as they are. The audit must catch it (see --check-audit)."""
    k, sites = partnership["k"], partnership["sites"] + [None]
    issued = []
    for period in partnership["reports"]:
        months = period_months(period)
        items = [i for i in partnership["items"] if i["month"] in months]
        figures = []
        for c, s in product(CATEGORIES, sites):
            count = sum(1 for i in items if i["category"] == c and i["site"] == s)
            if count >= k:
                figures.append({"categories": [c], "sites": [OTHER if s is None else s], "severities": SEVERITIES, "count": count})
        for v in SEVERITIES:
            count = sum(1 for i in items if i["severity"] == v)
            figures.append({"categories": CATEGORIES, "sites": [OTHER if s is None else s for s in sites],
                            "severities": [v], "count": count})
        trend = [{"period": m, "total": sum(1 for i in partnership["items"] if i["month"] == m)} for m in months]
        issued.append({"period": period, "figures": figures, "trend": trend})
    return issued


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="the report-figures executable")
    parser.add_argument("--partnerships", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--check-audit", action="store_true",
                        help="audit the naive rule instead, and fail unless the audit catches its leaks")
    args = parser.parse_args()
    partnerships = generate(random.Random(args.seed), args.partnerships)
    if args.check_audit:
        caught = sum(1 for p in partnerships if Audit(p, naive_reports(p)).run())
        print("the naive rule leaks in %d of %d partnerships" % (caught, len(partnerships)))
        sys.exit(0 if caught > 0 else 1)
    result = subprocess.run([args.bin], input=json.dumps({"partnerships": partnerships}).encode(),
                            capture_output=True, check=True)
    reports = json.loads(result.stdout)["partnerships"]
    failed, checked = 0, 0
    for number, (partnership, issued) in enumerate(zip(partnerships, reports)):
        failures = Audit(partnership, issued).run()
        checked += len(issued)
        if failures:
            failed += 1
            print("partnership %d (k=%d, sites %s, reports %s):" % (number, partnership["k"], partnership["sites"],
                                                                     partnership["reports"]))
            for failure in failures[:10]:
                print("  " + failure)
    print("%d partnerships, %d reports audited" % (len(partnerships), checked))
    print("%d passed, %d failed" % (len(partnerships) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
