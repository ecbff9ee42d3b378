/** The audit log views: a tenant admin's and the Owner's platform-wide one. */
package io.omnireach.ui.audit;
