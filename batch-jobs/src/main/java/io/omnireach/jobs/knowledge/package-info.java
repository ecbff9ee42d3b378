/** The knowledge-index job: extract, chunk, embed and store one uploaded document. */
package io.omnireach.jobs.knowledge;
