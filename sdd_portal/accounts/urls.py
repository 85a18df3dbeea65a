from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("organisatie/rechten/", views.rechten, name="rechten"),
]
