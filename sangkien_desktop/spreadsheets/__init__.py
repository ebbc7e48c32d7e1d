"""Excel in and out (openpyxl): import templates, importers of members and initiatives that
preview every row's problems before writing all or nothing, and formatted exports."""
