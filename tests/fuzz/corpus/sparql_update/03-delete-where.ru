PREFIX ex: <http://example.org/>
DELETE WHERE { ?s ex:p ?o . GRAPH ?g { ?s ex:q ?x } }