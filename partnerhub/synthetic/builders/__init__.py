"""One builder per domain: each draws valid rows and writes them through a BatchWriter."""
