"""Analog circuit sizing: templates, the unified turn reward, optimisers."""
