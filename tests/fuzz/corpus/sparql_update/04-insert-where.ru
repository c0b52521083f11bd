PREFIX ex: <http://example.org/>
INSERT { GRAPH ex:g { ?s a ex:T } } WHERE { ?s ?p ?o OPTIONAL { ?s ex:n ?n } FILTER(!BOUND(?n)) }