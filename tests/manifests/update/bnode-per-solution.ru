PREFIX : <http://example.org/>
INSERT { _:n :of ?s . _:n :to ?o } WHERE { ?s :p ?o }
