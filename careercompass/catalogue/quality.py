"""Reports on the catalogue as a whole, for `careercompass check-catalogue` and the tests."""

from __future__ import annotations

from collections import Counter

from careercompass.catalogue.loader import Catalogue


def family_table(catalogue: Catalogue) -> str:
    counts = Counter(role.family for role in catalogue.roles)
    width = max(len(family.name) for family in catalogue.families)
    lines = [f"{'Family':<{width}}  Roles", f"{'-' * width}  -----"]
    for family in catalogue.families:
        lines.append(f"{family.name:<{width}}  {counts.get(family.slug, 0):>5}")
    lines.append(f"{'Total':<{width}}  {sum(counts.values()):>5}")
    return "\n".join(lines)
