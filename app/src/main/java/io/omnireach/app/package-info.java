/** The deployable application: wiring of core services into CDI, start-up, configuration. */
package io.omnireach.app;
