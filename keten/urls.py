from django.urls import path

from . import views

app_name = "keten"

urlpatterns = [
    path("keten/berichten/", views.berichten, name="berichten"),
    path("keten/berichten/<uuid:uuid>/", views.bericht_detail, name="bericht-detail"),
    path("keten/berichten/<uuid:uuid>/xml/", views.bericht_xml, name="bericht-xml"),
    path("keten/problemen/", views.problemen, name="problemen"),
]
