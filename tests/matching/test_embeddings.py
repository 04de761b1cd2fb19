"""The embedding model loads offline from its package, its weights are checked, and role vectors make sense."""

from __future__ import annotations

import numpy as np
import pytest

from careercompass.matching import embeddings


def test_the_model_folder_is_checked_before_use(tmp_path):
    with pytest.raises(embeddings.ModelUnavailable, match="No model.safetensors"):
        embeddings.verify_model_dir(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"not a model")
    with pytest.raises(embeddings.ModelUnavailable, match="expected 90,868,376"):
        embeddings.verify_model_dir(tmp_path)


def test_role_embeddings_are_unit_vectors_for_every_role(ready_settings, app):
    stored = embeddings.RoleEmbeddings.load(ready_settings.role_embeddings_path)
    assert stored is not None
    assert stored.vectors.shape == (len(stored.slugs), embeddings.EMBEDDING_SIZE)
    assert np.allclose(np.linalg.norm(stored.vectors, axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize(
    ("text", "acceptable"),
    [
        ("looking after people's feet", {"podiatrist", "podiatry-assistant"}),
        ("I want to drive an ambulance to emergencies",
         {"paramedic", "emergency-care-assistant", "associate-ambulance-practitioner", "ambulance-care-assistant"}),
        ("working in a lab looking at blood samples under a microscope",
         {"biomedical-scientist", "healthcare-science-associate", "healthcare-science-assistant"}),
        ("fixing teeth", {"dentist", "dental-nurse", "dental-therapist", "dental-technician"}),
    ],
)
def test_free_text_lands_near_the_right_role(ready_settings, app, text, acceptable):
    stored = embeddings.RoleEmbeddings.load(ready_settings.role_embeddings_path)
    query = embeddings.encode(ready_settings.embedding_model_dir, [text])[0]
    ranked = [stored.slugs[i] for i in np.argsort(-stored.vectors @ query)]
    assert acceptable & set(ranked[:5]), ranked[:5]


def test_vectors_made_with_other_weights_are_not_trusted(tmp_path, monkeypatch):
    path = tmp_path / "role_embeddings.npz"
    embeddings.RoleEmbeddings(["a"], np.ones((1, 4), dtype=np.float32), ["hash-of-a"],
                              np.ones((2, 4), dtype=np.float32), np.zeros(2, dtype=np.int32)).save(path)
    assert embeddings.RoleEmbeddings.load(path).slugs == ["a"]
    monkeypatch.setattr(embeddings, "WEIGHTS_SHA256", "0" * 64)
    assert embeddings.RoleEmbeddings.load(path) is None


def test_a_damaged_vectors_file_is_reported_not_read_as_missing(tmp_path):
    path = tmp_path / "role_embeddings.npz"
    path.write_bytes(b"PK\3\4 cut short")
    with pytest.raises(embeddings.EmbeddingsUnreadable):
        embeddings.RoleEmbeddings.load(path)
    assert embeddings.RoleEmbeddings.load(tmp_path / "none.npz") is None


def test_only_roles_whose_words_changed_are_embedded_again(ready_settings):
    from careercompass.database import open_session
    from careercompass.matching import service

    stored = embeddings.RoleEmbeddings.load(ready_settings.role_embeddings_path)
    asked: list[list[str]] = []

    def encode(texts):
        asked.append(list(texts))
        return np.ones((len(texts), embeddings.EMBEDDING_SIZE), dtype=np.float32)

    with open_session(ready_settings.database_uri) as session:
        roles = service.roles_for_matching(session)
        same, embedded = service.refresh_embeddings(roles, stored, encode)
        assert embedded == 0 and asked == [] and same.slugs == stored.slugs
        porter = next(role for role in roles if role.slug == "porter")
        porter.summary = "You move zebras around the zoo."
        changed, embedded = service.refresh_embeddings(roles, stored, encode)
        tasks = len(porter.day_to_day)
        session.rollback()
    assert embedded == 1 and "zebras" in asked[0][0] and len(asked[1]) == tasks
    position = changed.slugs.index("porter")
    assert changed.vectors[position].sum() == embeddings.EMBEDDING_SIZE
    assert len(changed.task_vectors) == len(stored.task_vectors)
