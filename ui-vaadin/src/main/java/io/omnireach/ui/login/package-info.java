/** The sign-in page, branded for the tenant when reached on its host or with ?tenant=. */
package io.omnireach.ui.login;
