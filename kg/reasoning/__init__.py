"""OWL reasoning: HermiT through owlready2, or the same inferences by SPARQL rules."""
