from django.urls import path

from .urls_lijsten import urlpatterns as lijsten
from .views import brieven, clienten, hoproces

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
    path("clienten/<uuid:uuid>/tijdlijn/", hoproces.tijdlijn, name="client-tijdlijn"),
    path("clienten/<uuid:uuid>/melding/", hoproces.melding_nieuw, name="melding-nieuw"),
    path("meldingen/<uuid:uuid>/", hoproces.melding_detail, name="melding-detail"),
    path("meldingen/<uuid:uuid>/beschikken/", hoproces.beschikken, name="melding-beschikken"),
    path("toewijzingen/<uuid:uuid>/", hoproces.toewijzing_detail, name="toewijzing-detail"),
    path("toewijzingen/<uuid:uuid>/plan/", hoproces.plan_indienen, name="plan-indienen"),
    path("toewijzingen/<uuid:uuid>/start/", hoproces.start_melden, name="start-melden"),
    path("plannen/<uuid:uuid>/", hoproces.plan_detail, name="plan-detail"),
    path("plannen/<uuid:uuid>/bestand/", hoproces.plan_bestand, name="plan-bestand"),
    path("beschikkingen/<uuid:uuid>/", hoproces.beschikking_detail, name="beschikking-detail"),
    path(
        "beschikkingen/<uuid:uuid>/verlengen/",
        hoproces.beschikking_verlengen,
        name="beschikking-verlengen",
    ),
    path(
        "beschikkingen/<uuid:uuid>/exporteren/",
        hoproces.beschikking_exporteren,
        name="beschikking-exporteren",
    ),
    path(
        "beschikkingen/<uuid:uuid>/intrekken/",
        brieven.beschikking_intrekken,
        name="beschikking-intrekken",
    ),
    path("meldingen/<uuid:uuid>/afwijzen/", brieven.melding_afwijzen, name="melding-afwijzen"),
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
    path("werklijst/", hoproces.werklijst, name="werklijst"),
    *lijsten,
]
