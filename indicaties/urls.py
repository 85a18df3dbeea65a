from django.urls import path

from .ho.views import beschikkingen, meldingen, plannen, toewijzingen, werklijst
from .urls_lijsten import urlpatterns as lijsten
from .views import brieven, clienten

app_name = "indicaties"

urlpatterns = [
    path("clienten/", clienten.client_zoeken, name="client-zoeken"),
    path("clienten/nieuw/", clienten.client_registreren, name="client-registreren"),
    path("clienten/<uuid:uuid>/", clienten.client_detail, name="client-detail"),
    path("clienten/<uuid:uuid>/wijzigen/", clienten.client_wijzigen, name="client-wijzigen"),
    path(
        "clienten/<uuid:uuid>/toewijzing/",
        clienten.toewijzing_vastleggen,
        name="toewijzing-vastleggen",
    ),
    path("clienten/<uuid:uuid>/tijdlijn/", werklijst.tijdlijn, name="client-tijdlijn"),
    path("clienten/<uuid:uuid>/melding/", meldingen.melding_nieuw, name="melding-nieuw"),
    path("meldingen/<uuid:uuid>/", meldingen.melding_detail, name="melding-detail"),
    path("meldingen/<uuid:uuid>/beschikken/", meldingen.beschikken, name="melding-beschikken"),
    path("toewijzingen/<uuid:uuid>/", toewijzingen.toewijzing_detail, name="toewijzing-detail"),
    path("toewijzingen/<uuid:uuid>/plan/", toewijzingen.plan_indienen, name="plan-indienen"),
    path("toewijzingen/<uuid:uuid>/start/", toewijzingen.start_melden, name="start-melden"),
    path("toewijzingen/<uuid:uuid>/stop/", toewijzingen.stop_melden, name="stop-melden"),
    path("plannen/<uuid:uuid>/", plannen.plan_detail, name="plan-detail"),
    path("plannen/<uuid:uuid>/bestand/", plannen.plan_bestand, name="plan-bestand"),
    path("beschikkingen/<uuid:uuid>/", beschikkingen.beschikking_detail, name="beschikking-detail"),
    path(
        "beschikkingen/<uuid:uuid>/verlengen/",
        beschikkingen.beschikking_verlengen,
        name="beschikking-verlengen",
    ),
    path(
        "beschikkingen/<uuid:uuid>/intrekken/",
        beschikkingen.beschikking_intrekken,
        name="beschikking-intrekken",
    ),
    path("meldingen/<uuid:uuid>/afwijzen/", meldingen.melding_afwijzen, name="melding-afwijzen"),
    path("brieven/<uuid:uuid>/pdf/", brieven.brief_pdf, name="brief-pdf"),
    path("brieven/<uuid:uuid>/voorbeeld/", brieven.brief_voorbeeld, name="brief-voorbeeld"),
    path("verzending/", brieven.verzendruns, name="verzendruns"),
    path("verzending/<uuid:uuid>/", brieven.verzendrun_detail, name="verzendrun-detail"),
    path("verzending/<uuid:uuid>/pdf/", brieven.verzendrun_pdf, name="verzendrun-pdf"),
    path(
        "verzending/<uuid:uuid>/verzonden/",
        brieven.verzendrun_verzonden_view,
        name="verzendrun-verzonden",
    ),
    path("werklijst/", werklijst.werklijst, name="werklijst"),
    *lijsten,
]
