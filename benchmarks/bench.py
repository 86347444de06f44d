"""Measure the site under gunicorn against the stack's own ceiling: `make bench`.

For each database (SQLite, PostgreSQL) and scale (1 and 100 times the real archive)
it builds a database of its own, then for every page measures: SQL queries and the
first, uncached render (Django's test client, in a child process: the median of 20
renders, probed three times during the run; the table gives the fastest probe, the
slowest beside it in brackets); requests per second with median and 99th-percentile
latency under wrk as served (page cache on, Redis shared by the workers, 16
connections); and with the page cache off, one connection at a time, so that the
latencies are the render times themselves and not time spent queueing behind other
renders on the machine's cores. A static file served by the same gunicorn is the
ceiling each page is compared to, measured again just before each cached page:
the machine's speed drifts within a run, and a ceiling measured a minute earlier,
in a faster or slower spell, would move the ratio by a fifth or more.

Loopback only; every wrk run is bounded by --duration.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PAGES = {
    "home timeline": "/",
    "plenary list": "/plenaries/",
    "plenary list, filtered": (
        "/plenaries/?year_from=2000&year_to=2016&country=republic-of-korea"
    ),
    "plenary detail": "/plenaries/2016-busan/",
    "country page": "/members/india/",
    "search": "/search/?q=intangible+technology",
    "JSON export": "/plenaries/?format=json",
}
STATIC = "/static/css/site.css"

PROBE = """
import json, os, statistics, time
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
results = {}
for name, url in json.loads(os.environ["BENCH_PAGES"]).items():
    timings = []
    # The first render compiles templates and prepares statements; the figure is
    # the median of the next 20, which one slow render does not move.
    for attempt in range(21):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    render_ms = statistics.median(timings[1:])
    results[name] = {"queries": len(queries), "render_ms": render_ms}
print(json.dumps(results))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database_url, **extra):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY")
        or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        **extra,
    }


def manage(database_url, *args, **extra):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=environment(database_url, **extra),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_database(backend, scale, workdir):
    if backend == "sqlite":
        url = f"sqlite:///{workdir / f'bench-x{scale}.sqlite3'}"
    else:
        import psycopg

        server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
        name = f"mtcr_bench_x{scale}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    started = time.perf_counter()
    if scale == 1:
        manage(url, "migrate", "-v0")
        manage(url, "load_archive")
    else:
        subprocess.run(
            [PYTHON, "benchmarks/synthetic.py", "--scale", str(scale)],
            cwd=ROOT,
            env=environment(url),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return url, time.perf_counter() - started


def probe_pages(database_url):
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=environment(
            database_url, PAGE_CACHE_SECONDS="0", BENCH_PAGES=json.dumps(PAGES)
        ),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def start_gunicorn(database_url, cached, workers):
    port = free_port()
    extra = {"PAGE_CACHE_SECONDS": "3600" if cached else "0"}
    if cached and os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"):
        extra["REDIS_URL"] = os.environ.get(
            "BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"
        )
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "mtcr_site.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers),
            "--log-level", "warning",
            # gunicorn 27's control socket is one path per user: another server
            # on this machine (make run, the browser tests) would lose its own.
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=environment(database_url, **extra),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + STATIC, timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections):
    output = subprocess.run(
        [
            "wrk", "--latency", f"-t{min(2, connections)}", f"-c{connections}",
            f"-d{duration}s",
            "--timeout", "5s", url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sockets.group(1) if sockets else "",
    }


def measure_pages(database_url, cached, duration, connections, workers, ceilings=False):
    """{page or "static file": wrk's figures}; with `ceilings`, also
    {"ceilings": {page: the static file's figures just before that page}}."""
    server, base = start_gunicorn(database_url, cached, workers)
    try:
        for url in [STATIC, *PAGES.values()]:
            urllib.request.urlopen(base + url, timeout=10).read()
        results = {"static file": wrk(base + STATIC, duration, connections)}
        if ceilings:
            results["ceilings"] = {}
        for name, url in PAGES.items():
            # Every worker renders the page once before it is timed: a worker's
            # first render of a page (its templates compiled, its caches empty)
            # is paid once per process, and would otherwise be the p99 of a
            # one-connection run of a few hundred requests.
            wrk(base + url, 1, workers)
            # A slow page leaves queued requests behind a run: wait for the
            # workers to drain them, so that no page is timed on another's backlog.
            urllib.request.urlopen(base + url, timeout=120).read()
            if ceilings:
                results["ceilings"][name] = wrk(base + STATIC, duration, connections)
            results[name] = wrk(base + url, duration, connections)
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def table(rows):
    header = (
        "| backend | scale | page | queries | first render ms (slowest probe) "
        "| cached req/s | static req/s just before "
        "| ratio to static | cached p50 ms | cached p99 ms | uncached req/s "
        "| uncached p50 ms | uncached p99 ms |"
    )
    lines = [header, "|" + "---|" * 13]
    for row in rows:
        lines.append(
            "| {backend} | {scale} | {page} | {queries} | {render_ms:.1f} "
            "({render_worst_ms:.1f}) | "
            "{cached_rps:.0f} | {ceiling_rps:.0f} | {ratio:.2f} | "
            "{cached_p50:.2f} | {cached_p99:.2f} | "
            "{uncached_rps:.0f} | {uncached_p50:.2f} | {uncached_p99:.2f} |".format(
                **row
            )
        )
    return "\n".join(lines)


def goals(rows):
    """The issue's targets, each with the rows that miss it."""
    checks = [
        ("scale 1: cached throughput >= 0.8 of static",
         lambda r: r["scale"] != 1 or r["ratio"] >= 0.8),
        ("scale 1: first, uncached render < 25 ms",
         lambda r: r["scale"] != 1 or r["render_ms"] < 25),
        ("scale 100: p99 < 50 ms as served (cached)",
         lambda r: r["scale"] == 1 or r["cached_p99"] < 50),
        ("scale 100: p99 < 50 ms uncached, one connection",
         lambda r: r["scale"] == 1 or r["uncached_p99"] < 50),
        ("scale 100: search median < 30 ms on PostgreSQL (uncached)",
         lambda r: (r["scale"], r["backend"], r["page"]) != (100, "postgres", "search")
         or r["uncached_p50"] < 30),
    ]  # fmt: skip
    lines = []
    for name, holds in checks:
        misses = [
            f"{r['backend']} x{r['scale']} {r['page']}" for r in rows if not holds(r)
        ]
        lines.append(f"{'met' if not misses else 'MISSED'}: {name}"
                     + (f" ({'; '.join(misses)})" if misses else ""))  # fmt: skip
    queries = {}
    for r in rows:
        queries.setdefault((r["backend"], r["page"]), set()).add(r["queries"])
    differ = [f"{b} {p}" for (b, p), counts in queries.items() if len(counts) > 1]
    lines.append(f"{'met' if not differ else 'MISSED'}: same queries at every scale"
                 + (f" ({'; '.join(differ)})" if differ else ""))  # fmt: skip
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 100])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--output", type=Path, help="also write the table here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    manage("sqlite:///:memory:", "collectstatic", "--noinput", "-v0")
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for backend in args.backends:
            for scale in args.scales:
                url, seconds = prepare_database(backend, scale, Path(workdir))
                print(
                    f"{backend} x{scale}: database ready in {seconds:.1f} s", flush=True
                )
                # The render probe three times, a minute or so apart (before, between
                # and after the wrk runs): this machine has slow spells that lengthen
                # every render by up to half for a minute, and a median of renders
                # taken within a second cannot average them out.
                probes = [probe_pages(url)]
                cached = measure_pages(
                    url, True, args.duration, args.connections, args.workers,
                    ceilings=True,
                )  # fmt: skip
                probes.append(probe_pages(url))
                uncached = measure_pages(url, False, args.duration, 1, args.workers)
                probes.append(probe_pages(url))
                ceilings = [run["rps"] for run in cached["ceilings"].values()]
                print(
                    f"  static file: {cached['static file']['rps']:.0f} req/s, "
                    f"p50 {cached['static file']['p50']:.2f} ms; before each page "
                    f"{min(ceilings):.0f}-{max(ceilings):.0f} req/s",
                    flush=True,
                )
                for page in PAGES:
                    row = {
                        "backend": backend,
                        "scale": scale,
                        "page": page,
                        "queries": probes[0][page]["queries"],
                        "render_ms": min(probe[page]["render_ms"] for probe in probes),
                        "render_worst_ms": max(
                            probe[page]["render_ms"] for probe in probes
                        ),
                        "cached_rps": cached[page]["rps"],
                        "ceiling_rps": cached["ceilings"][page]["rps"],
                        "ratio": cached[page]["rps"] / cached["ceilings"][page]["rps"],
                        "cached_p50": cached[page]["p50"],
                        "cached_p99": cached[page]["p99"],
                        "uncached_rps": uncached[page]["rps"],
                        "uncached_p50": uncached[page]["p50"],
                        "uncached_p99": uncached[page]["p99"],
                    }
                    rows.append(row)
                    failures = [
                        f"{mode}: {run['non2xx']} non-2xx {run['socket_errors']}"
                        for mode, run in (
                            ("cached", cached[page]),
                            ("uncached", uncached[page]),
                        )
                        if run["non2xx"] or run["socket_errors"]
                    ]
                    print(
                        f"  {page}: {row['cached_rps']:.0f} req/s cached "
                        f"({row['ratio']:.2f} of static), {row['uncached_rps']:.0f} "
                        f"uncached; {row['queries']} queries; first render "
                        f"{row['render_ms']:.1f} ms (slowest probe "
                        f"{row['render_worst_ms']:.1f}) {' '.join(failures)}",
                        flush=True,
                    )
    result = table(rows) + "\n\n" + goals(rows)
    print()
    print(result)
    if args.output:
        args.output.write_text(result + "\n")


if __name__ == "__main__":
    main()
