"""The whole site under /mtcr/, as another URL configuration for a test."""

from django.urls import include, path

urlpatterns = [path("mtcr/", include("mtcr_site.urls"))]
