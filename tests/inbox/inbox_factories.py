"""Builders shared by the intake tests (imported by name: tests/ directories are not packages)."""

from consultations.antiabuse import new_form_token, read_form_token

URL = "/api/v1/consultations/ai-and-ip/submissions"


def build_submission(**overrides):
    token = new_form_token()
    body = {
        "name": "Ada Commenter",
        "email": "ada@example.org",
        "organisation": "",
        "capacity": "personal",
        "stakeholder_type": "academia",
        "country": "KE",
        "language": "en",
        "consent": "named",
        "answers": [
            {"issue": 1, "question": "i", "text": "A human should be named as the inventor."},
            {"issue": 3, "question": None, "text": "Inventive step needs no special rule."},
            {"issue": None, "question": None, "text": "Thank you for the consultation."},
        ],
        "form_token": token,
        "idempotency_key": read_form_token(token).key,
    }
    body.update(overrides)
    return body
