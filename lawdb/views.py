from django.shortcuts import render

from .models import JudgmentPage, LegalTextPage, TreatyProvision


def law_list(request):
    return render(request, "lawdb/law_list.html", {"laws": LegalTextPage.objects.live()})


def judgment_list(request):
    return render(
        request, "lawdb/judgment_list.html", {"judgments": JudgmentPage.objects.live()}
    )


def treaty_list(request):
    return render(request, "lawdb/treaty_list.html", {"provisions": TreatyProvision.objects.all()})


def check_draft(request):
    return render(request, "lawdb/check_draft.html")
