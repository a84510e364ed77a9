"""The `kg` command line: a thin click layer over the `graph` library."""
