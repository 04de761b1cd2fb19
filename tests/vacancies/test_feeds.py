"""Each feed format, read from fixture files in its real shape: every field right, bad records named, bad files refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careercompass.vacancies.feeds import FeedUnreadable, read_feed
from careercompass.vacancies.pay_text import pay_words, read_pay

FIXTURES = Path(__file__).with_name("fixtures")


def feed(name: str, feed_format: str):
    return read_feed((FIXTURES / name).read_bytes(), feed_format, name)


def test_the_nhs_jobs_xml_is_read_field_by_field():
    adverts = feed("nhs_jobs_search.xml", "nhs-jobs-xml").adverts
    assert len(adverts) == 12
    first = adverts[0]
    assert first.title == "Healthcare Support Worker - Respiratory Ward"
    assert first.employer == "Leeds Teaching Hospitals NHS Trust"
    assert first.reference == "C9344-26-0412" and first.postcode == "LS9 7TF"
    assert first.url.startswith("https://www.jobs.nhs.uk/candidate/jobadvert/")
    assert first.closing == date(2026, 12, 14) and first.posted == date(2026, 11, 18)
    assert first.salary_text == "£25,760 to £27,476 a year"


def test_a_jobposting_in_every_wrapping_is_read():
    single = feed("jobposting_single.json", "jobposting").adverts
    assert len(single) == 1 and single[0].employer == "St Gemma's Hospice" and single[0].lat is not None
    assert single[0].salary_min == 25760 and single[0].salary_period == "year"
    assert "<" not in single[0].description  # HTML in the description is taken out
    assert len(feed("jobposting_array.json", "jobposting").adverts) == 5
    page = feed("jobposting_page.html", "jobposting")
    assert len(page.adverts) == 2 and not page.skipped  # the Organization block is not a JobPosting


def test_json_lines_name_the_lines_they_skip_and_keep_the_rest():
    lines = feed("jobposting_lines.jsonl", "jobposting")
    assert len(lines.adverts) == 4
    assert [(s.where, s.reason) for s in lines.skipped] == [
        ("line 3", "not valid JSON (Expecting ',' delimiter)"), ("line 5", "no title")]


def test_adzuna_and_the_csv_template_are_read():
    adzuna = feed("adzuna_search.json", "adzuna").adverts
    assert len(adzuna) == 8 and all(a.url.startswith("http") for a in adzuna)
    assert all(a.salary_min is None for a in adzuna if a.salary_text is None)
    rows = feed("employer_template.csv", "csv").adverts
    assert len(rows) == 6 and rows[0].title == "Support Worker - Supported Living" and rows[0].postcode == "LS21 1BZ"


@pytest.mark.parametrize(("name", "feed_format", "message"), [
    ("broken.xml", "nhs-jobs-xml", "broken.xml is not readable XML"),
    ("not_json.json", "jobposting", "not_json.json is not valid JSON"),
    ("wrong_shape.json", "jobposting", "wrong_shape.json holds no schema.org JobPosting"),
    ("bad_columns.csv", "csv", "bad_columns.csv has no title column"),
    ("adzuna_search.json", "nhs-jobs-xml", "is not readable XML"),
    ("nhs_jobs_search.xml", "adzuna", "is not valid JSON"),
])
def test_a_file_that_cannot_be_read_is_refused_whole_with_a_reason(name, feed_format, message):
    with pytest.raises(FeedUnreadable, match=message):
        feed(name, feed_format)


def test_an_xml_bomb_is_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            b"<nhsJobs><vacancyDetails><title>&lol2;</title></vacancyDetails></nhsJobs>")
    with pytest.raises(FeedUnreadable):
        read_feed(bomb, "nhs-jobs-xml")


@pytest.mark.parametrize(("salary", "title", "expected"), [
    ("£24,907 - £30,615 per annum", "", (24907, 30615, "year", None, None)),
    ("Band 5", "", (None, None, None, "5", None)),
    ("", "Rotational Physiotherapist B5/6", (None, None, None, "5", "6")),
    ("£12.21 per hour", "", (12.21, 12.21, "hour", None, None)),
    ("negotiable", "", (None, None, None, None, None)),
    ("£25k - £28k", "", (25000, 28000, "year", None, None)),
    ("Depending on experience", "Band 8a Team Lead", (None, None, None, "8a", None)),
    ("£13.50", "", (13.5, 13.5, "hour", None, None)),
])
def test_pay_is_read_from_the_words_employers_use(salary, title, expected):
    pay = read_pay(salary, title)
    assert (pay.minimum, pay.maximum, pay.period, pay.band_from, pay.band_to) == expected


def test_pay_reads_as_figures_then_band_then_words():
    assert pay_words(32073, 39043, "year", "5", None, "x") == "£32,073 to £39,043 a year (NHS band 5)"
    assert pay_words(None, None, None, "6", "7", "Band 6-7") == "NHS band 6 to 7"
    assert pay_words(None, None, None, None, None, "Negotiable") == "Negotiable"
    assert pay_words(12.92, 12.92, "hour", None, None, None) == "£12.92 an hour"
