"""Settings for the MTCR Plenary Archive, from the environment (see .env.example)."""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG")

# The environment's key, else the one `make install` made for this machine (so that
# `manage.py createsuperuser` and friends work as usual after `make run`).
SECRET_KEY_FILE = Path(
    os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / ".secret_key")
)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and SECRET_KEY_FILE.is_file():
    SECRET_KEY = SECRET_KEY_FILE.read_text().strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(`make install` generates one for this machine in .secret_key)."
        )
    # Only for a developer's own machine: never reaches production, where the
    # check above refuses to start without a real key.
    SECRET_KEY = "dev-only-insecure-key-for-the-mtcr-archive-do-not-deploy-0123456789"
# Django's own mark of a key not to deploy (the start of the placeholder in
# .env.example), and the start of the example's earlier placeholder: a site
# started with one would sign sessions with a key anyone can read.
PLACEHOLDER_KEY_PREFIXES = ("django-insecure-", "replace-me")
if not DEBUG and SECRET_KEY.startswith(PLACEHOLDER_KEY_PREFIXES):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is a placeholder (it starts with "
        f"{' or '.join(PLACEHOLDER_KEY_PREFIXES)}): "
        "set a long random key, e.g. from "
        '`python -c "import secrets; print(secrets.token_urlsafe(50))"`.'
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")


def default_site_url():
    """Without DJANGO_SITE_URL: the first named host of DJANGO_ALLOWED_HOSTS (https
    when DJANGO_SECURE_SSL_REDIRECT is on), else `make run`'s own address."""
    hosts = [
        host
        for host in env_list("DJANGO_ALLOWED_HOSTS")
        if host != "*" and not host.startswith(".")
    ]
    if not hosts:
        return "http://127.0.0.1:8000"
    scheme = "https" if env_bool("DJANGO_SECURE_SSL_REDIRECT") else "http"
    return f"{scheme}://{hosts[0]}"


# The site's public address, scheme and host: every absolute link it writes (feed,
# sitemap, API, exports, citations, canonical links) starts with it, never with
# the Host header of a request (core.addresses).
SITE_URL = (os.environ.get("DJANGO_SITE_URL") or default_site_url()).rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        "DJANGO_SITE_URL must be an http:// or https:// address, "
        "such as https://mtcr-archive.example.org"
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "core",
    "evidence",
    "members",
    "plenaries",
    "annex",
    "timeline",
    "search",
    "changes",
    "research",
    "ingest",
    "checks",
    "submissions",
    "api",
    "reports",
    "mtcr_site.apps.SiteConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mtcr_site.middleware.page_cache.PageCacheMiddleware",
    "mtcr_site.middleware.security.SecurityHeadersMiddleware",
    "mtcr_site.middleware.request_checks.ServedMethodsMiddleware",
    "mtcr_site.middleware.request_checks.BadQueryMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "mtcr_site.middleware.database.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mtcr_site.middleware.login_throttle.AdminLoginThrottleMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "mtcr_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mtcr_site.context_processors.site",
            ],
            "builtins": ["core.templatetags.markdown"],
        },
    },
]

WSGI_APPLICATION = "mtcr_site.wsgi.application"

DATABASES = {
    # An empty DATABASE_URL (`DATABASE_URL= make test`, a blank line in a service's
    # environment file) means the default, as an unset one does.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so that psycopg prepares a query the second
    # time a connection runs it: PostgreSQL then skips planning it, which costs
    # more than running most of a page's queries. A pooler in transaction mode
    # without prepared-statement support needs DJANGO_DB_PREPARED=0.
    if os.environ.get("DJANGO_DB_PREPARED", "1") != "0":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=2
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_settings(redis_url=""):
    """The caches: Redis shared by the workers where there is one, and each worker's
    own copy of the pages it served (mtcr_site/cache.py)."""
    if redis_url:
        # Fails open: an unreachable or full Redis makes a read find nothing and a
        # write do nothing, logged (mtcr_site/cache.py).
        shared = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    else:
        shared = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
    return {"default": shared, "local": local}


# Rendered pages are cached (mtcr_site/cache.py) and invalidated on every change;
# local memory is per process, so there pages live only briefly.
CACHES = cache_settings(os.environ.get("REDIS_URL", ""))
LOCAL_VERSION_SECONDS = 1
PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "PAGE_CACHE_SECONDS", "3600" if os.environ.get("REDIS_URL") else "30"
    )
)
# The bounds of the page cache: a page larger than this is never stored, nor one
# over the local limit in a worker's own memory (500 entries there); at most this
# many query strings of one path are stored until the archive next changes.
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", 2_000_000))
PAGE_CACHE_LOCAL_MAX_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_MAX_BYTES", 250_000))
PAGE_CACHE_VARIANTS = int(os.environ.get("PAGE_CACHE_VARIANTS", 200))
# After a Redis error a worker renders uncached for this long before trying again.
PAGE_CACHE_RETRY_SECONDS = 5
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Sessions (staff sign-in) live in the database, never only in Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Admin sign-in: this many failures per address or username, then a pause.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("LOGIN_FAILURE_WINDOW", "900"))
# Readers' error reports: this many per client address in the window, then a 429.
REPORT_LIMIT = int(os.environ.get("REPORT_LIMIT", "5"))
REPORT_WINDOW = int(os.environ.get("REPORT_WINDOW", "600"))
# Addresses or networks of the proxies in front of the site (the TLS proxy):
# a request from one of them is counted against the client its X-Forwarded-For
# names. None by default: the connection's own address is the client's.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error}") from None

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
# The archive is in English only. Without the translation machinery every
# variable a template renders skips a lookup of the active language, which every
# page would pay for many times over; dates and numbers still take en-gb's formats.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The archive's documents and the fixtures built from them.
SOURCES_DIR = Path(os.environ.get("MTCR_SOURCES_DIR", BASE_DIR / "sources"))
FIXTURES_DIR = Path(os.environ.get("MTCR_FIXTURES_DIR", BASE_DIR / "fixtures"))
# The data releases (`manage.py release`): written once each, never changed, served
# at /data/releases/. Not in git: keep the folder, and back it up, where the site
# runs.
RELEASES_DIR = Path(os.environ.get("MTCR_RELEASES_DIR", BASE_DIR / "releases"))

# Production: behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere, the admin included.
CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    },
}
