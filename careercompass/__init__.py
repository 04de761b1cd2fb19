"""Career Compass Leeds: find health and social care roles in Leeds, and a real next step into them."""

from __future__ import annotations

import os

# numpy's BLAS and torch each keep a pool of threads, and a pool that has just worked spins a while before it sleeps.
# The matcher multiplies a text's vector by every role's right after torch embeds it, so on a small machine the two
# pools fought and one match in six took 100 ms instead of 20. Those products are small enough for one BLAS thread;
# torch keeps its threads for the model. OpenBLAS reads this once, when numpy is first imported, so it is set here,
# before anything of the app imports numpy; an operator who sets it themselves keeps their own value.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from flask import Flask  # after the setting above, on purpose

from careercompass.config import PROJECT_ROOT, Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the web app. With no arguments it serves the embedded database that `careercompass init` made."""
    from careercompass.web import (about, api, classroom, delivery, errors, events, explore, family_colours,
                                   handoffs, health, home, quiz, referrals, rendering, request_log, resources,
                                   results, roles, security, shortlists, staff, vacancies)

    settings = settings or Settings.from_environment()
    app = Flask(__name__, template_folder=str(PROJECT_ROOT / "templates"), static_folder=str(PROJECT_ROOT / "static"))
    app.config.update(
        SECRET_KEY=settings.resolved_secret_key(),
        CAREERCOMPASS=settings,
        JSON_SORT_KEYS=False,
        SEND_FILE_MAX_AGE_DEFAULT=3600,
    )
    request_log.init_app(app)  # before delivery: its access line is written last, with the size as sent
    delivery.init_app(app)  # first, so that compression runs after every other step has shaped the response
    resources.init_app(app, settings)
    security.init_app(app, settings)
    rendering.init_app(app)
    for feature in (home, explore, roles, quiz, results, shortlists, vacancies, events, staff, classroom, handoffs,
                    referrals, about, health, api, family_colours):
        app.register_blueprint(feature.blueprint)
    errors.init_app(app)
    return app
