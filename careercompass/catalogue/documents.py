"""How a role is described to the search index and to the embedding model: one place decides which fields count."""

from __future__ import annotations

from careercompass.catalogue import models
from careercompass.search.index import SearchDocument


def search_document(role: models.Role) -> SearchDocument:
    return SearchDocument(
        type="role",
        slug=role.slug,
        title=role.title,
        other_titles=list(role.other_titles),
        summary=role.summary,
        tasks=list(role.day_to_day),
        skills=list(role.skills) + list(role.interests),
        family=role.family_slug,
    )


def embedding_text(role: models.Role) -> str:
    # Titles and interests first: the model reads at most 256 word pieces, and these say most about a role.
    parts = [
        role.title + ".",
        "Also called " + ", ".join(role.other_titles) + "." if role.other_titles else "",
        "Good for people who like " + ", ".join(i.lower() for i in role.interests) + ".",
        role.summary,
        " ".join(role.day_to_day),
    ]
    return " ".join(part for part in parts if part)
