"""Settings come from the environment; the production example passes check --deploy."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

ENV_EXAMPLE = settings.BASE_DIR / ".env.example"


def example_environment():
    """The variables .env.example sets, as a service manager would read them."""
    variables = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            variables[name.strip()] = value.strip()
    return variables


def manage(*args, **environment):
    """Run manage.py in a fresh interpreter with only the given environment."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_read():
    """The environment variables mtcr_site/settings.py reads."""
    source = (settings.BASE_DIR / "mtcr_site" / "settings.py").read_text()
    pattern = r'(?:environ\.get\(|environ\[|env_bool\(|env_list\()\s*"([A-Z_]+)"'
    return set(re.findall(pattern, source))


def test_env_example_documents_every_variable_the_settings_read():
    documented = set(example_environment())
    assert {
        "DATABASE_URL",
        "DJANGO_DEBUG",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DJANGO_CSRF_TRUSTED_ORIGINS",
        "REDIS_URL",
        "DJANGO_SECURE_SSL_REDIRECT",
        "DJANGO_SECURE_COOKIES",
        "DJANGO_HSTS_SECONDS",
    } <= settings_read()
    assert settings_read() - documented == set(), "read but not in .env.example"
    assert documented - settings_read() == set(), "in .env.example but never read"


@pytest.mark.slow
def test_check_deploy_reports_no_issue_with_the_production_example():
    """With a real key in place of the example's placeholder (which the site
    refuses: tests/site/test_secret_key.py)."""
    environment = {
        **example_environment(),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    }
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_flags_a_development_environment():
    """The check above can fail: debug on and no HTTPS settings are reported."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_DEBUG="1")
    assert result.returncode != 0
    report = result.stdout + result.stderr
    for issue in ["security.W018", "security.W004", "security.W008", "security.W012"]:
        assert issue in report


@pytest.mark.slow
def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", DJANGO_SECRET_KEY_FILE="/nonexistent/secret-key")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_the_machines_key_file_is_used_when_the_environment_has_none(tmp_path):
    key_file = tmp_path / "secret"
    key_file.write_text("a-key-made-for-this-machine-" + "x" * 40 + "\n")
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DJANGO_SECRET_KEY_FILE=str(key_file),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("a-key-made-for-this-machine-" + "x" * 40)


@pytest.mark.slow
def test_an_empty_database_url_means_the_default_sqlite_file():
    """`DATABASE_URL= make test` and a blank line in a service's environment file
    read as unset, rather than failing at start-up."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default'];"
        " print(d['ENGINE'], d['NAME'])",
        DATABASE_URL="",
        DJANGO_SECRET_KEY="k" * 50,
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()[-2:]
    assert engine == "django.db.backends.sqlite3"
    assert name == str(settings.BASE_DIR / "db.sqlite3")
