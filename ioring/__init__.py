"""ioring: an agentic design assistant for the I/O rings of analog/mixed-signal chips."""

__version__ = "0.1.0"
