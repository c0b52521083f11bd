PREFIX : <http://example.org/>
INSERT { ?o :of ?s . ?s :missing ?nothing } WHERE { ?s ?p ?o OPTIONAL { ?s :none ?nothing } }
