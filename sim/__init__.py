"""Circuit simulation behind the sizing and topology tools (ngspice in batch mode)."""
