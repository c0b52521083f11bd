PREFIX ex: <http://example.org/>
WITH ex:g DELETE { ?s ex:p ?o } INSERT { ?s ex:q ?o } USING ex:h USING NAMED ex:i WHERE { ?s ex:p ?o }