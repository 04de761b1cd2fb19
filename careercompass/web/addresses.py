"""Absolute addresses (in emails, QR codes, the API and calendars) come from the configured public address.

Built from the request instead, a forged `Host` header would put another site into a QR code on a classroom
board. Without a public address (on a laptop) the request's host is used, and trusted hosts are not checked.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, request, url_for


def external_url(endpoint: str, **values) -> str:
    base = current_app.config["CAREERCOMPASS"].public_url
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def same_query(url: str, **changes: object) -> str:
    """`url` with this request's query string, every repeated value kept, some names changed (None drops one).

    The names are never keyword arguments to url_for: a visitor's `?endpoint=` or `?_scheme=` would steer it.
    """
    pairs = [(name, value) for name, value in request.args.items(multi=True) if name not in changes]
    pairs += [(name, str(value)) for name, value in changes.items() if value is not None]
    return url + ("?" + urlencode(pairs) if pairs else "")


def site_host() -> str:
    """The site's host name, for identifiers such as calendar entries' ids."""
    return current_app.config["CAREERCOMPASS"].public_host or request.host.split(":")[0] or "careercompass"
