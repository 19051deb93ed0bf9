"""The REST API (Django REST framework) over the same selectors and services as the pages."""
