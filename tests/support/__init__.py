"""Helpers the tests use to check generated files with tools the kit did not write."""
