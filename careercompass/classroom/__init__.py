"""Class sessions: an adviser starts one, pupils join with a short code and a nickname, and their results land in it.

No pupil ever has an account or gives their name. The projected board shows only totals for the class; the adviser's
own view shows each nickname's results so they can talk about them. Sessions are deleted after a set time.
"""
