/**
 * Resellers as the rest of core sees them: who they are and whether they are active. Creating,
 * suspending and resuming them lives in tenant-provisioning ({@code io.omnireach.provisioning}).
 */
package io.omnireach.reseller;
