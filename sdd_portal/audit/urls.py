from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("beheer/toegangslog/", views.zoeken, name="zoeken"),
]
