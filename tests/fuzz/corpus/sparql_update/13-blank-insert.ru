PREFIX ex: <http://example.org/>
INSERT { _:b ex:p ?o } WHERE { ?s ex:p ?o }