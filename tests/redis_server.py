"""A Redis server of the test's own, and the site's caches pointed at it.

`redis_server` starts redis-server on a free port (no snapshots, no append-only
file) and stops it after the test; the machine's own Redis is never touched.
Without redis-server the tests using it are skipped, or fail where
MTCR_REQUIRE_REDIS=1.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest
import redis


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """One redis-server process, which a test may stop and start again."""

    def __init__(self, executable):
        self.executable = executable
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=2)

    def keys(self):
        return sorted(key.decode() for key in self.client().keys("*"))


@pytest.fixture
def redis_server():
    executable = shutil.which("redis-server")
    if executable is None:
        if os.environ.get("MTCR_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server not found, and MTCR_REQUIRE_REDIS=1")
        pytest.skip("redis-server not found (set MTCR_REQUIRE_REDIS=1 to fail)")
    server = RedisServer(executable)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_caches(redis_server, settings):
    """The site's caches as production configures them, on the test's own Redis."""
    from django.core.cache import caches

    from mtcr_site.settings import cache_settings

    settings.CACHES = cache_settings(redis_server.url)
    settings.PAGE_CACHE_SECONDS = 3600
    for cache in caches.all():
        cache.clear()
    yield redis_server
    for cache in caches.all(initialized_only=True):
        cache.close()
