"""実績報告: the fiscal-year activity report window (tables, chart, .xlsx and PDF export)."""
