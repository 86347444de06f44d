"""The site refuses to start in production with the example's placeholder key."""

import os
import subprocess
import sys

from django.conf import settings


def check(**environment):
    """`manage.py check` in a fresh interpreter with only the given environment."""
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def example_secret_key():
    for line in (settings.BASE_DIR / ".env.example").read_text().splitlines():
        name, _, value = line.strip().partition("=")
        if name == "DJANGO_SECRET_KEY":
            return value.strip()
    raise AssertionError(".env.example sets no DJANGO_SECRET_KEY")


def test_the_placeholder_key_of_the_example_is_refused_when_debug_is_off():
    result = check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=example_secret_key())
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a placeholder" in result.stderr


def test_a_key_django_marks_insecure_is_refused_when_debug_is_off():
    result = check(DJANGO_SECRET_KEY="django-insecure-" + "a1b2c3d4e5" * 5)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a placeholder" in result.stderr


def test_the_examples_earlier_placeholder_is_refused_too():
    earlier = "replace-me-with-secrets-token-urlsafe-50-output-kept-out-of-git"
    result = check(DJANGO_SECRET_KEY=earlier)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a placeholder" in result.stderr


def test_the_placeholder_still_serves_a_developer_with_debug_on():
    result = check(DJANGO_DEBUG="1", DJANGO_SECRET_KEY=example_secret_key())
    assert result.returncode == 0, result.stderr
