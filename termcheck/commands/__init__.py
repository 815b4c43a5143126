"""One module per command; termcheck.cli registers them."""
