"""The PowerPoint writer and template reader, through python-pptx.

The only package (with `check/` for reading) that imports `pptx`.
"""
