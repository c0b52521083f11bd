PREFIX : <http://example.org/>
WITH :g INSERT { ?s :fromDefault ?o } USING <urn:bdis:nothing> USING NAMED :g WHERE { ?s :p ?o } ;
WITH :g INSERT { ?s :fromChain ?o } USING :g USING NAMED :g WHERE { ?s :q ?o }
