/** The tenant's activity feed and the figures on its dashboard, read from PostgreSQL. */
package io.omnireach.dashboard;
