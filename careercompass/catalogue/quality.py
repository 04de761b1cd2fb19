"""Reports on the catalogue as a whole, for `careercompass check-catalogue` and the tests."""

from __future__ import annotations

import statistics
from collections import Counter

from careercompass.catalogue.loader import READING_AGE_LIMIT, Catalogue
from careercompass.catalogue.readability import reading_age

# Summaries above this reading age are listed for rewriting; above READING_AGE_LIMIT they fail the check.
READING_AGE_TARGET = 12.0


def family_table(catalogue: Catalogue) -> str:
    counts = Counter(role.family for role in catalogue.roles)
    width = max(len(family.name) for family in catalogue.families)
    lines = [f"{'Family':<{width}}  Roles", f"{'-' * width}  -----"]
    for family in catalogue.families:
        lines.append(f"{family.name:<{width}}  {counts.get(family.slug, 0):>5}")
    lines.append(f"{'Total':<{width}}  {sum(counts.values()):>5}")
    return "\n".join(lines)


def readability_report(catalogue: Catalogue) -> str:
    ages = sorted(((reading_age(role.summary), role.slug) for role in catalogue.roles), reverse=True)
    values = [age for age, _ in ages]
    median = statistics.median(values)
    outliers = [(age, slug) for age, slug in ages if age > READING_AGE_TARGET]
    lines = [f"Reading age of summaries: median {median:.1f}, highest {values[0]:.1f} "
             f"(target {READING_AGE_TARGET:.0f} or below; {READING_AGE_LIMIT:.0f} fails)"]
    if outliers:
        lines.append(f"{len(outliers)} summaries above the target, hardest first:")
        lines += [f"  {age:5.1f}  {slug}" for age, slug in outliers]
    return "\n".join(lines)
