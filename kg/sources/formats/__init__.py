"""Files as governments publish them (PDF, Word, spreadsheets, scans), read into the lines every
reader works on: paragraphs as lines, table rows as lines of tab-separated cells, each line with
where in the file it stands (a page, a table row, a sheet's row)."""
