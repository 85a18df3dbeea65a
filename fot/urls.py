from django.urls import path

from . import views

app_name = "fot"

urlpatterns = [
    path("fot/", views.overzicht, name="overzicht"),
    path("fot/nieuw/", views.vergadering_nieuw, name="vergadering-nieuw"),
    path("fot/zoeken/", views.zoeken, name="zoeken"),
    path("fot/vergaderingen/<uuid:uuid>/", views.vergadering, name="vergadering"),
    path("fot/vergaderingen/<uuid:uuid>/pdf/", views.pdf, name="pdf"),
    path(
        "fot/vergaderingen/<uuid:uuid>/agendapunt/", views.agendapunt_nieuw, name="agendapunt-nieuw"
    ),
    path("fot/vergaderingen/<uuid:uuid>/actiepunt/", views.actiepunt_nieuw, name="actiepunt-nieuw"),
    path("fot/vergaderingen/<uuid:uuid>/delen/", views.delen, name="delen"),
    path("fot/vergaderingen/<uuid:uuid>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("fot/vergaderingen/<uuid:uuid>/publiceren/", views.publiceren, name="publiceren"),
    path("fot/vergaderingen/<uuid:uuid>/annotatie/", views.annotatie, name="annotatie"),
    path("fot/agendapunten/<uuid:uuid>/", views.agendapunt, name="agendapunt"),
    path("fot/agendapunten/<uuid:uuid>/bijlage/", views.bijlage_nieuw, name="bijlage-nieuw"),
    path("fot/bijlagen/<uuid:uuid>/", views.bijlage, name="bijlage"),
    path("fot/vergaderingen/<uuid:uuid>/gegevens/", views.gegevens, name="gegevens"),
    path("fot/actiepunten/", views.actiepunten, name="actiepunten"),
    path("fot/actiepunten/<uuid:uuid>/", views.actiepunt, name="actiepunt"),
    path("openbaar/fot/", views.openbaar_lijst, name="openbaar"),
    path("openbaar/fot/<uuid:uuid>/", views.openbaar_verslag, name="openbaar-verslag"),
    path("openbaar/fot/<uuid:uuid>/pdf/", views.openbaar_pdf, name="openbaar-pdf"),
]
