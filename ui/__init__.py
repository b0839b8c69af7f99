"""The Qt GUI over the core in models/.  The only package that imports Qt; runs no SQL."""
