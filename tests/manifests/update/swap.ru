PREFIX : <http://example.org/>
DELETE { ?s :p ?o } INSERT { ?o :p ?s } WHERE { ?s :p ?o }
