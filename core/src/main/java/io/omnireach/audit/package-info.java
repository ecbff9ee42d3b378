/** The audit log: who did what to which tenant, kept even after a tenant is deleted. */
package io.omnireach.audit;
