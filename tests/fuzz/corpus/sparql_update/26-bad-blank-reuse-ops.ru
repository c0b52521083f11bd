PREFIX ex: <http://example.org/>
INSERT DATA { _:b ex:p 1 } ; INSERT DATA { _:b ex:p 2 }