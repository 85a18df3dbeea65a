from django.urls import path

from .views import actiepunten, openbaar, vergaderingen

app_name = "fot"

urlpatterns = [
    path("fot/", vergaderingen.overzicht, name="overzicht"),
    path("fot/nieuw/", vergaderingen.vergadering_nieuw, name="vergadering-nieuw"),
    path("fot/zoeken/", vergaderingen.zoeken, name="zoeken"),
    path("fot/vergaderingen/<uuid:uuid>/", vergaderingen.vergadering, name="vergadering"),
    path("fot/vergaderingen/<uuid:uuid>/pdf/", vergaderingen.pdf, name="pdf"),
    path(
        "fot/vergaderingen/<uuid:uuid>/agendapunt/",
        vergaderingen.agendapunt_nieuw,
        name="agendapunt-nieuw",
    ),
    path(
        "fot/vergaderingen/<uuid:uuid>/actiepunt/",
        actiepunten.actiepunt_nieuw,
        name="actiepunt-nieuw",
    ),
    path("fot/vergaderingen/<uuid:uuid>/delen/", vergaderingen.delen, name="delen"),
    path(
        "fot/vergaderingen/<uuid:uuid>/vaststellen/", vergaderingen.vaststellen, name="vaststellen"
    ),
    path("fot/vergaderingen/<uuid:uuid>/publiceren/", vergaderingen.publiceren, name="publiceren"),
    path("fot/vergaderingen/<uuid:uuid>/annotatie/", vergaderingen.annotatie, name="annotatie"),
    path("fot/agendapunten/<uuid:uuid>/", vergaderingen.agendapunt, name="agendapunt"),
    path(
        "fot/agendapunten/<uuid:uuid>/bijlage/", vergaderingen.bijlage_nieuw, name="bijlage-nieuw"
    ),
    path("fot/bijlagen/<uuid:uuid>/", vergaderingen.bijlage, name="bijlage"),
    path("fot/vergaderingen/<uuid:uuid>/gegevens/", vergaderingen.gegevens, name="gegevens"),
    path("fot/actiepunten/", actiepunten.actiepunten, name="actiepunten"),
    path("fot/actiepunten/<uuid:uuid>/", actiepunten.actiepunt, name="actiepunt"),
    path("openbaar/fot/", openbaar.openbaar_lijst, name="openbaar"),
    path("openbaar/fot/<uuid:uuid>/", openbaar.openbaar_verslag, name="openbaar-verslag"),
    path("openbaar/fot/<uuid:uuid>/pdf/", openbaar.openbaar_pdf, name="openbaar-pdf"),
]
