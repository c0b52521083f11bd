PREFIX ex: <http://example.org/>
INSERT DATA { ex:s ex:p 1 