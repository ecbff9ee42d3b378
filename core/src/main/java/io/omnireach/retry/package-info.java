/** The one retry policy shared by the outbox, system mail, the workflow engine and AI calls. */
package io.omnireach.retry;
