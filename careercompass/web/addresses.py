"""Absolute addresses (in emails, QR codes, the API and calendars) come from the configured public address.

Built from the request instead, a forged `Host` header would put another site into a QR code on a classroom
board. Without a public address (on a laptop) the request's host is used, and trusted hosts are not checked.
"""

from __future__ import annotations

from flask import current_app, request, url_for


def external_url(endpoint: str, **values) -> str:
    base = current_app.config["CAREERCOMPASS"].public_url
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def site_host() -> str:
    """The site's host name, for identifiers such as calendar entries' ids."""
    return current_app.config["CAREERCOMPASS"].public_host or request.host.split(":")[0] or "careercompass"
