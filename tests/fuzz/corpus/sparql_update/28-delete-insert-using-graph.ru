PREFIX ex: <http://example.org/>
DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o FILTER(?o > 3) } }