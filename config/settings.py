"""Laurel's settings: one module, every value read from the environment (see README and .env.example)."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent
# Made 0700 if missing: it holds the keys, the database and the uploads.
DATA_DIR = env.private_directory(Path(env.text("LAUREL_DATA_DIR") or BASE_DIR / "var"))

DEBUG = env.flag("DEBUG", default=False)
SECRET_KEY = env.secret_key(DATA_DIR)
FIELD_ENCRYPTION_KEYS = env.field_keys(DATA_DIR)
# The organiser's account the prizes are paid from (pain.001 exports): only the default while
# finance has approved none for a cycle in the app (laurel/laureates/services/paying.py).
PRIZE_DEBTOR = {
    "name": env.text("PRIZE_DEBTOR_NAME"),
    "iban": env.text("PRIZE_DEBTOR_IBAN"),
    "bic": env.text("PRIZE_DEBTOR_BIC"),
}
ALLOWED_HOSTS = env.word_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.word_list("CSRF_TRUSTED_ORIGINS")
# Behind a TLS-terminating proxy set HTTPS=true: secure cookies, HSTS and the redirect to https.
HTTPS = env.flag("HTTPS", default=False)

INSTALLED_APPS = [
    "laurel.core",
    "laurel.accounts",
    "laurel.cycles",
    "laurel.nominations",
    "laurel.candidates",
    "laurel.review",
    "laurel.selection",
    "laurel.laureates",
    "laurel.sanctions",
    "laurel.notifications",
    "laurel.privacy",
    "laurel.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "laurel.core.headers.PermissionsPolicy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware (sees its Vary): the language switch sets the cookie "/" reads.
    "laurel.core.language.RememberLanguageChoice",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a request body (CSRF reads the form): an oversized one is refused.
    "laurel.core.limits.RequestSizeLimit",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "laurel.core.cache.NoStoreMiddleware",  # no-store on signed-in pages, downloads, private links
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "laurel.accounts.middleware.SessionLifetimeMiddleware",
    "laurel.accounts.middleware.SecondFactorRequiredMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "laurel.cycles.middleware.LanguageGate",  # each page only in a language its award offers
    "laurel.cycles.middleware.PhaseRefusedMessage",  # a phase refusal is a message, never a 500
    "laurel.api.middleware.LogApiReads",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "laurel.core.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "laurel.core.context_processors.site",
                "laurel.core.context_processors.states",
                "laurel.cycles.identity.award_context",
            ],
            "builtins": ["laurel.core.templatetags.laurel", "rules.templatetags.rules"],
        },
    }
]

DATABASES = {"default": env.database(DATA_DIR / "laurel.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "laurel_cache",
    },
    # Rendered fragments that are the same for every visitor (the call, the blank form), per
    # process; their keys include what they show, so an edit is seen at once.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "laurel-fragments",
        "TIMEOUT": 600,
    },
}
if env.text("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.text("REDIS_URL"),
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
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
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "staff:dashboard"

# Sessions live in the database (under a hash of the cookie's key: a copy of the database holds
# no usable session), expire after 30 idle minutes, and end on the server at sign-out.
SESSION_ENGINE = "laurel.accounts.sessions"
SESSION_COOKIE_AGE = env.whole_number("SESSION_IDLE_MINUTES", 30, minimum=5) * 60
SESSION_SAVE_EVERY_REQUEST = True
# However active, a session ends this many hours after its sign-in (a polling page would
# otherwise keep it alive for ever); see accounts.middleware.SessionLifetimeMiddleware.
SESSION_ABSOLUTE_HOURS = env.whole_number("SESSION_ABSOLUTE_HOURS", 12, minimum=1, maximum=168)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The language cookie as the session's: only over HTTPS when it is on, never read by scripts.
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Remembered for a year (core.language): "/" sends a visitor back to the language they chose.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Browser features no page uses, switched off (core.headers.PermissionsPolicy); empty: nobody.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "camera",
        "display-capture", "fullscreen", "geolocation", "gyroscope", "hid", "magnetometer",
        "microphone", "midi", "payment", "screen-wake-lock",
        "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# A reverse proxy that sets the client's address in a header: name that header here. Only then is
# it believed, for rate limits and the audit log; and only then is X-Forwarded-Proto believed.
TRUSTED_PROXY_HEADER = env.text("TRUSTED_PROXY_HEADER")
# How many proxies of ours each append a hop to that header: the client is the left-most of the
# hops they wrote (core.http.client_ip, also for allauth's limits); what is further left is the
# client's own writing and is ignored.
TRUSTED_PROXY_COUNT = env.whole_number("TRUSTED_PROXY_COUNT", 1, minimum=1, maximum=10)
if TRUSTED_PROXY_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en"
# Every language Laurel has a catalogue for (cycles.catalogue). The working languages have one for
# every page; the public ones for the public pages and the public's emails only. An award names
# which of them it uses (its file's [languages]); a page in any other is sent to one it offers.
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
]
WORKING_LANGUAGES = ("sv", "en")
PUBLIC_LANGUAGES = tuple(code for code, _name in LANGUAGES)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own form (templates use DATE_FORMAT, DATETIME_FORMAT,
# MONTH_DAY_FORMAT): Django's, with English written as the British write it (laurel.formats).
FORMAT_MODULE_PATH = ["laurel.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.text("TIME_ZONE", "Europe/Stockholm")

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT") or DATA_DIR / "media")
# Uploads are never served by URL: no route and no web server configuration serves this
# prefix; files are read back through views that check permissions.
MEDIA_URL = "/private-media-is-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env.flag("LAUREL_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# The largest request body an address without uploads takes (core.limits; the upload forms
# have their own limits there). Form fields without files are held to the same in memory.
REQUEST_MAX_BYTES = env.whole_number("REQUEST_MAX_BYTES", 1024 * 1024, minimum=64 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
# Uploads hold personal data: readable by the site's own user only, whatever its umask.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_500_000

# Email: the console in development (no EMAIL_HOST), SMTP when EMAIL_HOST is set.
EMAIL_HOST = env.text("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env.whole_number("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", default=bool(EMAIL_HOST) and EMAIL_PORT == 587)
EMAIL_USE_SSL = env.flag("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.whole_number("EMAIL_TIMEOUT", 20, minimum=1)
# Only for mail about no award (system mail) and for an award whose file names no sender: each
# award's emails come from its own sender (the award file's [organiser], docs/award-files.md).
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "Award secretariat <nominations@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be true.")

# The public address of the site, used in links inside emails and printed sign-in links.
SITE_URL = env.text("SITE_URL", f"http://127.0.0.1:{env.whole_number('PORT', 8000)}").rstrip("/")

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email"],
    }
}
# The worker's heartbeat (core.worker): how often it beats, and after how long a silent worker
# counts as dead (its running tasks go back to the queue; /readyz reports no live worker).
WORKER_HEARTBEAT_SECONDS = env.whole_number("WORKER_HEARTBEAT_SECONDS", 10, minimum=1)
WORKER_STALE_SECONDS = env.whole_number("WORKER_STALE_SECONDS", 60, minimum=5)
# The retention policy (laurel.privacy): config/retention.toml unless another file is named.
RETENTION_FILE = env.text("RETENTION_FILE")
# Tasks that run every day at a set time (server time zone); task workers keep each scheduled.
DAILY_TASKS = {
    "laurel.privacy.retention.apply_retention": "03:00",
    "laurel.sanctions.tasks.fetch_sanctions_lists": "04:30",
}
# The official sanctions lists (laurel.sanctions): the address each is downloaded from every day,
# where the deployment allows it. None by default: then nothing is fetched, and the lists are
# imported with `manage.py import_sanctions_list` (docs/deployment.md).
SANCTIONS_LIST_URLS = {
    source: url
    for source, url in (
        ("eu", env.text("SANCTIONS_LIST_URL_EU")),
        ("un", env.text("SANCTIONS_LIST_URL_UN")),
        ("uk", env.text("SANCTIONS_LIST_URL_UK")),
    )
    if url
}
# A list older than this (days since its publisher generated it) is shown as out of date.
SANCTIONS_LIST_MAX_AGE_DAYS = env.whole_number("SANCTIONS_LIST_MAX_AGE_DAYS", 7, minimum=1)
# /readyz reports not ready when the data directory's disk has less free space than this.
READY_MIN_FREE_MB = env.whole_number("READY_MIN_FREE_MB", 500)

# django-allauth: email sign-in, no public sign-up (accounts come from invitations), and a second
# factor that the accounts middleware makes mandatory for staff, finance and committee.
ACCOUNT_ADAPTER = "laurel.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
# No "[host name] " before the subjects of sign-in emails: they come from the award's sender, and
# their own footer names the award (templates/account/email/base_message.txt).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_PREVENT_ENUMERATION = True
# A reset asked for an address with no account sends nothing (the page reads the same either
# way): the form must not mail strangers at an address someone typed, and sign-up is closed.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# The password-reset page answers no sooner than this after a request, so that its time does not
# say whether an address has an account (laurel.accounts.views.password_reset).
PASSWORD_RESET_FLOOR_SECONDS = 0.5
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Failed sign-ins (password and second factor) are slowed by Laurel's back-off instead of
    # allauth's hard lock, which strangers could use to lock a named account or a whole office
    # out (laurel.accounts.adapter).
    "login_failed": "",
    "reset_password": "5/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_ADAPTER = "laurel.accounts.adapter.MFAAdapter"  # secrets encrypted with the field keys
MFA_FORMS = {
    "activate_totp": "laurel.accounts.adapter.EnrolTOTPForm",
    "authenticate": "laurel.accounts.adapter.SecondFactorForm",
    "reauthenticate": "laurel.accounts.adapter.SecondFactorReauthenticateForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# allauth refuses an authenticator app to an account with an unverified address (against
# someone signing up with another's address and locking it). Laurel has no sign-up and verifies
# no address by email (ACCOUNT_EMAIL_VERIFICATION above: accounts come from invitations), while a
# stranger's password-reset request records the address as unverified: the rule would only let
# strangers lock invited people out of enrolling (tests/accounts/test_second_factor.py).
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = "Laurel"
# One 30-second step of clock drift either way, as RFC 6238 recommends; codes stay single-use.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10

INVITATION_VALID_DAYS = env.whole_number("INVITATION_VALID_DAYS", 14, minimum=1, maximum=90)
INVITATION_VALIDITY = timedelta(days=INVITATION_VALID_DAYS)
# Proof-of-work cost for the nomination form (PBKDF2 iterations a browser must try, on average half).
ALTCHA_COST = env.whole_number("ALTCHA_COST", 5000, minimum=1, maximum=1_000_000)
# Per hour, from one client address: draft saves beyond this are refused for a while (what was
# typed stays in the browser); nominations beyond this are held for moderation, never refused.
NOMINATION_SAVES_PER_ADDRESS = env.whole_number("NOMINATION_SAVES_PER_ADDRESS", 240, minimum=1)
NOMINATION_SUBMITS_PER_ADDRESS = env.whole_number("NOMINATION_SUBMITS_PER_ADDRESS", 20, minimum=1)
NOMINATION_SUBMITS_PER_EMAIL = env.whole_number("NOMINATION_SUBMITS_PER_EMAIL", 5, minimum=1)
# Emails the nomination form sends to one address an hour (drafts, confirmations, receipts):
# the form takes any address, so it must not become a relay; a confirmation past it is held.
NOMINATION_EMAILS_PER_ADDRESS = 10
NOMINATION_CONFIRM_DAYS = env.whole_number("NOMINATION_CONFIRM_DAYS", 14, minimum=1, maximum=90)
EMAIL_MAX_ATTEMPTS = env.whole_number("EMAIL_MAX_ATTEMPTS", 6, minimum=1, maximum=20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "laurel.core.logging.JsonFormatter"},
    },
    "filters": {"personal_data": {"()": "laurel.core.logging.RedactPersonalData"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            # LOG_FORMAT=json: one JSON object a line, for a log collector.
            "formatter": "json" if env.text("LOG_FORMAT", "plain") == "json" else "plain",
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies are never logged; Django's request logger only names the path.
        "django.request": {"level": "ERROR"},
    },
}

# Kosovo has no ISO 3166-1 code; XK is the code everyone uses for it. The other names are
# django-countries' own (CLDR's), repeated here so that the Swedish catalogue gives them: its own
# Swedish leaves them in English or out of date (Albania, Makedonien, Swaziland …).
COUNTRIES_OVERRIDE = {
    "XK": _("Kosovo"),
    "AL": _("Albania"), "AS": _("American Samoa"), "AU": _("Australia"),
    "BV": _("Bouvet Island"), "BR": _("Brazil"), "CV": _("Cabo Verde"),
    "KH": _("Cambodia"), "CA": _("Canada"), "TD": _("Chad"),
    "CC": _("Cocos (Keeling) Islands"), "CU": _("Cuba"), "EG": _("Egypt"),
    "SZ": _("Eswatini"), "GE": _("Georgia"), "IN": _("India"), "ID": _("Indonesia"),
    "JO": _("Jordan"), "LB": _("Lebanon"), "NF": _("Norfolk Island"),
    "MK": _("North Macedonia"), "PS": _("Palestine"), "PH": _("Philippines"),
    "PN": _("Pitcairn"), "SS": _("South Sudan"),
    # CLDR's names where django-countries' differ in English (Naoero, Bahamas (The) …) or in
    # Swedish (Amerikas förenta stater, Heliga stolen …): laurel.core.countries.
    "BS": _("Bahamas"), "BQ": _("Caribbean Netherlands"), "CD": _("Democratic Republic of the Congo"),
    "CG": _("Congo"), "FK": _("Falkland Islands"), "FM": _("Micronesia"),
    "HM": _("Heard Island and McDonald Islands"), "HK": _("Hong Kong"),
    "MF": _("Saint Martin (French part)"), "NR": _("Nauru"), "SH": _("Saint Helena"),
    "ST": _("São Tomé and Príncipe"), "SX": _("Sint Maarten"),
    "TF": _("French Southern Territories"), "UM": _("United States Minor Outlying Islands"),
    "US": _("United States"), "VA": _("Vatican City"), "VG": _("British Virgin Islands"),
    "VI": _("U.S. Virgin Islands"),
    # Missing from django-countries' German and Polish.
    "TR": _("Türkiye"),
}  # fmt: skip
