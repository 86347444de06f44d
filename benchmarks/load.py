"""Hold every page under load: `make loadtest` (wrk, 64 connections, 60 s a page).

Serves the real archive under gunicorn (page cache on, Redis shared by the
workers) on loopback and reports, for each page and a static file, the requests
served, non-2xx answers and socket errors. Exits non-zero if any page had either.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from bench import PAGES, STATIC, manage, measure_pages, prepare_database


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="postgres", choices=["sqlite", "postgres"])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--cached", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    manage("sqlite:///:memory:", "collectstatic", "--noinput", "-v0")
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        url, _ = prepare_database(args.backend, 1, Path(workdir))
        results = measure_pages(
            url, args.cached, args.duration, args.connections, workers=5
        )
    print("| page | requests/s | p99 ms | non-2xx | socket errors |")
    print("|---|---|---|---|---|")
    for name in ["static file", *PAGES]:
        run = results[name]
        failed |= bool(run["non2xx"] or run["socket_errors"])
        print(
            f"| {name} | {run['rps']:.0f} | {run['p99']:.1f} | {run['non2xx']} "
            f"| {run['socket_errors'] or 'none'} |"
        )
    print(
        f"({args.backend}, {args.connections} connections, {args.duration} s each, "
        f"page cache {'on' if args.cached else 'off'}; static file {STATIC})"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
