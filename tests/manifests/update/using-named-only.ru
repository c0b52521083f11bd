PREFIX : <http://example.org/>
INSERT { GRAPH :g { ?s :seen true } } USING NAMED :g WHERE { ?s ?p ?o } ;
INSERT { GRAPH :g { ?s :inG true } } USING NAMED :g WHERE { GRAPH :g { ?s ?p ?o } }
