"""SHACL validation of the policykg graph: shapes, a fast engine on pyoxigraph, pyshacl as reference."""
