"""Security for every request and response: where a request may come from and how big it may be, rate limits
shared by every worker, a sealed cookie, CSRF protection that never loses a form, a tight content security
policy, and no caching of pages that show one person's answers, bookings or notes."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Flask, Response, abort, render_template, render_template_string, request
from flask.json.provider import DefaultJSONProvider
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import BadRequest
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from careercompass.config import Settings
from careercompass.web.request_log import current_route
from careercompass.web.sealed_session import SealedCookieSessionInterface

log = logging.getLogger(__name__)

# Everything the pages need is served from this site: no inline scripts, no remote fonts, no trackers.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
HSTS = "max-age=31536000; includeSubDomains"
SEND_AGAIN_FRAGMENT = '{% from "macros.html" import send_again_form %}{{ send_again_form(action, fields, 2) }}'

# Pages that show one person's answers, results, saved code, booking, request for help or an adviser's notes:
# never kept by a browser or a shared cache (a school's proxy, the back button on a shared Chromebook).
PRIVATE_PATHS = ("/quiz", "/results", "/s", "/staff", "/bookings", "/adviser", "/help", "/join")

# Limits are per client address (the real one behind the proxy: see proxy_count). A whole class shares one school
# address, so the site-wide limit is generous; the costly or abusable actions have strict ones of their own,
# shared between the page and the API that do the same thing.
SITE_LIMIT = "1200 per minute"
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, application_limits=[SITE_LIMIT])
match_limit = limiter.shared_limit("240 per minute", scope="match")
# Only a search for words costs much (and is what a script would hammer); a list narrowed by filters does not.
search_limit = limiter.shared_limit("600 per minute", scope="search", exempt_when=lambda: not request.args.get("q"))
save_limit = limiter.shared_limit("60 per minute", scope="save")
booking_limit = limiter.shared_limit("20 per minute", scope="booking")
referral_limit = limiter.shared_limit("10 per minute", scope="referral")
sign_in_limit = limiter.shared_limit("10 per minute", scope="sign-in")

# JSON nested deeper than any request of this API needs is refused before Python's parser recurses into it.
MAX_JSON_DEPTH = 20


# Every number in an address is a row id (a 32-bit integer in PostgreSQL) or a quiz step: a longer one is no page,
# where the database would fail on it.
LARGEST_ID = 2**31 - 1


class _IdConverter(IntegerConverter):
    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class _GuardedJSON(DefaultJSONProvider):
    def loads(self, s, **kwargs):
        text = s.decode("utf-8", "replace") if isinstance(s, bytes) else s
        if _nesting(text) > MAX_JSON_DEPTH:
            raise BadRequest(f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
        return super().loads(s, **kwargs)


def _nesting(text: str) -> int:
    """How deep brackets go, outside strings: cheap, and done before parsing."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def init_app(app: Flask, settings: Settings) -> None:
    if settings.proxy_count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxy_count, x_proto=settings.proxy_count,
                                x_host=settings.proxy_count, x_port=settings.proxy_count)
    app.config.update(
        TRUSTED_HOSTS=settings.allowed_hosts or None,  # a forged Host header gets 400, not a link to elsewhere
        MAX_CONTENT_LENGTH=settings.max_request_kb * 1024,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.served_over_https,
        SESSION_COOKIE_HTTPONLY=True,
        RATELIMIT_STORAGE_URI=settings.ratelimit_storage_uri,
        RATELIMIT_HEADERS_ENABLED=True,
        # Redis down: keep serving without limits (logged, and shown by /healthz) rather than refuse everyone.
        RATELIMIT_SWALLOW_ERRORS=True,
        RATELIMIT_KEY_PREFIX="careercompass",
    )
    app.session_interface = SealedCookieSessionInterface()
    app.url_map.converters["int"] = _IdConverter  # before the blueprints add their rules
    app.json = _GuardedJSON(app)

    @app.before_request
    def larger_uploads() -> None:
        # Before the form token is checked: that reads the whole form, so the upload's own limit must be set first.
        if request.endpoint == "staff.import_run":
            request.max_content_length = settings.max_upload_mb * 1024 * 1024

    csrf.init_app(app)
    limiter.init_app(app)

    @limiter.request_filter
    def not_counted() -> bool:
        # Static files and the load balancer's health checks are not a person's requests.
        return request.endpoint in ("static", "health.health", "health.alive")

    @app.before_request
    def no_nul_characters():
        # No page needs one, and PostgreSQL cannot store one in text: refused here with a plain message, not a 503.
        if _holds_nul(request.args) or (request.endpoint != "staff.import_run"
                                        and (_holds_nul(request.form) or _json_holds_nul())):
            abort(400, description="That included a character that cannot be kept (a NUL). Remove it and try again.")

    @app.errorhandler(CSRFError)
    def stale_form(error: CSRFError):
        return _send_again(error, settings)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if settings.served_over_https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if is_private(request.path):
            response.headers["Cache-Control"] = "no-store"
        return response


def _holds_nul(values) -> bool:
    return any("\x00" in value for repeated in values.listvalues() for value in repeated)


def _json_holds_nul() -> bool:
    return request.is_json and b"\\u0000" in request.get_data(cache=True)


def is_private(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PRIVATE_PATHS)


def rate_limits_working() -> bool:
    """Whether the shared counters can be reached; when not, limits are off until they can."""
    try:
        return bool(limiter.storage.check())
    except Exception:  # noqa: BLE001 - any failure to reach the store means "not counting"
        return False


def _send_again(error: CSRFError, settings: Settings):
    """A form's token ran out (a quiz step left open for an hour) or its cookie was lost: from this site, show
    what was typed again with a fresh token and one button, so nothing is lost. A post from another site is
    refused as before: that is the attack the token stops."""
    log.info("Form token refused on %s: %s", current_route(), error.description)
    if request.method != "POST" or request.files or not _from_this_site(settings):
        return render_template("error.html", code=400, message="Something in that request was not right."), 400
    fields = [(name, value) for name, value in request.form.items(multi=True) if name != "csrf_token"]
    action = request.full_path.rstrip("?")
    if request.headers.get("HX-Request"):
        # Sent from inside a page (a quiz step with JavaScript on): the same form goes where the answer was to
        # land, as a 200 so that htmx shows it; its plain post then carries on without a reload losing anything.
        return render_template_string(SEND_AGAIN_FRAGMENT, action=action, fields=fields)
    return render_template("send_again.html", action=action, fields=fields), 400


def _from_this_site(settings: Settings) -> bool:
    came_from = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not came_from or came_from == "null":
        return False
    origin = urlsplit(came_from)
    ours = urlsplit(settings.public_url) if settings.public_url else urlsplit(request.host_url)
    return (origin.scheme, origin.netloc) == (ours.scheme, ours.netloc)
