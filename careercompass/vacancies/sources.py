"""Getting the bytes of a feed: a file, every file in a folder, or a web address (with timeouts and retries)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

# Which files in a folder belong to each format.
SUFFIXES = {"nhs-jobs-xml": (".xml",), "jobposting": (".json", ".jsonl", ".html", ".htm"), "adzuna": (".json",),
            "csv": (".csv",)}
TIMEOUT_SECONDS = 20.0
ATTEMPTS = 3
MAX_BYTES = 50 * 1024 * 1024  # a feed larger than this is refused rather than read into memory


class SourceUnavailable(OSError):
    """The feed could not be fetched or read; nothing is imported and nothing stored is touched."""


def read_source(source: str, feed_format: str, attempts: int = ATTEMPTS, pause: float = 1.0) -> list[tuple[str, bytes]]:
    """(name, bytes) for each file the source holds."""
    if source.startswith(("http://", "https://")):
        return [(source, _fetch(source, feed_format, attempts, pause))]
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


def _fetch(url: str, feed_format: str, attempts: int, pause: float) -> bytes:
    # NHS Jobs answers a JSON Accept header with 406, so each format asks for what it is.
    accept = {"nhs-jobs-xml": "application/xml", "csv": "text/csv"}.get(feed_format, "application/json, text/html")
    problem = ""
    for attempt in range(attempts):
        try:
            with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True) as client:
                response = client.get(url, headers={"Accept": accept, "User-Agent": "careercompass-leeds"})
            if response.status_code == 200:
                if len(response.content) > MAX_BYTES:
                    raise SourceUnavailable(f"{url} sent more than {MAX_BYTES // (1024 * 1024)} MB")
                return response.content
            problem = f"it answered {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                break  # asking again will not help
        except httpx.HTTPError as error:
            problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if attempt + 1 < attempts:
            time.sleep(pause * (2 ** attempt))
    raise SourceUnavailable(f"could not fetch {url} ({problem}) after {attempts} tries")
