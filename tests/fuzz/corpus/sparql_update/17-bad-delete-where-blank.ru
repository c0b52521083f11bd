PREFIX ex: <http://example.org/>
DELETE WHERE { _:b ex:p ?o }