"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from partnerhub.settings.env import env_bool, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(env_str("PARTNERHUB_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")  # each environment decides whether a default is safe
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "csp",
    "django_htmx",
    "django_tables2",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "partnerhub.core",
    "partnerhub.access",
    "partnerhub.accounts",
    "partnerhub.privacy",
    "partnerhub.audit",
    "partnerhub.territory",
    "partnerhub.registry",
    "partnerhub.partnerships",
    "partnerhub.projects",
    "partnerhub.results",
    "partnerhub.events",
    "partnerhub.consultation",
    "partnerhub.demo",
    "partnerhub.api",
    "partnerhub.opendata",
    "partnerhub.synthetic",
    "partnerhub.search",
    "partnerhub.workspace",
    "partnerhub.matching",
    "partnerhub.formation",
    "partnerhub.agreements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records who made a change made through a request (the audit trail).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its response.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection first (django-axes), then object permissions declared with `rules`
# (each app's rules.py), then Django's own accounts and model permissions.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "partnerhub.urls"
WSGI_APPLICATION = "partnerhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Embedded default: one SQLite file under var/ (WAL mode, see core.apps). Production and
# scale-out: DATABASE_URL=postgres://...
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'partnerhub.sqlite3'}")
# Each worker keeps its connection for DB_CONN_MAX_AGE seconds (0: a new one per request)
# and checks it is still usable before the first query of a request. Opening one costs more
# than an API request's whole work: ~3 ms of CPU on SQLite (opening the file, reading a schema
# of ~200 tables), a forked and initialised backend on PostgreSQL. On SQLite a connection per
# worker is safe (WAL: readers do not block the writer); on PostgreSQL, count workers ×
# app servers against max_connections (or put a pooler in front and set 0).
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(env_str("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("pl", _("Polish")),
    ("sl", _("Slovenian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; lock-outs are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- REST API (partnerhub.api): /api/, schema at /api/schema/ --------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so an anonymous write is answered 401 with "WWW-Authenticate: Token".
        "partnerhub.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["partnerhub.api.permissions.RecordPermission"],
    "DEFAULT_PAGINATION_CLASS": "partnerhub.api.pagination.RecordCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "partnerhub.api.filters.RecordOrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["partnerhub.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_THROTTLE_RATE", "120/minute")},
    # Clients are told apart by REMOTE_ADDR unless the site sits behind that many trusted
    # proxies; left unset, DRF would trust any X-Forwarded-For and the throttle could be dodged.
    "NUM_PROXIES": int(env_str("API_NUM_PROXIES", "0")),
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "partnerhub.api.exceptions.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "partnerhub.api.schema.RecordAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "COERCE_DECIMAL_TO_STRING": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Partnerhub API",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "Local cross-sector partnerships: organisations, partnerships, programmes, projects, "
        "results, events and local problems.\n\n"
        "**Access.** Anyone may read published records; people and internal records are "
        "shown as the user's roles allow (hub staff, partnership coordinator, organisation "
        "representative, site administrator), and writing follows the same roles. "
        "Authenticate with a personal token (`Authorization: Token <key>`, created on your "
        "profile at /accounts/profile/) or a signed-in session.\n\n"
        "**Lists** are paged with opaque cursors (`next`/`previous` links, `page_size` up to "
        "200), sorted with `ordering`, searched with `q` and filtered with the parameters "
        "listed per operation. `territory` takes a unit id, a country and official code "
        "(`PL:02`, `SI:094`) or a NUTS code, and matches the unit and everything within it.\n\n"
        "**Errors** always have the body `{detail, code, errors}`; for bad input (400) "
        "`errors` holds messages by field, nested items named by path "
        "(`partners.1.organisation`)."
    ),
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "SectorEnum": "partnerhub.core.choices.Sector",
        "AttendanceSectorEnum": "partnerhub.events.choices.AttendanceSector",
        "VisibilityEnum": "partnerhub.core.choices.Visibility",
        "OrganisationStatusEnum": "partnerhub.registry.choices.OrganisationStatus",
        "ProjectStatusEnum": "partnerhub.projects.choices.ProjectStatus",
        "ProgrammeStatusEnum": "partnerhub.projects.choices.ProgrammeStatus",
        "GoalStatusEnum": "partnerhub.results.choices.GoalStatus",
        "ProblemStatusEnum": "partnerhub.consultation.choices.ProblemStatus",
        "IndicatorKindEnum": "partnerhub.results.choices.IndicatorKind",
        "GoalKindEnum": "partnerhub.results.choices.GoalKind",
        "PartnershipKindEnum": "partnerhub.partnerships.choices.PartnershipKind",
        "MemberRoleEnum": "partnerhub.partnerships.choices.MemberRole",
        "PartnerRoleEnum": "partnerhub.projects.choices.PartnerRole",
        "StageEnum": "partnerhub.partnerships.choices.Stage",
        "InvitationStatusEnum": "partnerhub.formation.choices.InvitationStatus",
        "VersionStatusEnum": "partnerhub.agreements.choices.VersionStatus",
    },
}

# --- Access (partnerhub.access) and brute-force protection (django-axes) ----------------

# Five failed sign-ins for one username from one address lock that pair out for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# --- Content-Security-Policy (django-csp) ----------------------------------------------
# Scripts only from our own static files: no inline scripts, no inline event handlers, no
# CDN. Data for scripts travels in <script type="application/json"> blocks (json_script),
# which browsers do not execute. Styles allow inline attributes because the admin and the
# browsable API use them.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Accounts (partnerhub.accounts) and e-mail ------------------------------------------

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:index"
# Sign-out shows accounts/logged_out.html. Password-reset links last Django's default 3 days,
# as the e-mail confirmation links do.

# Without EMAIL_HOST, e-mails (confirmation links, password resets) are printed to the
# console of `make run`; with it, they go out over SMTP.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(env_str("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Partnerhub <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# "default": one cache shared by every worker and app server, a table in the database
# (`createcachetable`). What must hold across workers counts there: django-axes' sign-in
# lock-outs and the throttles of sign-in, password resets and confirmation e-mails.
#
# "api-throttle": the API's anonymous request counters (partnerhub.api.throttling), read
# and written on every anonymous API request. By default they live in each worker's memory,
# so reading the API writes nothing to the database; the limit then holds per worker (with
# W workers a client may get up to W × API_ANON_THROTTLE_RATE). API_THROTTLE_CACHE chooses:
#   local                        each worker's memory (the default)
#   database                     the shared table above: one count for all workers, but a
#                                database write per request
#   redis://host:6379/1          a shared Redis (rediss:// for TLS; needs the `redis` package)
API_THROTTLE_CACHE = env_str("API_THROTTLE_CACHE", "local")
_shared_cache: dict[str, Any] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "partnerhub_cache",
}
if API_THROTTLE_CACHE == "local":
    # A counter is a short list of timestamps: 10 000 clients stay within ~12 MB a worker.
    _api_throttle_cache: dict[str, Any] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerhub-api-throttle",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
elif API_THROTTLE_CACHE == "database":
    _api_throttle_cache = _shared_cache
elif API_THROTTLE_CACHE.startswith(("redis://", "rediss://")):
    _api_throttle_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": API_THROTTLE_CACHE,
        "KEY_PREFIX": "partnerhub-api-throttle",
    }
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "API_THROTTLE_CACHE must be 'local', 'database' or a redis:// URL, "
        f"not {API_THROTTLE_CACHE!r}."
    )
CACHES = {"default": _shared_cache, "api-throttle": _api_throttle_cache}

# --- Personal data (partnerhub.privacy) -------------------------------------------------

# The version of the privacy policy consents are given to; a new version asks again.
PRIVACY_POLICY_VERSION = env_str("PRIVACY_POLICY_VERSION", "2026-11")
# `partnerhub apply-retention` anonymises people without an account and without activity
# for longer than this.
PERSONAL_DATA_RETENTION_DAYS = int(env_str("PERSONAL_DATA_RETENTION_DAYS", str(5 * 365)))

# --- Formation (partnerhub.formation) ---------------------------------------------------

# The three-sector balance check warns when one sector holds more than this share of members.
PARTNERSHIP_DOMINANCE_THRESHOLD = float(env_str("PARTNERSHIP_DOMINANCE_THRESHOLD", "0.6"))
