"""The designer corpus: requests written as designers write them, from structural definitions.

See bench/README.md ("The designer corpus") for the styles, supply families and the hold-out rule.
"""
