/**
 * The {@code lead-import} chunk job: stream a CSV file, check each row, write chunks of rows and
 * the import's progress in one transaction, checkpointing the row number so a restart resumes.
 */
package io.omnireach.jobs.leadimport;
