"""SHACL validation of the policykg graph: a fast engine on pyoxigraph, pyshacl as reference."""
