"""Fixtures of the site's tests: a Redis server of their own (tests/redis_server.py)."""

from tests.redis_server import redis_caches, redis_server  # noqa: F401
