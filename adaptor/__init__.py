"""Intent-graph schema, rule checks, interchange and (later) the layout adaptor."""
