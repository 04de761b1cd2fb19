"""O*NET's interest profiles: outside evidence for each role's RIASEC code.

O*NET (US Department of Labor, CC BY 4.0) rates every occupation on the six RIASEC interests, 1 to 7.
It describes US work and its ratings are partly machine-made, so a role may keep a different code when its
file says why (`riasec_note`); the catalogue check asks for that reason whenever the strongest letter differs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from careercompass import vocabulary

ONET_FILE = "onet_interests.csv"
ONET_CREDIT = ("This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
               "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.")
LETTERS = vocabulary.riasec_string()


@dataclass(frozen=True)
class InterestProfile:
    code: str
    title: str
    scores: dict[str, float]  # letter -> O*NET's score, 1 (low) to 7 (high); empty where O*NET gives none

    def strongest(self, count: int = 3) -> str:
        return "".join(sorted(LETTERS, key=lambda letter: -self.scores[letter])[:count])


@dataclass(frozen=True)
class Agreement:
    first_letter: bool
    rho: float  # Spearman's rank correlation between the role's code and O*NET's six scores


def load_profiles(path: Path) -> dict[str, InterestProfile]:
    with open(path, encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["code"]: InterestProfile(row["code"], row["title"],
                                             {letter: float(row[letter]) for letter in LETTERS if row[letter]})
                for row in rows}


def agreement(riasec: str, profile: InterestProfile) -> Agreement | None:
    """How far the role's code agrees with O*NET's scores; None for an occupation O*NET gives no scores."""
    if len(profile.scores) != len(LETTERS):
        return None
    # The role's code ranks up to three letters, strongest first; the letters it leaves out tie at the bottom.
    role_ranks = [len(riasec) - riasec.index(letter) if letter in riasec else 0 for letter in LETTERS]
    from scipy.stats import spearmanr  # here, not at the top: importing scipy.stats takes a second or more

    rho = spearmanr(role_ranks, [profile.scores[letter] for letter in LETTERS]).statistic
    return Agreement(first_letter=riasec[0] == profile.strongest(1), rho=float(rho))
