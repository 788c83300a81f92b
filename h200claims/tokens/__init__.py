"""Stage 2, tokens: segmenters (jieba, pkuseg) over the Simplified view, and a spaCy Doc."""
