/**
 * Micrometer with the Prometheus registry at /metrics: JVM, HTTP, sign-in and business metrics
 * (docs/operations.md).
 */
package io.omnireach.app.metrics;
