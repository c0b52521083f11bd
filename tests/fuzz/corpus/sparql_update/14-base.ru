BASE <http://example.org/a/>
INSERT DATA { <s> <p> <../o> }