"""Concord's language library: readers, segmenter, diff and the draft checker (no Django)."""
