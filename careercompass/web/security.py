"""Security for every response: a tight content security policy, CSRF protection, rate limits, and no caching
of pages that show one person's answers or saved code."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

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

# Pages that show one person's answers, results or saved code: never kept by a browser or a shared cache
# (a school's proxy, the back button on a shared Chromebook).
PRIVATE_PATHS = ("/quiz", "/results", "/s", "/staff", "/bookings")

csrf = CSRFProtect()
# A whole class shares one school address, so limits are per address but generous.
limiter = Limiter(key_func=get_remote_address, default_limits=["1200 per minute"])


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    limiter.init_app(app)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if is_private(request.path):
            response.headers["Cache-Control"] = "no-store"
        return response


def is_private(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PRIVATE_PATHS)
