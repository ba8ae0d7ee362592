"""The Word writer and template reader, through python-docx.

The only package (with `check/` for reading) that imports `docx`.
"""
