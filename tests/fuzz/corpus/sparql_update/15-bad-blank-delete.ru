PREFIX ex: <http://example.org/>
DELETE DATA { _:b ex:p 1 }