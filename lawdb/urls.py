from django.urls import path

from . import views

app_name = "lawdb"
urlpatterns = [
    path("laws/", views.law_list, name="law_list"),
    path("judgments/", views.judgment_list, name="judgment_list"),
    path("treaties/", views.treaty_list, name="treaty_list"),
    path("check/", views.check_draft, name="check_draft"),
]
