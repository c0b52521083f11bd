PREFIX ex: <http://example.org/>
INSERT DATA { ex:a ex:b ex:c } ;
PREFIX ex2: <http://example.org/2/>
DELETE DATA { ex2:a ex:b ex:c } ;