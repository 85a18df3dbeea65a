from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("aanbieders/", views.aanbieders, name="aanbieders"),
]
