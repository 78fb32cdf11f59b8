from django.urls import path

from . import views

app_name = "drafts"

# The report, its status and its exports exist twice: for the owner (by id, signed in) and
# for a shared link (by secret token, read-only).
REPORT_VIEWS = [
    ("", views.report, "report"),
    ("status/", views.status, "status"),
    ("report.pdf", views.export_pdf, "export_pdf"),
    ("report.docx", views.export_docx, "export_docx"),
]

urlpatterns = [
    path("check/", views.check_draft, name="check_draft"),
    path("check/mine/", views.my_checks, name="my_checks"),
    path("check/<int:pk>/share/", views.share, name="share"),
]
urlpatterns += [
    path(f"check/<int:pk>/{route}", views.owned(view), name=name)
    for route, view, name in REPORT_VIEWS
]
urlpatterns += [
    path(f"check/shared/<str:token>/{route}", views.shared(view), name=f"shared_{name}")
    for route, view, name in REPORT_VIEWS
]
