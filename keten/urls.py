from django.urls import path

from . import views

app_name = "keten"

urlpatterns = [
    path(
        "beschikkingen/<uuid:uuid>/exporteren/",
        views.beschikking_exporteren,
        name="beschikking-exporteren",
    ),
]
