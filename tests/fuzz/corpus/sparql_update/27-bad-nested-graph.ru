PREFIX ex: <http://example.org/>
INSERT DATA { GRAPH ex:g { GRAPH ex:h { ex:s ex:p 1 } } }