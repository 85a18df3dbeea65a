from django.urls import path

from . import views

app_name = "indicaties"

urlpatterns = [
    path("clienten/", views.client_zoeken, name="client-zoeken"),
    path("clienten/nieuw/", views.client_registreren, name="client-registreren"),
    path("clienten/<uuid:uuid>/", views.client_detail, name="client-detail"),
    path("clienten/<uuid:uuid>/wijzigen/", views.client_wijzigen, name="client-wijzigen"),
    path(
        "clienten/<uuid:uuid>/toewijzing/",
        views.toewijzing_vastleggen,
        name="toewijzing-vastleggen",
    ),
]
