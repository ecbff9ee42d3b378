/**
 * The {@code privacy-request} job: a lead's data export or erasure, one step per chunk, restartable
 * after the last committed step.
 */
package io.omnireach.jobs.privacy;
