"""Browser tests: the real site under gunicorn, driven by Chromium through Playwright.

Fixtures (the contract browser tests are written against):

- `live_archive` (session): a fresh database (a temporary SQLite file, or
  `<name>_browser` when DATABASE_URL points at PostgreSQL) migrated and loaded with
  `load_archive`, served by gunicorn with DEBUG off on a free loopback port. It is
  the base URL, e.g. "http://127.0.0.1:40123" (no trailing slash).
- `staff_credentials` (session): {"username": ..., "password": ...} of a superuser
  that `live_archive` creates, to sign in at /admin/login/.
- `page`: a Playwright page (sync API) in a fresh browser context, 1280x800.
- `screenshot`: `screenshot(page, name)` saves `<name>.png` of the full page into
  artifacts/screenshots/<UTC time of the run>/ and returns its path; the folder is
  printed at the end of the run.

Browser tests never touch the ORM: Playwright's sync API runs an event loop, and
the site they test is the gunicorn server. Everything under tests/browser/ is marked
`browser`; see tests/conftest.py for how a missing Chromium skips or fails them.
"""

import datetime
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import gunicorn
import pytest
from django.conf import settings

from tests.conftest import CHROMIUM, browser_missing

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE_DIR = Path(settings.BASE_DIR)
SCREENSHOTS = BASE_DIR / "artifacts" / "screenshots"
STARTUP_SECONDS = 60

_screenshot_folder = []
STAFF = {"username": "browser-staff", "password": secrets.token_urlsafe(16)}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_postgres_database(url):
    """Drop and create `<name>_browser` next to the database `url` names."""
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'mtcr'}_browser"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), server, name


def drop_postgres_database(server, name):
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(database_url, static_root):
    """The production-like environment the site runs with: DEBUG off, own key."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="mtcr_site.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        # Its own data releases, never the project's releases/ folder.
        MTCR_RELEASES_DIR=str(static_root.parent / "releases"),
    )
    return environment


def manage(environment, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def wait_until_serving(url, process, log):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{log.read_text()[-3000:]}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200: the tests will say more
        except OSError:
            time.sleep(0.2)
    pytest.fail(
        f"gunicorn did not answer {url} within {STARTUP_SECONDS}s:\n"
        f"{log.read_text()[-3000:]}",
        pytrace=False,
    )


def prepare_site(environment):
    """Migrate, load the archive, publish data release 1.0.0 of it, add the staff
    user and collect the static files."""
    manage(environment, "migrate", "--noinput")
    manage(environment, "load_archive")
    manage(environment, "release", "1.0.0")  # for the data releases' pages
    manage(
        {**environment, "DJANGO_SUPERUSER_PASSWORD": STAFF["password"]},
        "createsuperuser",
        "--noinput",
        "--username",
        STAFF["username"],
        "--email",
        "staff@example.org",
    )
    manage(environment, "collectstatic", "--noinput", "--verbosity", "0")


def start_gunicorn(environment, port, log):
    """gunicorn serving the site on `port`, logging to the file `log`."""
    with log.open("w") as log_file:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "mtcr_site.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--access-logfile",
                "-",
                # gunicorn 27's control socket path is one per user: leave it be.
                *(["--no-control-socket"] if gunicorn.version_info >= (27,) else []),
            ],
            cwd=BASE_DIR,
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture(scope="session")
def live_archive(tmp_path_factory):
    """The archive served by gunicorn from a database of its own; its base URL."""
    if not any(Path(settings.FIXTURES_DIR).glob("*.json")):
        pytest.skip(
            f"{settings.FIXTURES_DIR} has no fixtures to load: run `make fixtures`"
        )
    folder = tmp_path_factory.mktemp("live_archive")
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = None
    if database_url.startswith(("postgres://", "postgresql://")):
        database_url, *postgres = fresh_postgres_database(database_url)
    else:
        database_url = f"sqlite:///{folder / 'archive.sqlite3'}"
    environment = server_environment(database_url, folder / "static")
    prepare_site(environment)

    port = free_port()
    log = folder / "gunicorn.log"
    base_url = f"http://127.0.0.1:{port}"
    # The site's own address, which its absolute links name.
    process = start_gunicorn({**environment, "DJANGO_SITE_URL": base_url}, port, log)
    try:
        wait_until_serving(f"{base_url}/", process, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if postgres:
            drop_postgres_database(*postgres)


@pytest.fixture(scope="session")
def staff_credentials(live_archive):
    """The username and password of the superuser live_archive made."""
    return dict(STAFF)


@pytest.fixture(scope="package")
def browser():
    """Chromium, for the tests of this package only.

    Package scope: Playwright's event loop must be gone before tests that use the
    ORM run, or Django refuses synchronous database access.
    """
    missing = browser_missing()
    if missing:
        pytest.fail(f"browser tests are required here but {missing}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot():
    """screenshot(page, name) -> path of the full-page PNG saved for this run."""

    def save(page, name):
        if not _screenshot_folder:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            folder = SCREENSHOTS / stamp
            folder.mkdir(parents=True, exist_ok=True)
            _screenshot_folder.append(folder)
        path = _screenshot_folder[0] / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def pytest_terminal_summary(terminalreporter):
    if _screenshot_folder:
        terminalreporter.write_line(f"browser screenshots: {_screenshot_folder[0]}")
