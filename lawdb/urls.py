from django.urls import path

from . import views

app_name = "lawdb"
urlpatterns = [
    path("laws/", views.law_list, name="law_list"),
    path("judgments/", views.judgment_list, name="judgment_list"),
    path("jurisdictions/", views.jurisdiction_list, name="jurisdiction_list"),
    path("jurisdictions/<str:iso_code>/", views.jurisdiction_detail, name="jurisdiction_detail"),
    path("treaties/", views.treaty_list, name="treaty_list"),
    path("treaties/cite/<str:citation>/", views.treaty_provision_redirect, name="treaty_citation"),
    path("treaties/<str:code>/", views.treaty_detail, name="treaty_detail"),
]
