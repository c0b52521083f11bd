PREFIX ex: <http://example.org/>
INSERT DATA { ex:s ex:p 1 . GRAPH ex:g { ex:s ex:p "x"@en } }