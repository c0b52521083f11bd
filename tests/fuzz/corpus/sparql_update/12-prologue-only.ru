PREFIX ex: <http://example.org/>
