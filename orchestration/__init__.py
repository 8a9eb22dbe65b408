"""Nightly ETL of science-and-technology indicators from Chinese news articles into DuckDB."""
