"""Codes saved before people were asked about their words keep none of them after the upgrade."""

from __future__ import annotations

import json

from sqlalchemy import text

from careercompass.database import make_engine, upgrade_schema


def test_the_upgrade_removes_words_that_older_codes_kept_without_asking(database_url):
    engine = make_engine(database_url)
    try:
        upgrade_schema(engine, "0009")
        matches = [{"slug": "porter", "title": "Porter",
                    "reasons": ["You wrote “I have epilepsy”, and this job is close.", "You want to start soon."]}]
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO shortlists (code, answers, matches, not_for_me, created_at) "
                     "VALUES ('ABC234', :answers, :matches, '[]', CURRENT_TIMESTAMP)"),
                {"answers": json.dumps({"activities": ["fixing"], "interests": "I have epilepsy"}),
                 "matches": json.dumps(matches)})
        upgrade_schema(engine)
        with engine.connect() as connection:
            answers, kept, words = connection.execute(
                text("SELECT answers, matches, own_words FROM shortlists WHERE code = 'ABC234'")).one()
        decode = (lambda value: json.loads(value) if isinstance(value, str) else value)
        assert decode(answers) == {"activities": ["fixing"]}
        assert decode(kept)[0]["reasons"] == ["You want to start soon."]
        assert words is None
    finally:
        engine.dispose()
