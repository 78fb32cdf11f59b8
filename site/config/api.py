"""The read-only open-data API: one django-ninja instance, each app contributes a router."""

from django.urls import path
from ninja import NinjaAPI

api = NinjaAPI(
    title="Concord open data",
    version="1",
    description="Read-only JSON: laws, judgments, jurisdictions, treaty provisions, consultations.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)

api.add_router("", "lawdb.api.router")
api.add_router("/consultations/", "consultations.api.router")
api.add_router("/consultations/", "consultations.inbox.api.router")

urlpatterns = [path("", api.urls)]
