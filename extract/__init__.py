"""Lode's build-time stages: load -> clean -> extract -> link -> render -> index -> package."""
