-- Full-text search over the catalog. Text is pre-tokenised by the worker into space-separated
-- CJK bigrams and ASCII words (worker/catalog/search-tokens.ts), so unicode61 only splits on spaces
-- and Chinese queries like 海尔冰箱 or 一级能效空调 match without a native Chinese tokenizer.
CREATE VIRTUAL TABLE `catalog_search` USING fts5(`product_id` UNINDEXED, `tokens`, tokenize = 'unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE VIRTUAL TABLE `catalog_search_vocab` USING fts5vocab(`catalog_search`, 'row');
