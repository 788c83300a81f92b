"""The evaluation stage: gold scoring for the extraction rules, and the public NER sets."""
