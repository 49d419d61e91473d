"""ioring tests."""
