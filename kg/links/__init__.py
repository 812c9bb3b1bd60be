"""Linking to other graphs: our organizations and documents found in another SPARQL endpoint by
official name and document number, written as skos:exactMatch links with their evidence."""
