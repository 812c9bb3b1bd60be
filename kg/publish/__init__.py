"""Publishing the graph for others: named graphs by document, dumps, and a VoID/DCAT description."""
