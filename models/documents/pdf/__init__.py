"""Official-format PDF documents (GB/T 9704-2012) on reportlab: describe one with ``blocks``, write it with
``build.build_pdf`` (reportlab is imported only when building).  Nothing is imported here, so a module of the
package never imports its own facade (no import ring)."""
