/**
 * Knowledge base of a tenant: uploaded documents, their text in chunks embedded in-process, stored
 * in pgvector with an HNSW (cosine) index, and the passages a draft is written from.
 */
package io.omnireach.knowledge;
