"""Where the project keeps its inputs and outputs."""

from kg import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
SOURCES = DATA / "sources"
REGISTRY = DATA / "registry" / "organizations.csv"
DOCUMENTS = DATA / "registry" / "documents.csv"
CHANGES = DATA / "registry" / "changes.csv"
COUNTERPARTS = DATA / "registry" / "counterparts.csv"
CITED = DATA / "registry" / "cited-documents.csv"
CITATIONS = DATA / "registry" / "citations.csv"
PLACES = DATA / "registry" / "places.csv"
DIVISIONS = DATA / "divisions" / "result.csv"
PREFIXES = DATA / "divisions" / "prefixes.csv"
LEXICON = DATA / "lexicon"  # bodies.csv and reforms.csv
ZONES = DATA / "zones" / "zones.csv"  # the national development zones
TRIPLES = DATA / "triples.ttl"
LINKS = DATA / "links"  # policykg link writes links to other graphs here; serve includes them
INFERRED = DATA / "inferred.trig"  # policykg reason writes it; policykg serve includes it
CONTEXT = DATA / "context.jsonld"
ONTOLOGY = PROJECT_ROOT / "ontology" / "policykg.ttl"
SHAPES = PROJECT_ROOT / "shapes"
