-- Search that folds like the routing keywords (lib/routing/text.ts foldText): ä→ae, ö→oe, ü→ue,
-- ß→ss, then accents dropped (canonical decomposition, combining marks U+0300–U+036F removed),
-- then lower case, so "Geräusch", "Geraeusch" and "GERÄUSCH" find each other. Folding before
-- lower() keeps it right under the C locale the embedded database runs with, where lower() only
-- knows ASCII. normalize() plus one regular expression costs a few microseconds per text; a
-- translate() over every accented letter cost thirty times as much.
-- IMMUTABLE and PARALLEL SAFE so it can back an index: a trigram GIN index on search_fold(text)
-- serves "like %…%" searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fold$
  select lower(regexp_replace(normalize(
    replace(replace(replace(replace(replace(replace(replace(replace(input,
      'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'),
    NFD), '[\u0300-\u036f]', '', 'g'))
$fold$;
