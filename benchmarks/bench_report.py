"""What bench.py prints at the end: the pages' table, the build's table and the goals,
as Markdown tables that the README and benchmarks/RESULTS.md can quote."""

import itertools


def table(rows):
    header = (
        "| backend | scale | page | queries | first render median ms "
        "(slowest probe) | first render p95 ms | cached req/s "
        "| static req/s just before | ratio to static | cached p50 ms "
        "| cached p99 ms | uncached req/s | uncached p50 ms | uncached p99 ms |"
    )
    lines = [header, "|" + "---|" * 14]
    for row in rows:
        lines.append(
            "| {backend} | {scale} | {page} | {queries} | {render_ms:.1f} "
            "({render_worst_ms:.1f}) | {render_p95_ms:.1f} | "
            "{cached_rps:.0f} | {ceiling_rps:.0f} | {ratio:.2f} | "
            "{cached_p50:.2f} | {cached_p99:.2f} | "
            "{uncached_rps:.0f} | {uncached_p50:.2f} | {uncached_p99:.2f} |".format(
                **row
            )
        )
    return "\n".join(lines)


def build_table(builds):
    """{backend: {step: seconds}} as a table, the total beside the steps."""
    steps = ["build_fixtures", "migrate", "load_archive"]
    lines = [
        "| backend | " + " | ".join(f"{step} s" for step in steps) + " | total s |",
        "|" + "---|" * (len(steps) + 2),
    ]
    for backend, timings in builds.items():
        figures = [f"{timings[step]:.2f}" for step in steps]
        total = sum(timings[step] for step in steps)
        lines.append(f"| {backend} | {' | '.join(figures)} | {total:.2f} |")
    return "\n".join(lines)


SCALES = {1, 10}
# (goal, the rows it applies to, whether a row meets it)
PAGE_GOALS = [
    (
        "every page served from the page cache at >= 0.8 of the static file",
        lambda r: r["scale"] in SCALES,
        lambda r: r["ratio"] >= 0.8,
    ),
    (
        "first, uncached render p95 < 50 ms for every page",
        lambda r: r["scale"] in SCALES,
        lambda r: r["render_p95_ms"] < 50,
    ),
    (
        "search median < 30 ms on PostgreSQL at scale 10 (uncached, one connection)",
        lambda r: (r["scale"], r["backend"], r["page"]) == (10, "postgres", "search"),
        lambda r: r["uncached_p50"] < 30,
    ),
]
BUILD_GOAL_SECONDS = 5


def verdict(name, measured, misses):
    if not measured:
        return f"not measured: {name}"
    if misses:
        return f"MISSED: {name} ({'; '.join(misses)})"
    return f"met: {name}"


def goals(rows, builds):
    """The redesign's targets, each with what misses it."""
    lines = []
    for name, applies, holds in PAGE_GOALS:
        measured = [r for r in rows if applies(r)]
        misses = [
            f"{r['backend']} x{r['scale']} {r['page']}"
            for r in measured
            if not holds(r)
        ]
        lines.append(verdict(name, measured, misses))
    queries = {}
    for r in rows:
        queries.setdefault((r["backend"], r["page"]), {})[r["scale"]] = r["queries"]
    several = {key: counts for key, counts in queries.items() if len(counts) > 1}
    # Fewer at a larger scale is no growth: the plenary list reads the
    # announcements of the years without a plenary only when there are such
    # years, as in the real archive; the synthetic copies leave none.
    grow = [
        f"{backend} {page} {counts}"
        for (backend, page), counts in several.items()
        if any(
            counts[larger] > counts[smaller]
            for smaller, larger in itertools.pairwise(sorted(counts))
        )
    ]
    lines.append(verdict("no page runs more queries at a larger scale", several, grow))
    totals = {backend: sum(timings.values()) for backend, timings in builds.items()}
    slow = [f"{b} {t:.1f} s" for b, t in totals.items() if t >= BUILD_GOAL_SECONDS]
    lines.append(
        verdict(
            f"build_fixtures + migrate + load_archive < {BUILD_GOAL_SECONDS} s",
            totals,
            slow,
        )
    )
    return "\n".join(lines)
