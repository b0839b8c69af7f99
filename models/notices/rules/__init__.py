"""Small named rules that read one field each out of the text of a notice."""
