from django.shortcuts import render

from .models import ConsultationPage


def consultation_list(request):
    return render(
        request,
        "consultations/consultation_list.html",
        {"consultations": ConsultationPage.objects.live()},
    )
