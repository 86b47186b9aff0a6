"""Vietnamese text handling: normalisation, number-symbols, dates."""
