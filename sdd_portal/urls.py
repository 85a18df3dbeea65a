from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from two_factor.urls import urlpatterns as two_factor_urls

from . import views

password_reset = [
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include(two_factor_urls)),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    *password_reset,
    path("", include("indicaties.urls")),
    path("", include("sdd_portal.audit.urls")),
    path("", include("sdd_portal.privacy.urls")),
    path("", include("sdd_portal.accounts.urls")),
    path("", include("contractbeheer.urls")),
    path("", include("signalen.urls")),
    path("", include("fot.urls")),
    path("", include("keten.urls")),
    path("api/v1/", include("sdd_portal.api.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "sdd_portal.views.niet_gevonden"
handler500 = "sdd_portal.views.serverfout"
