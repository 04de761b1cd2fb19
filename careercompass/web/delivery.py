"""How responses travel on a slow phone: compressed, and static files kept for a year under hashed addresses.

Every `url_for('static', ...)` gets `?v=<hash of the file's content>`. A request carrying the current hash may
be cached for a year, because an edited file gets a new address; any other request for the file gets the
ordinary short lifetime, so an old page never pins an old file for long.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, Response, request
from flask_compress import Compress

HASH_LENGTH = 12
YEAR_SECONDS = 365 * 24 * 3600

compress = Compress()


class StaticHashes:
    """Content hashes of files under one folder, worked out again only when a file's size or time changes."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self._known: dict[str, tuple[int, int, str]] = {}

    def hash_of(self, filename: str) -> str | None:
        path = (self.folder / filename).resolve()
        if not path.is_relative_to(self.folder):
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        known = self._known.get(filename)
        if known and known[:2] == (stat.st_mtime_ns, stat.st_size):
            return known[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
        self._known[filename] = (stat.st_mtime_ns, stat.st_size, digest)
        return digest


def read_whole(response: Response) -> None:
    source = response.response
    response.direct_passthrough = False
    try:
        body = b"".join(response.iter_encoded())
    finally:
        if hasattr(source, "close"):
            source.close()
    response.set_data(body)


def init_app(app: Flask) -> None:
    # Brotli where the browser takes it (every current one does), else gzip; tiny responses are left alone.
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)  # as quick as level 4 here, and smaller than gzip
    compress.init_app(app)

    hashes = StaticHashes(Path(app.static_folder))

    @app.url_defaults
    def version_static_files(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            version = hashes.hash_of(values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def cache_hashed_static_files(response: Response) -> Response:
        if request.endpoint != "static" or response.status_code != 200:
            return response
        # Read the file now (they are small), so it is compressed whole and the file is closed at once.
        read_whole(response)
        wanted = request.args.get("v")
        if wanted and wanted == hashes.hash_of(request.view_args.get("filename", "")):
            response.cache_control.public = True
            response.cache_control.max_age = YEAR_SECONDS
            response.cache_control.immutable = True
        return response
