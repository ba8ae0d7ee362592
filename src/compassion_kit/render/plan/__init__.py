"""Pure planning: model objects in, plain specs out (which layout, what text, which picture).

Nothing here imports python-pptx or python-docx; the writers in `render/pptx/` and
`render/docx/` turn these specs into files.
"""
