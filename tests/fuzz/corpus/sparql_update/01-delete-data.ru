PREFIX ex: <http://example.org/>
DELETE DATA { ex:s ex:p 1 }