/**
 * JPA on EclipseLink with the project's tenancy rule ({@link
 * io.omnireach.billing.jpa.JpaTransactions}); the persistence unit {@code billing} is in {@code
 * META-INF/persistence.xml} of this jar.
 */
package io.omnireach.billing.jpa;
