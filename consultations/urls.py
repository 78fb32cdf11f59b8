from django.urls import path

from . import views

app_name = "consultations"
urlpatterns = [
    path("consultations/", views.consultation_list, name="consultation_list"),
]
