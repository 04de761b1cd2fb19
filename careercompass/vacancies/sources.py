"""Getting the bytes of a feed: a file, every file in a folder, or a web address (with timeouts and retries)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

# Which files in a folder belong to each format.
SUFFIXES = {"nhs-jobs-xml": (".xml",), "jobposting": (".json", ".jsonl", ".html", ".htm"), "adzuna": (".json",),
            "csv": (".csv",)}
TIMEOUT_SECONDS = 20.0  # the longest wait to connect, or for the next bytes of an answer
# The longest one fetch may take in all: a server that sends a byte now and then never trips the timeout above,
# and would otherwise hold a scheduled import (and its database transaction) for ever.
DEADLINE_SECONDS = 120.0
ATTEMPTS = 3
MAX_BYTES = 50 * 1024 * 1024  # a feed larger than this is refused rather than read into memory


class SourceUnavailable(OSError):
    """The feed could not be fetched or read; nothing is imported and nothing stored is touched."""


def read_source(source: str, feed_format: str, attempts: int = ATTEMPTS, pause: float = 1.0,
                timeout: float = TIMEOUT_SECONDS, deadline: float = DEADLINE_SECONDS) -> list[tuple[str, bytes]]:
    """(name, bytes) for each file the source holds."""
    if source.startswith(("http://", "https://")):
        return [(source, _fetch(source, feed_format, attempts, pause, timeout, deadline))]
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES[feed_format])
        if not files:
            raise SourceUnavailable(f"{source} holds no {' or '.join(SUFFIXES[feed_format])} files")
        return [(str(p), _read(p)) for p in files]
    if path.is_file():
        return [(str(path), _read(path))]
    raise SourceUnavailable(f"{source} is not a file, a folder or a web address")


def _read(path: Path) -> bytes:
    if path.stat().st_size > MAX_BYTES:
        raise SourceUnavailable(f"{path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return path.read_bytes()


def _fetch(url: str, feed_format: str, attempts: int, pause: float, timeout: float, deadline: float) -> bytes:
    # NHS Jobs answers a JSON Accept header with 406, so each format asks for what it is.
    accept = {"nhs-jobs-xml": "application/xml", "csv": "text/csv"}.get(feed_format, "application/json, text/html")
    problem = ""
    for attempt in range(attempts):
        try:
            status, body = _download(url, accept, timeout, deadline)
            if status == 200:
                return body
            problem = f"it answered {status}"
            if status < 500 and status != 429:
                break  # asking again will not help
        except httpx.HTTPError as error:
            problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if attempt + 1 < attempts:
            time.sleep(pause * (2 ** attempt))
    raise SourceUnavailable(f"could not fetch {url} ({problem}) after {attempts} tries")


def _download(url: str, accept: str, timeout: float, deadline: float) -> tuple[int, bytes]:
    """The answer's status and body, read piece by piece so that neither a huge body nor a server that trickles
    bytes can hold the import: both are refused (and not tried again: they would do the same)."""
    started = time.monotonic()
    headers = {"Accept": accept, "User-Agent": "careercompass-leeds"}
    with httpx.Client(timeout=timeout, follow_redirects=True) as client, \
            client.stream("GET", url, headers=headers) as response:
        if response.status_code != 200:
            return response.status_code, b""
        body = bytearray()
        for piece in response.iter_bytes():
            body += piece
            if len(body) > MAX_BYTES:
                raise SourceUnavailable(f"{url} sent more than {MAX_BYTES // (1024 * 1024)} MB")
            if time.monotonic() - started > deadline:
                raise SourceUnavailable(f"{url} was still sending after {deadline:g} s, so it was given up")
        return 200, bytes(body)
