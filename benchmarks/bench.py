"""Measure the site under gunicorn against the stack's own ceiling: `make bench`.

For each database (SQLite, PostgreSQL) and scale (1 and 10 times the real archive)
it builds a database of its own, timing at scale 1 what a new installation runs:
build_fixtures, migrate and load_archive into the empty database. Then for every
page it measures: SQL queries and the first, uncached render (Django's test client,
in a child process: the median and the 95th percentile of 20 renders, probed three
times during the run; the table gives each from the fastest probe, the slowest
probe's median beside it in brackets); requests per second with median and
99th-percentile latency under wrk as served (page cache on, Redis shared by the
workers, 16 connections); and with the page cache off, one connection at a time, so
that the latencies are the render times themselves and not time spent queueing
behind other renders on the machine's cores. A static file served by the same
gunicorn is the ceiling each page is compared to, measured again just before each
cached page: the machine's speed drifts within a run, and a ceiling measured a
minute earlier, in a faster or slower spell, would move the ratio by a fifth or more.

The goals (printed under the tables, each met, MISSED or not measured):
- every page served from the page cache at 0.8 or more of the static file's rate;
- the first, uncached render's 95th percentile under 50 ms for every page;
- search under 30 ms median on PostgreSQL at scale 10 (uncached, one connection);
- the same number of SQL queries for a page at every scale;
- build_fixtures + migrate + load_archive into an empty database under 5 s.

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

from bench_report import build_table, goals, table

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
    # The first render compiles templates and prepares statements; the figures
    # are the median and the 95th percentile of the next 20.
    for attempt in range(21):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    results[name] = {
        "queries": len(queries),
        "render_ms": statistics.median(timings[1:]),
        "render_p95_ms": statistics.quantiles(
            timings[1:], n=20, method="inclusive"
        )[-1],
    }
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
    """(database URL, {step: seconds}): an empty database of the backend's, filled
    at scale 1 the way a new installation is (fixtures built from sources/ into
    `workdir`, migrate, load_archive), at a larger scale by benchmarks/synthetic.py."""
    url = empty_database(backend, scale, workdir)
    if scale == 1:
        fixtures = workdir / f"fixtures-{backend}"
        steps = {
            "build_fixtures": lambda: manage(
                url, "build_fixtures", "--output", str(fixtures)
            ),
            "migrate": lambda: manage(url, "migrate", "-v0"),
            "load_archive": lambda: manage(
                url, "load_archive", "--fixtures", str(fixtures)
            ),
        }
    else:
        steps = {"synthetic archive": lambda: generate_synthetic(url, scale)}
    return url, {name: timed(step) for name, step in steps.items()}


def empty_database(backend, scale, workdir):
    if backend == "sqlite":
        return f"sqlite:///{workdir / f'bench-x{scale}.sqlite3'}"
    import psycopg

    server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    name = f"mtcr_bench_x{scale}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def generate_synthetic(database_url, scale):
    subprocess.run(
        [PYTHON, "benchmarks/synthetic.py", "--scale", str(scale)],
        cwd=ROOT,
        env=environment(database_url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def timed(step):
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


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


def page_row(backend, scale, page, probes, cached, uncached):
    """One row of the table: the page's figures at one backend and scale."""
    ceiling = cached["ceilings"][page]
    return {
        "backend": backend,
        "scale": scale,
        "page": page,
        "queries": probes[0][page]["queries"],
        "render_ms": min(probe[page]["render_ms"] for probe in probes),
        "render_worst_ms": max(probe[page]["render_ms"] for probe in probes),
        "render_p95_ms": min(probe[page]["render_p95_ms"] for probe in probes),
        "cached_rps": cached[page]["rps"],
        "ceiling_rps": ceiling["rps"],
        "ratio": cached[page]["rps"] / ceiling["rps"],
        "cached_p50": cached[page]["p50"],
        "cached_p99": cached[page]["p99"],
        "uncached_rps": uncached[page]["rps"],
        "uncached_p50": uncached[page]["p50"],
        "uncached_p99": uncached[page]["p99"],
    }


def report_static(cached):
    ceilings = [run["rps"] for run in cached["ceilings"].values()]
    static = cached["static file"]
    print(
        f"  static file: {static['rps']:.0f} req/s, p50 {static['p50']:.2f} ms; "
        f"before each page {min(ceilings):.0f}-{max(ceilings):.0f} req/s",
        flush=True,
    )


def report_page(row, cached, uncached):
    failures = [
        f"{mode}: {run['non2xx']} non-2xx {run['socket_errors']}"
        for mode, run in (("cached", cached), ("uncached", uncached))
        if run["non2xx"] or run["socket_errors"]
    ]
    print(
        f"  {row['page']}: {row['cached_rps']:.0f} req/s cached "
        f"({row['ratio']:.2f} of static), {row['uncached_rps']:.0f} uncached; "
        f"{row['queries']} queries; first render {row['render_ms']:.1f} ms, p95 "
        f"{row['render_p95_ms']:.1f} (slowest probe's median "
        f"{row['render_worst_ms']:.1f}) {' '.join(failures)}",
        flush=True,
    )


def bench_database(url, backend, scale, args):
    """The table's rows for one database, reported page by page as they come."""
    # The render probe three times, a minute or so apart (before, between and
    # after the wrk runs): this machine has slow spells that lengthen every render
    # by up to half for a minute, and a median of renders taken within a second
    # cannot average them out.
    probes = [probe_pages(url)]
    cached = measure_pages(
        url, True, args.duration, args.connections, args.workers, ceilings=True
    )
    probes.append(probe_pages(url))
    uncached = measure_pages(url, False, args.duration, 1, args.workers)
    probes.append(probe_pages(url))
    report_static(cached)
    rows = []
    for page in PAGES:
        row = page_row(backend, scale, page, probes, cached, uncached)
        report_page(row, cached[page], uncached[page])
        rows.append(row)
    return rows


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--scales", nargs="+", type=int, default=[1, 10])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--output", type=Path, help="also write the tables here")
    return parser.parse_args()


def main():
    args = parse_arguments()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    manage("sqlite:///:memory:", "collectstatic", "--noinput", "-v0")
    rows, builds = [], {}
    with tempfile.TemporaryDirectory() as workdir:
        for backend in args.backends:
            for scale in args.scales:
                url, steps = prepare_database(backend, scale, Path(workdir))
                if scale == 1:
                    builds[backend] = steps
                took = ", ".join(f"{name} {sec:.1f} s" for name, sec in steps.items())
                print(f"{backend} x{scale}: database ready ({took})", flush=True)
                rows += bench_database(url, backend, scale, args)
    result = "\n\n".join([table(rows), build_table(builds), goals(rows, builds)])
    print()
    print(result)
    if args.output:
        args.output.write_text(result + "\n")


if __name__ == "__main__":
    main()
