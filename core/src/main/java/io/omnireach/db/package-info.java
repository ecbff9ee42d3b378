/**
 * Database access shared by every feature: units of work bound to the platform schema or to exactly
 * one tenant schema, Flyway migrations, and creating the database on first start.
 */
package io.omnireach.db;
