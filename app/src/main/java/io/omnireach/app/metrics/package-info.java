/** Micrometer with the Prometheus registry: JVM, HTTP and sign-in metrics at /metrics. */
package io.omnireach.app.metrics;
