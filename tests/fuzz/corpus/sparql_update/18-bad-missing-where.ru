PREFIX ex: <http://example.org/>
DELETE { ?s ex:p ?o }