/** Start-up: create the database if missing, migrate, load demo data in dev mode. */
package io.omnireach.app.startup;
