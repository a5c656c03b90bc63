"""The live prompt corpus: real prompt programs run end to end through the supervisor."""
