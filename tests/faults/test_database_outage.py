"""PostgreSQL stopped under a running site: the site's own 503, then recovery by itself.

It stops and starts the machine's PostgreSQL cluster, so it runs only when asked
(MTCR_OUTAGE_TESTS=1, as .ci/run does after the rest of the suite) and only against
PostgreSQL.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, manage

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.outage,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or os.environ.get("MTCR_OUTAGE_TESTS") != "1",
        reason="stops the PostgreSQL cluster: set MTCR_OUTAGE_TESTS=1 and a "
        "PostgreSQL DATABASE_URL",
    ),
]


def cluster(action):
    version = sorted(Path("/etc/postgresql").iterdir())[-1].name
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        timeout=120,
    )


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def site_on_postgres(scratch_database_url, tmp_path):
    manage(scratch_database_url, "load_archive")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "DATABASE_URL": scratch_database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "PAGE_CACHE_SECONDS": "0",
    }
    # With DEBUG off the site wants the manifest only this collectstatic writes.
    manage(
        scratch_database_url,
        "collectstatic",
        "--noinput",
        "-v0",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=environment["DJANGO_SECRET_KEY"],
        DJANGO_STATIC_ROOT=environment["DJANGO_STATIC_ROOT"],
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mtcr_site.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--no-control-socket"],
        cwd=ROOT,
        env=environment,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(base + "/")
            break
        except OSError:
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_site_answers_503_while_postgres_is_down_and_recovers_by_itself(
    site_on_postgres,
):
    page = site_on_postgres + "/plenaries/2016-busan/"
    assert fetch(page)[0] == 200
    cluster("stop")
    try:
        status, body = fetch(page)
        assert status == 503
        assert "briefly unavailable" in body
        assert "Traceback" not in body
    finally:
        cluster("start")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, body = fetch(page)
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200
    assert "Busan" in body
