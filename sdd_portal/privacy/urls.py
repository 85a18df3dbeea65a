from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("beheer/vernietiging/", views.lijsten, name="lijsten"),
    path("beheer/vernietiging/<uuid:uuid>/", views.lijst, name="lijst"),
    path("beheer/inzageverzoek/", views.inzage, name="inzage"),
]
