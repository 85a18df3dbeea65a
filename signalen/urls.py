from django.urls import path

from . import views

app_name = "signalen"

urlpatterns = [
    path("postvak/", views.postvak, name="postvak"),
    path("postvak/gelezen/", views.alles_gelezen, name="alles-gelezen"),
    path("postvak/instellingen/", views.voorkeuren, name="voorkeuren"),
    path("postvak/<uuid:uuid>/", views.signaal_detail, name="signaal-detail"),
]
