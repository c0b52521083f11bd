LOAD <g.ttl> INTO GRAPH <http://example.org/loaded>
