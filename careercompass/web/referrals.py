"""Asking for one-to-one help (the hub's front door), the person's own page, and the hub's queue for staff."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for

from careercompass.advisers import referrals
from careercompass.staff import accounts
from careercompass.web.addresses import external_url
from careercompass.web.events import send_email
from careercompass.web.rendering import render_page
from careercompass.web.resources import db, resources
from careercompass.web.security import referral_limit
from careercompass.web.staff import me, row_or_404, signed_in_user, staff_only

blueprint = Blueprint("referrals", __name__)
FIELDS = ("first_name", "contact", "area", "age_band", "help_with", "more", "needs")


@blueprint.get("/help")
def ask_form():
    return _form_page(None, None)


@blueprint.post("/help")
@referral_limit
def ask():
    form = referrals.Request(**{name: request.form.get(name, "")[:600] for name in FIELDS},
                             consent=request.form.get("consent") == "yes")
    try:
        made = referrals.ask(db(), form)
    except referrals.TooYoung:
        return render_page("referrals/too_young.html")
    except referrals.ReferralProblem as problem:
        return _form_page(form, problem), 400
    send_email(made.contact, referrals.confirmation(made, external_url("referrals.mine", token=made.token)))
    return redirect(url_for("referrals.mine", token=made.token), code=303)


@blueprint.get("/help/<token>")
def mine(token: str):
    found = referrals.by_token(db(), token)
    if found is None:
        abort(404)
    return render_page("referrals/mine.html", referral=found, help_with=referrals.HELP_WITH,
                       statuses=referrals.STATUSES)


@blueprint.post("/help/<token>/withdraw")
def withdraw(token: str):
    if not referrals.withdraw(db(), token):
        abort(404)
    return render_page("referrals/withdrawn.html")


@blueprint.get("/staff/referrals")
@staff_only("referrals")
def hub_queue():
    return render_page("referrals/queue.html", user=me(), rows=referrals.queue(db()), statuses=referrals.STATUSES,
                       help_with=referrals.HELP_WITH, spokes=referrals.SPOKES)


@blueprint.route("/staff/referrals/<int:referral_id>", methods=["GET", "POST"])
@staff_only("referrals")
def hub_referral(referral_id: int):
    database = db()
    found = row_or_404(referrals.Referral, referral_id)
    problem = None
    if request.method == "POST":
        try:
            referrals.update(found, request.form.get("status", ""), request.form.get("spoke", ""),
                             request.form.get("outcome", ""))
        except referrals.ReferralProblem as error:  # raised before anything is changed
            problem = error
        else:
            accounts.log(database, signed_in_user(), "updated a referral", f"{found.reference}: {found.status}")
            database.commit()
            return redirect(url_for("referrals.hub_referral", referral_id=referral_id, saved=1), code=303)
    page = render_page("referrals/referral.html", user=me(), referral=found, statuses=referrals.STATUSES,
                       help_with=referrals.HELP_WITH, spokes=referrals.SPOKES, age_bands=referrals.AGE_BANDS,
                       problem=problem, saved=request.args.get("saved") == "1")
    return page, (400 if problem else 200)


def _form_page(form, problem):
    return render_page("referrals/ask.html", form=form, problem=problem, age_bands=referrals.AGE_BANDS,
                       help_with=referrals.HELP_WITH, keep_days=resources().settings.referral_retention_days)
