/** Jakarta Batch artifacts; job XMLs live in META-INF/batch-jobs. */
package io.omnireach.jobs;
