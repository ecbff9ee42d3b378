/**
 * White-label brand editors: a reseller's brand and policy (also edited by the Owner), a tenant
 * admin's overrides, with uploads and a live light/dark preview. Storage and validation are the
 * core {@code io.omnireach.brand} services.
 */
package io.omnireach.ui.brand;
