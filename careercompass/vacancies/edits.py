"""A correction staff make to an advert: checked like a form, then applied to the stored advert."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from careercompass.vacancies.models import Vacancy
from careercompass.vacancies.pay_text import read_pay


@dataclass(frozen=True)
class VacancyEdit:
    title: str
    employer: str
    salary_text: str
    closing: date | None

    @classmethod
    def from_form(cls, form: Mapping[str, str]) -> VacancyEdit:
        title, employer = form.get("title", "").strip(), form.get("employer", "").strip()
        if not title or len(title) > 300:
            raise ValueError("Give the advert's title (300 letters at most).")
        if not employer or len(employer) > 300:
            raise ValueError("Give the employer's name (300 letters at most).")
        closing_text = form.get("closing", "").strip()
        try:
            closing = date.fromisoformat(closing_text) if closing_text else None
        except ValueError:
            raise ValueError("Give the closing date like 2027-01-31, or leave it empty.") from None
        return cls(title, employer, form.get("salary_text", "").strip()[:300], closing)

    def apply(self, vacancy: Vacancy) -> None:
        pay = read_pay(self.salary_text, self.title)
        vacancy.title, vacancy.employer, vacancy.closing = self.title, self.employer, self.closing
        vacancy.salary_text = self.salary_text or None
        vacancy.salary_min, vacancy.salary_max, vacancy.salary_period = pay.minimum, pay.maximum, pay.period
        vacancy.band_from, vacancy.band_to = pay.band_from, pay.band_to
