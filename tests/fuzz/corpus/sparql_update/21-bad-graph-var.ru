PREFIX ex: <http://example.org/>
INSERT DATA { GRAPH ?g { ex:s ex:p 1 } }