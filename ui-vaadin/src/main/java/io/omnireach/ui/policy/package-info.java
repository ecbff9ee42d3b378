/** The Policies view: the tenant's compliance rules, their history, and a "check a text" box. */
package io.omnireach.ui.policy;
