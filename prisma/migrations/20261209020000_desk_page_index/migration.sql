-- Issue #15: a region's desk list finds its files by the village-code index and sorts their ids by
-- the page's order before reading any file (children/repository.ts deskPage). With the id and the
-- sort keys in the index, that first pass is an index-only scan: a village's list reads its twenty
-- files instead of reading all 170 twice (once to find them, once to sort them).
DROP INDEX "children_villageCode_pattern_idx";
CREATE INDEX "children_villageCode_pattern_idx" ON "children" ("villageCode" text_pattern_ops) INCLUDE ("id", "name", "birthDate");
