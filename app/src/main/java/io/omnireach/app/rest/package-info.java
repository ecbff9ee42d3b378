/** REST API under /api/v1: JSON in and out, problem+json errors, bearer JWT (MP JWT). */
package io.omnireach.app.rest;
