"""The REST API of this domain: serializers and viewsets, registered in partnerhub/api/urls.py."""
