PREFIX ex: <http://example.org/>
INSERT DATA { ?s ex:p 1 }