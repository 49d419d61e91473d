"""DRC and LVS of built rings on klayout.db, fault injection, and the tape-out review page."""
