from django.urls import path

from . import views

app_name = "contractbeheer"

urlpatterns = [
    path("contractbeheer/", views.dashboard, name="dashboard"),
    path("aanbieders/", views.aanbieders, name="aanbieders"),
    path("clientenstops/", views.stops, name="stops"),
    path("clientenstops/nieuw/", views.stop_aanvragen, name="stop-nieuw"),
    path("clientenstops/<uuid:uuid>/", views.stop_detail, name="stop-detail"),
    path("capaciteit/", views.capaciteit, name="capaciteit"),
    path("capaciteit/nieuw/", views.capaciteit_form, name="capaciteit-nieuw"),
    path("capaciteit/<uuid:uuid>/wijzigen/", views.capaciteit_form, name="capaciteit-wijzigen"),
    path(
        "capaciteit/<uuid:uuid>/intrekken/", views.capaciteit_intrekken, name="capaciteit-intrekken"
    ),
    path("signalen/", views.signalen, name="signalen"),
    path("signalen/nieuw/", views.signaal_nieuw, name="signaal-nieuw"),
    path("signalen/<uuid:uuid>/", views.signaal_detail, name="signaal-detail"),
    path("contactpersonen/", views.contactpersonen, name="contactpersonen"),
    path("mandaatdocumenten/<uuid:uuid>/", views.mandaatdocument, name="mandaatdocument"),
]
