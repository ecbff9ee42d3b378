/** People: platform users, their roles per tenant, password hashing and invitations. */
package io.omnireach.user;
