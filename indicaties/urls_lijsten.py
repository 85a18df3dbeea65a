"""Bulk lists and reports (views in indicaties/views/lijsten.py), in the indicaties
namespace."""

from django.urls import path

from .views import lijsten

urlpatterns: list = [
    path("lijsten/", lijsten.bulklijsten, name="bulklijsten"),
    path("lijsten/nieuw/", lijsten.bulklijst_uploaden, name="bulklijst-uploaden"),
    path(
        "lijsten/voorbeeld/<slug:soort>.csv",
        lijsten.bulklijst_voorbeeld,
        name="bulklijst-voorbeeld",
    ),
    path("lijsten/<uuid:uuid>/", lijsten.bulklijst_detail, name="bulklijst-detail"),
    path(
        "lijsten/<uuid:uuid>/importeren/",
        lijsten.bulklijst_importeren,
        name="bulklijst-importeren",
    ),
    path("rapportages/wasservice/", lijsten.wasservice, name="wasservice-kandidaten"),
]
