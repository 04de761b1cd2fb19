"""The visitor's cookie, sealed: encrypted as well as signed, so the cookie alone reveals nothing.

Flask's own cookie is only signed: anyone holding it can read it, and a visitor's words can say "I am being
bullied". This keeps Flask's session (and its handling of a bad or old cookie: a fresh, empty session) and
swaps the signing step for Fernet from `cryptography`, which encrypts with a key made from the app's secret key.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from flask import Flask
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

# Separates this key from any other use of the same secret key.
KEY_PURPOSE = b"careercompass visitor cookie\0"


class _Sealer:
    """The dumps/loads pair Flask's cookie session expects, sealing with Fernet."""

    def __init__(self, secret_key: str | bytes):
        secret = secret_key.encode() if isinstance(secret_key, str) else secret_key
        self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(KEY_PURPOSE + secret).digest()))
        self._serializer = TaggedJSONSerializer()

    def dumps(self, value: dict[str, Any]) -> str:
        # Compressed first so that a long list of dismissed jobs still fits a cookie's 4 KB.
        return self._fernet.encrypt(zlib.compress(self._serializer.dumps(value).encode())).decode("ascii")

    def loads(self, token: str, max_age: int | None = None) -> dict[str, Any]:
        try:
            sealed = token.encode("ascii")
            return self._serializer.loads(zlib.decompress(self._fernet.decrypt(sealed, ttl=max_age)).decode())
        except (InvalidToken, UnicodeError, zlib.error, ValueError) as error:
            raise BadSignature("the cookie could not be opened") from error


@lru_cache(maxsize=4)
def _sealer_for(secret_key: str | bytes) -> _Sealer:
    """Asked for twice on every request (to open and to save): the key is derived once."""
    return _Sealer(secret_key)


class SealedCookieSessionInterface(SecureCookieSessionInterface):
    def get_signing_serializer(self, app: Flask) -> _Sealer | None:  # type: ignore[override]
        if not app.secret_key:
            return None
        return _sealer_for(app.secret_key)
