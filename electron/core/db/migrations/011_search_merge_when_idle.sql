-- FTS5 merges the search index's segments inside whichever commit makes a level full; at ten
-- years of items that put 3–9 ms into one save in twenty. The app merges when the user pauses
-- instead (search/edition-search.ts, mergeSearchSegments); FTS5's crisis merge (16 segments on a
-- level) still bounds the index if the app is never idle.
INSERT INTO edition_search(edition_search, rank) VALUES ('automerge', 0);
